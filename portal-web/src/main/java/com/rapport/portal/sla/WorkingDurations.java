package com.rapport.portal.sla;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as managers type and read it: {@code 8h}, {@code 30m}, {@code 1h 30m}, or a number of minutes
 * ({@code 90}); working time, days not offered (a working day is the calendar's, not 24 hours).
 */
final class WorkingDurations {

	private static final Pattern MINUTES = Pattern.compile("\\d{1,6}");

	private static final Pattern HOURS_MINUTES = Pattern.compile("(?:(\\d{1,5})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?",
			Pattern.CASE_INSENSITIVE);

	private WorkingDurations() {
	}

	/** The minutes the text says; empty when it says none in a form we read. */
	static OptionalLong parse(String text) {
		String typed = text == null ? "" : text.strip();
		if (typed.isEmpty()) {
			return OptionalLong.empty();
		}
		if (MINUTES.matcher(typed).matches()) {
			return OptionalLong.of(Long.parseLong(typed));
		}
		Matcher matcher = HOURS_MINUTES.matcher(typed);
		if (!matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null)) {
			return OptionalLong.empty();
		}
		long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
		long minutes = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
		return OptionalLong.of(hours * 60 + minutes);
	}

	/** {@code 1h 30m}, {@code 8h}, {@code 45m}. */
	static String format(long minutes) {
		if (minutes % 60 == 0) {
			return minutes / 60 + "h";
		}
		return minutes < 60 ? minutes + "m" : minutes / 60 + "h " + minutes % 60 + "m";
	}
}
