package com.rapport.ordertracking.notification;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * A contact's quiet hours, {@code HH:mm} to {@code HH:mm} in the contact's own time zone; over midnight when
 * {@code from} is later than {@code until} (22:00 to 07:00). The start belongs to them, the end does not.
 * Kept as text so that the store holds exactly what the contact chose.
 */
public record QuietHours(String from, String until) {

	static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	/** Whether {@code text} is a time of day as quiet hours take it ({@code 07:30}). */
	public static boolean isTime(String text) {
		return text != null && HH_MM.matcher(text).matches();
	}

	/**
	 * When something due at {@code at} may go out: {@code at} itself outside the quiet hours, else the end of
	 * the quiet hours it falls in (today's, or tomorrow's when they run over midnight and {@code at} is before
	 * it), in {@code zone}. A local time a clock change skips is taken as the first time after it.
	 */
	public Instant release(Instant at, ZoneId zone) {
		LocalTime start = LocalTime.parse(from);
		LocalTime end = LocalTime.parse(until);
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (start.equals(end)) {
			return at;
		}
		boolean overMidnight = start.isAfter(end);
		boolean quiet = overMidnight ? !time.isBefore(start) || time.isBefore(end)
				: !time.isBefore(start) && time.isBefore(end);
		if (!quiet) {
			return at;
		}
		LocalDate endDay = overMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
		return ZonedDateTime.of(endDay, end, zone).toInstant();
	}

	/** The contact's time zone, or the business's ({@code Asia/Shanghai}) when it has none or an unknown one. */
	static ZoneId zoneOf(String timeZone) {
		try {
			return timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : ZoneId.of(timeZone);
		}
		catch (DateTimeException unknown) {
			return DEFAULT_ZONE;
		}
	}

	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
}
