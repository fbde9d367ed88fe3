package com.rapport.ordertracking.receivables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reminder reaches a contact on a working day of its region, in working hours of its own time zone. */
class WorkingHoursTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	final WorkingHours hours = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));

	@Test
	void withinWorkingHoursItGoesAtOnce() {
		Instant tuesdayAfternoon = Instant.parse("2026-12-08T06:30:00Z"); // 14:30 in Shanghai
		assertThat(hours.nextOpening(tuesdayAfternoon, SHANGHAI, HolidayCalendar.ZH_CN)).isEqualTo(tuesdayAfternoon);
	}

	@Test
	void inTheEveningItWaitsForTheNextMorningInTheContactsOwnZone() {
		Instant mondayEvening = Instant.parse("2026-11-30T10:00:00Z"); // 18:00 in Shanghai, 11:00 in Berlin
		assertThat(hours.nextOpening(mondayEvening, SHANGHAI, HolidayCalendar.ZH_CN))
			.isEqualTo(Instant.parse("2026-12-01T01:00:00Z")); // Tuesday 09:00 in Shanghai
		assertThat(hours.nextOpening(mondayEvening, BERLIN, HolidayCalendar.DEFAULT))
			.as("in Berlin it is still working hours").isEqualTo(mondayEvening);
	}

	@Test
	void neverOnAChinesePublicHolidayNorOnTheWeekendButOnAWeekendDayWorkedInExchange() {
		Instant nationalDay = Instant.parse("2026-10-01T02:00:00Z"); // 10:00 in Shanghai, National Day
		assertThat(hours.nextOpening(nationalDay, SHANGHAI, HolidayCalendar.ZH_CN))
			.as("the golden week ends on 7 October").isEqualTo(Instant.parse("2026-10-08T01:00:00Z"));
		assertThat(HolidayCalendar.ZH_CN.isWorkingDay(LocalDate.of(2026, 10, 10)))
			.as("Saturday 10 October 2026 is worked in exchange (调休)").isTrue();
		assertThat(HolidayCalendar.ZH_CN.isWorkingDay(LocalDate.of(2026, 2, 17))).as("Spring Festival").isFalse();
		assertThat(HolidayCalendar.ZH_CN.isWorkingDay(LocalDate.of(2026, 2, 14)))
			.as("Saturday before Spring Festival is worked").isTrue();
		assertThat(HolidayCalendar.ZH_CN.isWorkingDay(LocalDate.of(2027, 10, 4))).as("later years: fixed holidays")
			.isFalse();
	}

	@Test
	void theDefaultCalendarSkipsWeekendsNewYearAndChristmas() {
		Instant christmasMorning = Instant.parse("2026-12-25T09:00:00Z"); // Friday, 10:00 in Berlin
		assertThat(hours.nextOpening(christmasMorning, BERLIN, HolidayCalendar.DEFAULT))
			.isEqualTo(Instant.parse("2026-12-28T08:00:00Z")); // Monday 09:00 in Berlin
		assertThat(HolidayCalendar.DEFAULT.isWorkingDay(LocalDate.of(2026, 10, 1))).as("not a holiday outside China")
			.isTrue();
	}

	@Test
	void theCalendarFollowsTheContactsTimeZoneAndAnUnknownZoneIsShanghai() {
		assertThat(HolidayCalendar.ofTimeZone("Asia/Shanghai")).isEqualTo(HolidayCalendar.ZH_CN);
		assertThat(HolidayCalendar.ofTimeZone("Asia/Singapore")).isEqualTo(HolidayCalendar.DEFAULT);
		assertThat(HolidayCalendar.ofTimeZone(null)).isEqualTo(HolidayCalendar.DEFAULT);
		assertThat(WorkingHours.zoneOf("Mars/Olympus")).isEqualTo(SHANGHAI);
	}
}
