package com.rapport.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When the support desk works: hours per weekday in a time zone, and public holidays (no working time). SLA
 * targets count working time only: {@link #plus} finds when a span of working time from an instant ends,
 * {@link #between} how much working time lies between two instants. Days are those of the calendar's zone, so
 * a day that a daylight-saving change shortens or lengthens has that much less or more working time when its
 * hours span the change. {@code updatedAt} and {@code updatedBy} say who last changed a stored calendar.
 */
@Document("business_calendars")
public record BusinessCalendar(@Id String id, String name, String timeZone, List<WorkingHours> hours,
		List<Holiday> holidays, Instant updatedAt, String updatedBy) {

	/** The calendar the standard policies use unless settings say otherwise. */
	public static final String STANDARD = "standard";

	/**
	 * Every hour of every day, in UTC: wall-clock time. Tickets opened before calendars existed (they name
	 * none) run on it.
	 */
	public static final BusinessCalendar ROUND_THE_CLOCK = new BusinessCalendar("round-the-clock", "Round the clock",
			"UTC", Arrays.stream(DayOfWeek.values()).map(day -> new WorkingHours(day, "00:00", "24:00")).toList(),
			List.of(), null, null);

	/** A search ends after this many days without enough working time (a calendar without any: refused when saved). */
	private static final int MAX_DAYS = 366 * 30;

	public BusinessCalendar {
		hours = hours == null ? List.of() : List.copyOf(hours);
		holidays = holidays == null ? List.of() : List.copyOf(holidays);
	}

	public ZoneId zone() {
		return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
	}

	/** The same calendar as changed by {@code by} at {@code at}. */
	public BusinessCalendar changedBy(String by, Instant at) {
		return new BusinessCalendar(id, name, timeZone, hours, holidays, at, by);
	}

	/** The instant {@code span} of working time after {@code from} ({@code from} itself for no time). */
	public Instant plus(Instant from, Duration span) {
		if (span.isNegative()) {
			return minus(from, span.negated());
		}
		if (span.isZero()) {
			return from;
		}
		ZoneId zone = zone();
		Duration left = span;
		LocalDate day = LocalDate.ofInstant(from, zone);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			Instant[] window = window(day, zone);
			if (window == null || !window[1].isAfter(from)) {
				continue;
			}
			Instant start = window[0].isAfter(from) ? window[0] : from;
			Duration available = Duration.between(start, window[1]);
			if (left.compareTo(available) <= 0) {
				return start.plus(left);
			}
			left = left.minus(available);
		}
		throw new IllegalStateException("Calendar " + id + " has no working time in " + MAX_DAYS + " days");
	}

	/** The instant {@code span} of working time before {@code to} ({@code to} itself for no time). */
	public Instant minus(Instant to, Duration span) {
		if (span.isNegative()) {
			return plus(to, span.negated());
		}
		if (span.isZero()) {
			return to;
		}
		ZoneId zone = zone();
		Duration left = span;
		LocalDate day = LocalDate.ofInstant(to, zone);
		for (int i = 0; i < MAX_DAYS; i++, day = day.minusDays(1)) {
			Instant[] window = window(day, zone);
			if (window == null || !window[0].isBefore(to)) {
				continue;
			}
			Instant end = window[1].isBefore(to) ? window[1] : to;
			Duration available = Duration.between(window[0], end);
			if (left.compareTo(available) <= 0) {
				return end.minus(left);
			}
			left = left.minus(available);
		}
		throw new IllegalStateException("Calendar " + id + " has no working time in " + MAX_DAYS + " days");
	}

	/** The working time from {@code from} to {@code to}; none when {@code to} is not after {@code from}. */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		ZoneId zone = zone();
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(to, zone);
		for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
			Instant[] window = window(day, zone);
			if (window == null) {
				continue;
			}
			Instant start = window[0].isAfter(from) ? window[0] : from;
			Instant end = window[1].isBefore(to) ? window[1] : to;
			if (end.isAfter(start)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	/** Whether {@code at} is in working time (its second counts towards a target). */
	public boolean isWorkingAt(Instant at) {
		return !between(at, at.plusSeconds(1)).isZero();
	}

	/** Whether there is any working time in a week (a calendar without is refused). */
	public boolean hasWorkingTime() {
		return hours.stream().anyMatch(h -> h.toMinute() > h.fromMinute());
	}

	/** The working window of a local day, as instants; null on a holiday or a day without hours. */
	private Instant[] window(LocalDate day, ZoneId zone) {
		WorkingHours hoursOfDay = hours.stream().filter(h -> h.day() == day.getDayOfWeek()).findFirst().orElse(null);
		if (hoursOfDay == null || hoursOfDay.toMinute() <= hoursOfDay.fromMinute()
				|| holidays.stream().anyMatch(h -> day.equals(h.date()))) {
			return null;
		}
		Instant start = day.atTime(hoursOfDay.start()).atZone(zone).toInstant();
		int to = hoursOfDay.toMinute();
		Instant end = to == 24 * 60 ? day.plusDays(1).atStartOfDay(zone).toInstant()
				: day.atTime(to / 60, to % 60).atZone(zone).toInstant();
		return new Instant[] { start, end };
	}
}
