package com.rapport.ordertracking.receivables;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The public holidays of a contact's region, on which no reminder goes (README "Holiday calendars"). Two regions:
 * {@code zh-CN}, mainland China's statutory holidays as the State Council announced them for 2026, with the
 * weekend days worked in exchange (调休), and for later years the fixed-date ones (New Year's Day, Labour Day 1–3
 * May, National Day 1–7 October) until that year's dates are added here; and {@code default}: Saturdays, Sundays,
 * 1 January and 25 December. Copied, not shared: ticket-service's business calendars are its own data (database per
 * service), edited by its managers for SLA clocks.
 */
public enum HolidayCalendar {

	ZH_CN("zh-CN"), DEFAULT("default");

	/** 2026: New Year 1–3 Jan, Spring Festival 15–23 Feb, Qingming 4–6 Apr, Labour Day 1–5 May, Dragon Boat 19–21
	 * Jun, Mid-Autumn 25–27 Sep, National Day 1–7 Oct. */
	private static final Set<LocalDate> CN_2026 = dates("2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15",
			"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22",
			"2026-02-23", "2026-04-04", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03",
			"2026-05-04", "2026-05-05", "2026-06-19", "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26",
			"2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
			"2026-10-07");

	/** 2026's weekend days worked instead (调休): 4 Jan, 14 and 28 Feb, 9 May, 20 Sep, 10 Oct. */
	private static final Set<LocalDate> CN_2026_WORKED = dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
			"2026-09-20", "2026-10-10");

	private static final Set<MonthDay> CN_FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 2),
			MonthDay.of(5, 3), MonthDay.of(10, 1), MonthDay.of(10, 2), MonthDay.of(10, 3), MonthDay.of(10, 4),
			MonthDay.of(10, 5), MonthDay.of(10, 6), MonthDay.of(10, 7));

	private static final Set<MonthDay> DEFAULT_FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25));

	/** The time zones of mainland China (a contact there keeps its public holidays). */
	private static final Set<String> CN_ZONES = Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking",
			"Asia/Harbin", "Asia/Urumqi", "Asia/Kashgar", "PRC");

	private final String region;

	HolidayCalendar(String region) {
		this.region = region;
	}

	public String region() {
		return region;
	}

	/** The calendar of a contact: by its time zone (customer-service's), mainland China's or the default. */
	public static HolidayCalendar ofTimeZone(String timeZone) {
		return timeZone != null && CN_ZONES.contains(timeZone.trim()) ? ZH_CN : DEFAULT;
	}

	/** Whether {@code day} is a working day: not a weekend (unless worked in exchange) and not a public holiday. */
	public boolean isWorkingDay(LocalDate day) {
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (this == ZH_CN) {
			if (day.getYear() == 2026) {
				return CN_2026_WORKED.contains(day) || (!weekend && !CN_2026.contains(day));
			}
			return !weekend && !CN_FIXED.contains(MonthDay.from(day));
		}
		return !weekend && !DEFAULT_FIXED.contains(MonthDay.from(day));
	}

	private static Set<LocalDate> dates(String... days) {
		return java.util.Arrays.stream(days).map(LocalDate::parse).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}
}
