package com.rapport.ordertracking.receivables;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a reminder may reach a contact: on a working day of its holiday calendar, between {@code from} (inclusive)
 * and {@code until} (exclusive) in its time zone (customer-service's; {@code Asia/Shanghai} when none or an unknown
 * one, as for quiet hours).
 */
public record WorkingHours(LocalTime from, LocalTime until) {

	public static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Shanghai");

	public WorkingHours {
		if (!from.isBefore(until)) {
			throw new IllegalArgumentException("Working hours must end after they start");
		}
	}

	public static ZoneId zoneOf(String timeZone) {
		try {
			return timeZone == null || timeZone.isBlank() ? FALLBACK_ZONE : ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException ex) {
			return FALLBACK_ZONE;
		}
	}

	/**
	 * The first moment at or after {@code earliest} within working hours on a working day of {@code calendar}, in
	 * {@code zone}; {@code earliest} itself when it is one. Looks at most a year ahead.
	 */
	public Instant nextOpening(Instant earliest, ZoneId zone, HolidayCalendar calendar) {
		ZonedDateTime at = earliest.atZone(zone);
		LocalDate day = at.toLocalDate();
		for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
			if (!calendar.isWorkingDay(day)) {
				continue;
			}
			ZonedDateTime opens = day.atTime(from).atZone(zone);
			ZonedDateTime closes = day.atTime(until).atZone(zone);
			if (at.isBefore(opens)) {
				return opens.toInstant();
			}
			if (at.isBefore(closes)) {
				return at.toInstant();
			}
		}
		return earliest;
	}
}
