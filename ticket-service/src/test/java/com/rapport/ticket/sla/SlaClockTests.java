package com.rapport.ticket.sla;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Where a ticket stands against a VIP policy (1 h to the first response, 8 h to the resolution), at risk under 25 %. */
class SlaClockTests {

	static final Instant OPENED = Instant.parse("2026-11-30T02:00:00Z");

	static final int AT_RISK = 25;

	final SlaClock clock = new SlaPolicy(Tier.VIP, Duration.ofHours(1), Duration.ofHours(8)).start(OPENED);

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
		SlaClock paused = clock.pausedAt(at("PT30M"));
		assertThat(paused.stateAt(at("PT30M"), at("PT20M"), null, AT_RISK)).isEqualTo(SlaState.PAUSED);
		assertThat(paused.stateAt(at("PT100H"), at("PT20M"), null, AT_RISK)).isEqualTo(SlaState.PAUSED);
		assertThat(paused.pausedAt(at("PT40M"))).isEqualTo(paused);
	}

	@Test
	void aBreachBeforeThePauseIsNotHiddenByIt() {
		SlaClock paused = clock.pausedAt(at("PT2H"));
		assertThat(paused.stateAt(at("PT3H"), null, null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resumingMovesTheDueTimesStillRunningByTheTimeWaited() {
		Instant responded = at("PT30M");
		SlaClock resumed = clock.pausedAt(at("PT1H")).resumedAt(at("PT4H"), true);

		assertThat(resumed.paused()).isFalse();
		assertThat(resumed.firstResponseDue()).as("met already: stays").isEqualTo(at("PT1H"));
		assertThat(resumed.resolutionDue()).isEqualTo(at("PT11H"));
		assertThat(resumed.stateAt(at("PT9H"), responded, null, AT_RISK)).isEqualTo(SlaState.ON_TRACK);
		assertThat(resumed.stateAt(at("PT10H"), responded, null, AT_RISK)).isEqualTo(SlaState.AT_RISK);
		assertThat(resumed.stateAt(at("PT11H").plusNanos(1), responded, null, AT_RISK)).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void resumingBeforeAFirstResponseMovesItsDueTimeToo() {
		SlaClock resumed = clock.pausedAt(at("PT10M")).resumedAt(at("PT2H10M"), false);
		assertThat(resumed.firstResponseDue()).isEqualTo(at("PT3H"));
		assertThat(resumed.stateAt(at("PT2H30M"), null, null, AT_RISK)).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void theNextDueTimeOfPausedTimersIsWhereItWouldBeIfTheyRanAgainNow() {
		SlaClock paused = clock.pausedAt(at("PT1H"));
		assertThat(paused.nextDueAt(at("PT3H"), true)).isEqualTo(at("PT10H"));
		assertThat(clock.nextDueAt(at("PT3H"), false)).isEqualTo(at("PT1H"));
		assertThat(clock.nextDueAt(at("PT3H"), true)).isEqualTo(at("PT8H"));
	}

	@Test
	void thePoliciesDefaultAsPromisedAndRefuseTargetsThatCannotBeKept() {
		SlaProperties defaults = SlaProperties.defaults();
		assertThat(defaults.policyFor(Tier.VIP)).isEqualTo(new SlaPolicy(Tier.VIP, Duration.ofHours(1), Duration.ofHours(8)));
		assertThat(defaults.policyFor(Tier.KEY)).isEqualTo(new SlaPolicy(Tier.KEY, Duration.ofHours(4), Duration.ofHours(24)));
		assertThat(defaults.policyFor(Tier.NORMAL))
			.isEqualTo(new SlaPolicy(Tier.NORMAL, Duration.ofHours(8), Duration.ofHours(72)));
		assertThat(defaults.atRiskPercent()).isEqualTo(25);
		assertThat(defaults.defaultTier()).isEqualTo(Tier.NORMAL);

		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties(
				new SlaProperties.Targets(Duration.ofHours(9), null), null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties(
				new SlaProperties.Targets(Duration.ZERO, null), null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties(null, null, null, 100, null));
	}
}
