package com.rapport.support.validation;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.support.error.Message;

/**
 * A period of whole UTC months asked for as {@code fromMonth} and {@code toMonth} ({@code 2026-01}), as the dashboards'
 * figures are read: every month from the first to the last, both included. Each service says what is wrong in its own
 * codes: {@link #parse} adds the problems to the service's own field map, so it can refuse them together with its
 * other fields under its own reason.
 */
public record MonthRange(List<YearMonth> months) {

	public MonthRange {
		if (months.isEmpty()) {
			throw new IllegalArgumentException("A period has at least one month");
		}
		months = List.copyOf(months);
	}

	/**
	 * The months from {@code fromMonth} to {@code toMonth}, or null with the problems added to {@code invalid}:
	 * {@code monthCode} on {@code fromMonth} / {@code toMonth} for a value that is not a month (blank, {@code 2026-13},
	 * {@code 2026-1}), {@code periodCode} (with {@code maxMonths}) on {@code toMonth} for a period that ends before it
	 * starts or runs over {@code maxMonths} months.
	 */
	public static MonthRange parse(String fromMonth, String toMonth, int maxMonths, String monthCode, String periodCode,
			Map<String, Message> invalid) {
		YearMonth from = month(fromMonth, "fromMonth", monthCode, invalid);
		YearMonth to = month(toMonth, "toMonth", monthCode, invalid);
		if (from == null || to == null) {
			return null;
		}
		if (to.isBefore(from) || from.plusMonths(maxMonths - 1).isBefore(to)) {
			invalid.put("toMonth", Message.of(periodCode, maxMonths));
			return null;
		}
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			months.add(month);
		}
		return new MonthRange(months);
	}

	private static YearMonth month(String value, String field, String code, Map<String, Message> invalid) {
		try {
			return YearMonth.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException ex) {
			invalid.put(field, Message.of(code));
			return null;
		}
	}

	public YearMonth first() {
		return months.get(0);
	}

	public YearMonth last() {
		return months.get(months.size() - 1);
	}

	/** The first instant of the first month, UTC. */
	public Instant start() {
		return first().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** The first instant after the last month, UTC. */
	public Instant end() {
		return last().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}
}
