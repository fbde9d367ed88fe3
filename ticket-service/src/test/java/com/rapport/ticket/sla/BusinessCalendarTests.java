package com.rapport.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working time on business calendars at the edges: weekends, holidays, a ticket opened outside working hours,
 * daylight-saving changes, pauses spanning nights and weekends. The office: Monday to Friday 09:00–18:00 in
 * Shanghai (30 November 2026 is a Monday), with the National Day holidays of 1–3 October 2026.
 */
class BusinessCalendarTests {

	static final BusinessCalendar OFFICE = new BusinessCalendar("office", "Shanghai office", "Asia/Shanghai",
			weekdays("09:00", "18:00"),
			List.of(new Holiday(LocalDate.parse("2026-10-01"), "国庆节", "National Day"),
					new Holiday(LocalDate.parse("2026-10-02"), "国庆节", "National Day"),
					new Holiday(LocalDate.parse("2026-10-03"), "国庆节", "National Day")),
			null, null);

	static List<WorkingHours> weekdays(String from, String to) {
		return Arrays.stream(DayOfWeek.values()).filter(day -> day.getValue() <= 5)
			.map(day -> new WorkingHours(day, from, to)).toList();
	}

	static List<WorkingHours> everyDay(String from, String to) {
		return Arrays.stream(DayOfWeek.values()).map(day -> new WorkingHours(day, from, to)).toList();
	}

	static Instant local(String dateTime, String zone) {
		return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
	}

	static Instant shanghai(String dateTime) {
		return local(dateTime, "Asia/Shanghai");
	}

	@Test
	void withinADayWorkingTimeIsWallClockTime() {
		assertThat(OFFICE.plus(shanghai("2026-11-30T10:00"), Duration.ofHours(3))).isEqualTo(shanghai("2026-11-30T13:00"));
		assertThat(OFFICE.between(shanghai("2026-11-30T10:00"), shanghai("2026-11-30T13:30")))
			.isEqualTo(Duration.ofMinutes(210));
	}

	@Test
	void theWeekendDoesNotCount() {
		// Friday 17:00 + 24 working hours: 1 h on Friday, 9 h Monday, 9 h Tuesday, 5 h Wednesday.
		assertThat(OFFICE.plus(shanghai("2026-11-27T17:00"), Duration.ofHours(24))).isEqualTo(shanghai("2026-12-02T14:00"));
		assertThat(OFFICE.between(shanghai("2026-11-27T17:00"), shanghai("2026-11-30T10:00"))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aTicketOpenedOutsideWorkingHoursStartsCountingAtTheNextOpening() {
		assertThat(OFFICE.plus(shanghai("2026-11-28T10:00"), Duration.ofHours(1))).as("Saturday")
			.isEqualTo(shanghai("2026-11-30T10:00"));
		assertThat(OFFICE.plus(shanghai("2026-11-30T20:00"), Duration.ofHours(1))).as("Monday evening")
			.isEqualTo(shanghai("2026-12-01T10:00"));
		assertThat(OFFICE.plus(shanghai("2026-12-01T06:30"), Duration.ofMinutes(30))).as("Tuesday early")
			.isEqualTo(shanghai("2026-12-01T09:30"));
		assertThat(OFFICE.between(shanghai("2026-11-28T10:00"), shanghai("2026-11-29T23:00"))).isZero();
	}

	@Test
	void aTargetEndingExactlyAtClosingTimeIsDueThenNotTheNextMorning() {
		assertThat(OFFICE.plus(shanghai("2026-11-30T09:00"), Duration.ofHours(9))).isEqualTo(shanghai("2026-11-30T18:00"));
	}

	@Test
	void publicHolidaysDoNotCount() {
		// Wednesday 30 September 17:00 + 2 h: 1 h that day; Thursday to Saturday are holidays, Sunday is off.
		assertThat(OFFICE.plus(shanghai("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-10-05T10:00"));
		assertThat(OFFICE.between(shanghai("2026-09-30T17:00"), shanghai("2026-10-05T10:00"))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void minusGoesBackOverTheSameWorkingTime() {
		assertThat(OFFICE.minus(shanghai("2026-12-02T14:00"), Duration.ofHours(24))).isEqualTo(shanghai("2026-11-27T17:00"));
		assertThat(OFFICE.minus(shanghai("2026-11-29T12:00"), Duration.ofHours(1))).as("from a Sunday")
			.isEqualTo(shanghai("2026-11-27T17:00"));
		assertThat(OFFICE.minus(shanghai("2026-10-05T10:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-09-30T17:00"));
	}

	@Test
	void aDaylightSavingChangeShortensTheDayItHappensOn() {
		BusinessCalendar berlin = new BusinessCalendar("berlin", "Berlin, always", "Europe/Berlin",
				everyDay("00:00", "24:00"), List.of(), null, null);
		// Sunday 29 March 2026 has 23 hours in Berlin.
		assertThat(berlin.plus(local("2026-03-28T00:00", "Europe/Berlin"), Duration.ofHours(48)))
			.isEqualTo(local("2026-03-30T01:00", "Europe/Berlin"));
		assertThat(berlin.between(local("2026-03-28T00:00", "Europe/Berlin"), local("2026-03-30T00:00", "Europe/Berlin")))
			.isEqualTo(Duration.ofHours(47));
	}

	@Test
	void officeHoursAcrossADaylightSavingChangeStayLocalHours() {
		BusinessCalendar berlin = new BusinessCalendar("berlin", "Berlin office", "Europe/Berlin",
				weekdays("08:00", "17:00"), List.of(), null, null);
		// Friday 16:00 CET + 2 h: Monday 09:00 CEST, one hour less after it in UTC than before.
		Instant due = berlin.plus(local("2026-03-27T16:00", "Europe/Berlin"), Duration.ofHours(2));
		assertThat(due).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
		BusinessCalendar newYork = new BusinessCalendar("ny", "New York office", "America/New_York",
				weekdays("09:00", "17:00"), List.of(), null, null);
		// Clocks go back on Sunday 1 November 2026: Friday 16:00 EDT + 2 h is Monday 10:00 EST.
		assertThat(newYork.plus(local("2026-10-30T16:00", "America/New_York"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
	}

	@Test
	void aCalendarWithoutWorkingTimeIsKnownAsSuch() {
		assertThat(OFFICE.hasWorkingTime()).isTrue();
		assertThat(new BusinessCalendar("x", "x", "UTC", List.of(new WorkingHours(DayOfWeek.MONDAY, "09:00", "09:00")),
				List.of(), null, null).hasWorkingTime()).isFalse();
	}

	@Test
	void roundTheClockIsWallClockTime() {
		Instant at = Instant.parse("2026-11-28T23:30:00Z");
		assertThat(BusinessCalendar.ROUND_THE_CLOCK.plus(at, Duration.ofHours(50))).isEqualTo(at.plus(Duration.ofHours(50)));
		assertThat(BusinessCalendar.ROUND_THE_CLOCK.between(at, at.plus(Duration.ofDays(9)))).isEqualTo(Duration.ofDays(9));
	}

	// The timers on a business calendar.

	static final SlaPolicy VIP = SlaPolicy.of(Tier.VIP, Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(8), "office");

	@Test
	void aTicketOpenedOnFridayEveningIsDueOnMonday() {
		SlaClock clock = VIP.start(shanghai("2026-11-27T17:30"), OFFICE, 25);
		assertThat(clock.firstResponseDue()).isEqualTo(shanghai("2026-11-30T09:30"));
		assertThat(clock.resolutionDue()).isEqualTo(shanghai("2026-11-30T16:30"));
		// At risk from 15 working minutes before the first response is due, not over the weekend.
		assertThat(clock.stateAt(shanghai("2026-11-29T23:00"), null, null, 25)).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.stateAt(shanghai("2026-11-30T09:16"), null, null, 25)).isEqualTo(SlaState.AT_RISK);
		assertThat(clock.stateAt(shanghai("2026-11-30T09:31"), null, null, 25)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aPauseOverNightKeepsTheWorkingTimeThatWasLeft() {
		Instant responded = shanghai("2026-11-30T09:20");
		SlaClock clock = VIP.start(shanghai("2026-11-30T09:00"), OFFICE, 25);
		// Waiting on the customer from 16:00 with one working hour left; they answer at 08:00 the next morning.
		SlaClock paused = clock.pausedAt(shanghai("2026-11-30T16:00"), true, OFFICE);
		assertThat(paused.nextDueAt(shanghai("2026-11-30T20:00"), true)).isEqualTo(shanghai("2026-11-30T21:00"));
		SlaClock resumed = paused.resumedAt(shanghai("2026-12-01T08:00"), true, OFFICE);
		assertThat(resumed.resolutionDue()).isEqualTo(shanghai("2026-12-01T10:00"));
		assertThat(resumed.stateAt(shanghai("2026-12-01T09:44"), responded, null, 25)).isEqualTo(SlaState.AT_RISK);
		// Wall-clock the 16 hours waited would have moved it to 08:00, before the office opens.
		assertThat(clock.pausedAt(shanghai("2026-11-30T16:00"), true, OFFICE)
			.resumedAt(shanghai("2026-12-01T12:00"), true, OFFICE).resolutionDue()).isEqualTo(shanghai("2026-12-01T13:00"));
	}

	@Test
	void aResumptionAtTheWeekendLeavesTheSameWorkingTimeFromMonday() {
		SlaClock clock = VIP.start(shanghai("2026-11-27T09:00"), OFFICE, 25);
		SlaClock resumed = clock.pausedAt(shanghai("2026-11-27T12:00"), true, OFFICE)
			.resumedAt(shanghai("2026-11-28T15:00"), true, OFFICE);
		// Five working hours were left at the pause.
		assertThat(resumed.resolutionDue()).isEqualTo(shanghai("2026-11-30T14:00"));
	}

	@Test
	void theCustomersReplyIsOwedAnAnswerWithinTheNextReplyTarget() {
		SlaPolicy week = SlaPolicy.of(Tier.VIP, Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(2),
				Duration.ofHours(40), "office");
		SlaClock clock = week.start(shanghai("2026-11-30T09:00"), OFFICE, 25).answeredAt(shanghai("2026-11-30T09:10"));
		// The customer writes at 17:00: two working hours, one tonight and one tomorrow.
		SlaClock owed = clock.replyOwedFrom(shanghai("2026-11-30T17:00"), OFFICE, 25);
		assertThat(owed.nextReplyDue()).isEqualTo(shanghai("2026-12-01T10:00"));
		assertThat(owed.replyOwedFrom(shanghai("2026-11-30T17:30"), OFFICE, 25)).as("a second reply moves nothing")
			.isEqualTo(owed);
		Instant responded = shanghai("2026-11-30T09:10");
		assertThat(owed.stateAt(shanghai("2026-12-01T09:29"), responded, null, 25)).isEqualTo(SlaState.ON_TRACK);
		assertThat(owed.stateAt(shanghai("2026-12-01T09:31"), responded, null, 25)).isEqualTo(SlaState.AT_RISK);
		assertThat(owed.nextDueAt(shanghai("2026-12-01T09:00"), true)).isEqualTo(shanghai("2026-12-01T10:00"));

		SlaClock inTime = owed.answeredAt(shanghai("2026-12-01T09:55"));
		assertThat(inTime.replyOwed()).isFalse();
		assertThat(inTime.stateAt(shanghai("2026-12-01T11:00"), responded, null, 25)).isEqualTo(SlaState.ON_TRACK);

		SlaClock late = owed.answeredAt(shanghai("2026-12-01T10:05"));
		assertThat(late.nextReplyMissedAt()).isEqualTo(shanghai("2026-12-01T10:00"));
		assertThat(late.stateAt(shanghai("2026-12-01T11:00"), responded, null, 25)).as("a breach stays")
			.isEqualTo(SlaState.BREACHED);
		assertThat(late.stateAt(shanghai("2026-12-01T12:00"), responded, shanghai("2026-12-01T11:00"), 25))
			.isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aChangeOfPriorityMovesTheRunningDueTimesByTheDifferenceInWorkingTime() {
		SlaClock clock = VIP.start(shanghai("2026-11-27T15:00"), OFFICE, 25);
		SlaPolicy urgent = SlaPolicy.of(Tier.VIP, Priority.URGENT, Duration.ofMinutes(15), Duration.ofMinutes(30),
				Duration.ofHours(2), "office");
		SlaClock tighter = clock.retargeted(urgent, shanghai("2026-11-27T15:05"), false, OFFICE, 25);
		assertThat(tighter.firstResponseDue()).isEqualTo(shanghai("2026-11-27T15:15"));
		// 8 h from Friday 15:00 is Monday 14:00; 2 h is Friday 17:00.
		assertThat(clock.resolutionDue()).isEqualTo(shanghai("2026-11-30T14:00"));
		assertThat(tighter.resolutionDue()).isEqualTo(shanghai("2026-11-27T17:00"));
		assertThat(tighter.resolutionTarget()).isEqualTo(Duration.ofHours(2));
		assertThat(tighter.stateAt(shanghai("2026-11-27T16:31"), shanghai("2026-11-27T15:10"), null, 25))
			.isEqualTo(SlaState.AT_RISK);

		// A first response already late stays late, whatever the new targets.
		SlaClock breached = clock.retargeted(urgent, shanghai("2026-11-30T09:00"), false, OFFICE, 25)
			.retargeted(VIP, shanghai("2026-11-30T09:00"), false, OFFICE, 25);
		assertThat(breached.stateAt(shanghai("2026-11-30T09:00"), null, null, 25)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aPausedTicketGivenAnotherPriorityKeepsItsTimersAtThePauseAndResumesUnderTheNewTargets() {
		SlaClock clock = VIP.start(shanghai("2026-11-30T09:00"), OFFICE, 25);
		SlaClock paused = clock.pausedAt(shanghai("2026-11-30T10:00"), true, OFFICE);
		// Tuesday morning (after the resolution's due time on the wall clock, not on the stopped timers) it
		// becomes high priority: 4 h instead of 8 h to the resolution.
		SlaPolicy high = SlaPolicy.of(Tier.VIP, Priority.HIGH, Duration.ofMinutes(30), Duration.ofHours(1),
				Duration.ofHours(4), "office");
		SlaClock retargeted = paused.retargeted(high, shanghai("2026-12-01T11:00"), true, OFFICE, 25);
		assertThat(retargeted.paused()).isTrue();
		assertThat(retargeted.resolutionDue()).isEqualTo(shanghai("2026-11-30T13:00"));
		assertThat(retargeted.stateAt(shanghai("2026-12-01T11:00"), shanghai("2026-11-30T09:30"), null, 25))
			.isEqualTo(SlaState.PAUSED);
		// Three working hours were left at the pause under the new target.
		assertThat(retargeted.resumedAt(shanghai("2026-12-01T11:00"), true, OFFICE).resolutionDue())
			.isEqualTo(shanghai("2026-12-01T14:00"));
	}
}
