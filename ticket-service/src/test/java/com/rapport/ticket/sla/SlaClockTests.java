package com.rapport.ticket.sla;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where a ticket stands against a VIP policy (1 h to the first response and to a next reply, 8 h to the
 * resolution), at risk under 25 %, on a round-the-clock calendar (working time: {@link BusinessCalendarTests}).
 */
class SlaClockTests {

	static final Instant OPENED = Instant.parse("2026-11-30T02:00:00Z");

	static final int AT_RISK = 25;

	static final BusinessCalendar ALWAYS = BusinessCalendar.ROUND_THE_CLOCK;

	final SlaClock clock = SlaPolicy.of(Tier.VIP, Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(1),
			Duration.ofHours(8), ALWAYS.id()).start(OPENED, ALWAYS, AT_RISK);

	private static Instant at(String sinceOpening) {
		return OPENED.plus(Duration.parse(sinceOpening));
	}

	private SlaState unanswered(String sinceOpening) {
		return clock.stateAt(at(sinceOpening), null, null, AT_RISK);
	}

	@Test
	void theDueTimesCountFromTheOpening() {
		assertThat(clock.firstResponseDue()).isEqualTo(at("PT1H"));
		assertThat(clock.resolutionDue()).isEqualTo(at("PT8H"));
		assertThat(clock.paused()).isFalse();
	}

	@Test
	void aFreshTicketIsOnTrack() {
		assertThat(unanswered("PT0S")).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void exactlyTheAtRiskShareLeftIsStillOnTrackAndLessIsAtRisk() {
		// 25 % of one hour: 15 minutes.
		assertThat(unanswered("PT45M")).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.stateAt(at("PT45M").plusNanos(1), null, null, AT_RISK)).isEqualTo(SlaState.AT_RISK);
	}

	@Test
	void exactlyAtTheDueTimeNothingIsLeftButNothingIsBreachedYet() {
		assertThat(unanswered("PT1H")).isEqualTo(SlaState.AT_RISK);
		assertThat(clock.stateAt(at("PT1H").plusNanos(1), null, null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aFirstResponseExactlyAtItsDueTimeIsInTime() {
		assertThat(clock.stateAt(at("PT2H"), at("PT1H"), null, AT_RISK)).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.stateAt(at("PT2H"), at("PT1H").plusNanos(1), null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void withTheFirstResponseMetTheResolutionTargetRunsOn() {
		Instant responded = at("PT30M");
		// 25 % of eight hours: two hours.
		assertThat(clock.stateAt(at("PT6H"), responded, null, AT_RISK)).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.stateAt(at("PT6H1S"), responded, null, AT_RISK)).isEqualTo(SlaState.AT_RISK);
		assertThat(clock.stateAt(at("PT8H"), responded, null, AT_RISK)).isEqualTo(SlaState.AT_RISK);
		assertThat(clock.stateAt(at("PT8H").plusNanos(1), responded, null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aLateFirstResponseStaysABreachWhileTheResolutionIsStillInTime() {
		assertThat(clock.stateAt(at("PT3H"), at("PT2H"), null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resolvedInTimeIsMetAndResolvedLateIsBreachedForGood() {
		assertThat(clock.stateAt(at("PT30H"), at("PT30M"), at("PT8H"), AT_RISK)).isEqualTo(SlaState.MET);
		assertThat(clock.stateAt(at("PT30H"), at("PT30M"), at("PT8H1S"), AT_RISK)).isEqualTo(SlaState.BREACHED);
		assertThat(clock.stateAt(at("PT30H"), at("PT2H"), at("PT3H"), AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resolvingWithoutASeparateResponseAnswersTheCustomerThen() {
		assertThat(clock.stateAt(at("PT2H"), null, at("PT50M"), AT_RISK)).isEqualTo(SlaState.MET);
		assertThat(clock.stateAt(at("PT2H"), null, at("PT70M"), AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void whilePausedTheTimersStandStillWhateverTheTime() {
		SlaClock paused = clock.pausedAt(at("PT30M"), true, ALWAYS);
		assertThat(paused.stateAt(at("PT30M"), at("PT20M"), null, AT_RISK)).isEqualTo(SlaState.PAUSED);
		assertThat(paused.stateAt(at("PT100H"), at("PT20M"), null, AT_RISK)).isEqualTo(SlaState.PAUSED);
		assertThat(paused.pausedAt(at("PT40M"), true, ALWAYS)).isEqualTo(paused);
	}

	@Test
	void aBreachBeforeThePauseIsNotHiddenByIt() {
		SlaClock paused = clock.pausedAt(at("PT2H"), false, ALWAYS);
		assertThat(paused.stateAt(at("PT3H"), null, null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resumingMovesTheDueTimesStillRunningByTheTimeWaited() {
		Instant responded = at("PT30M");
		SlaClock resumed = clock.pausedAt(at("PT1H"), true, ALWAYS).resumedAt(at("PT4H"), true, ALWAYS);

		assertThat(resumed.paused()).isFalse();
		assertThat(resumed.firstResponseDue()).as("met already: stays").isEqualTo(at("PT1H"));
		assertThat(resumed.resolutionDue()).isEqualTo(at("PT11H"));
		assertThat(resumed.stateAt(at("PT9H"), responded, null, AT_RISK)).isEqualTo(SlaState.ON_TRACK);
		assertThat(resumed.stateAt(at("PT10H"), responded, null, AT_RISK)).isEqualTo(SlaState.AT_RISK);
		assertThat(resumed.stateAt(at("PT11H").plusNanos(1), responded, null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resumingBeforeAFirstResponseMovesItsDueTimeToo() {
		SlaClock resumed = clock.pausedAt(at("PT10M"), false, ALWAYS).resumedAt(at("PT2H10M"), false, ALWAYS);
		assertThat(resumed.firstResponseDue()).isEqualTo(at("PT3H"));
		assertThat(resumed.stateAt(at("PT2H30M"), null, null, AT_RISK)).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void theNextDueTimeOfPausedTimersIsWhereItWouldBeIfTheyRanAgainNow() {
		SlaClock paused = clock.pausedAt(at("PT1H"), true, ALWAYS);
		assertThat(paused.nextDueAt(at("PT3H"), true)).isEqualTo(at("PT10H"));
		assertThat(clock.nextDueAt(at("PT3H"), false)).isEqualTo(at("PT1H"));
		assertThat(clock.nextDueAt(at("PT3H"), true)).isEqualTo(at("PT8H"));
	}

	@Test
	void thePoliciesDefaultAsPromisedAndRefuseTargetsThatCannotBeKept() {
		SlaProperties defaults = SlaProperties.defaults();
		assertThat(defaults.policyFor(Tier.VIP)).isEqualTo(SlaPolicy.of(Tier.VIP, Priority.NORMAL, Duration.ofHours(1),
				Duration.ofHours(1), Duration.ofHours(8), BusinessCalendar.STANDARD));
		assertThat(defaults.policyFor(Tier.KEY)).isEqualTo(SlaPolicy.of(Tier.KEY, Priority.NORMAL, Duration.ofHours(4),
				Duration.ofHours(4), Duration.ofHours(24), BusinessCalendar.STANDARD));
		// The seed's promise: an answer within 24 working hours, a resolution within 48.
		assertThat(defaults.policyFor(Tier.NORMAL)).isEqualTo(SlaPolicy.of(Tier.NORMAL, Priority.NORMAL,
				Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(48), BusinessCalendar.STANDARD));
		assertThat(defaults.defaultPolicy(Tier.NORMAL, Priority.LOW)).isEqualTo(SlaPolicy.of(Tier.NORMAL, Priority.LOW,
				Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(48), BusinessCalendar.STANDARD));
		assertThat(defaults.defaultPolicy(Tier.VIP, Priority.HIGH).resolution()).isEqualTo(Duration.ofHours(4));
		assertThat(defaults.defaultPolicy(Tier.VIP, Priority.URGENT)).satisfies(urgent -> {
			assertThat(urgent.firstResponse()).isEqualTo(Duration.ofMinutes(15));
			assertThat(urgent.resolution()).isEqualTo(Duration.ofHours(2));
		});
		assertThat(defaults.standardCalendar().zone()).hasToString("Asia/Shanghai");
		assertThat(defaults.standardCalendar().hours()).hasSize(5);
		assertThat(defaults.atRiskPercent()).isEqualTo(25);
		assertThat(defaults.defaultTier()).isEqualTo(Tier.NORMAL);

		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties(
				new SlaProperties.Targets(Duration.ofHours(9), null), null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties(
				new SlaProperties.Targets(Duration.ZERO, null), null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties(null, null, null, 100, null));
	}
}
