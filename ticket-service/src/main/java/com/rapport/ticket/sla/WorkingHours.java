package com.rapport.ticket.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.regex.Pattern;

/**
 * The working hours of one weekday in a {@link BusinessCalendar}: from {@code from} to {@code to}, local time
 * {@code HH:mm}; {@code to} may be {@code 24:00} (the end of the day).
 */
public record WorkingHours(DayOfWeek day, String from, String to) {

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

	/** Whether {@code value} is a time of day as working hours take it ({@code HH:mm}, or {@code 24:00}). */
	public static boolean isTime(String value) {
		return value != null && TIME.matcher(value).matches();
	}

	/** Minutes after midnight of a valid time ({@link #isTime}). */
	static int minutes(String value) {
		return Integer.parseInt(value.substring(0, 2)) * 60 + Integer.parseInt(value.substring(3, 5));
	}

	int fromMinute() {
		return minutes(from);
	}

	int toMinute() {
		return minutes(to);
	}

	LocalTime start() {
		return LocalTime.ofSecondOfDay(fromMinute() * 60L);
	}
}
