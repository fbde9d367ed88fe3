package com.rapport.customer.growth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.customer.tiering.Rfm;
import com.rapport.customer.tiering.TieringProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The churn-risk rules on their edges: every score comes with its reasons. */
class ChurnRulesTests {

	static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	static final SupportFacts CALM = new SupportFacts(new SupportFacts.Tickets(0, 0), new SupportFacts.Scores(9000, 40));

	static Rfm.Order placed(int daysAgo, String amount) {
		return new Rfm.Order("order:" + daysAgo, NOW.minus(Duration.ofDays(daysAgo)), "CNY", amount);
	}

	/** Orders every {@code every} days, the latest {@code latest} days ago, each of {@code amount} minor units. */
	static List<Rfm.Order> every(int every, int latest, int count, String amount) {
		List<Rfm.Order> orders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			orders.add(placed(latest + i * every, amount));
		}
		return orders;
	}

	static ChurnRisk assess(List<Rfm.Order> orders, SupportFacts facts) {
		return ChurnRules.assess(orders, facts, NOW, TieringProperties.defaults(), 50);
	}

	static List<String> codes(ChurnRisk risk) {
		return risk.reasons().stream().map(RiskReason::code).toList();
	}

	@Test
	void aLoyalBuyerOnItsRhythmWithHappyScoresHasNoRisk() {
		ChurnRisk risk = assess(every(20, 5, 18, "1000000"), CALM);

		assertThat(risk.score()).isZero();
		assertThat(risk.reasons()).isEmpty();
		assertThat(risk.atRisk()).isFalse();
	}

	@Test
	void noOrdersIsSaidNotScored() {
		ChurnRisk risk = assess(List.of(), CALM);

		assertThat(risk.score()).isZero();
		assertThat(codes(risk)).containsExactly("growth.risk.no-orders");
	}

	@Test
	void twoOrdersGiveNoRhythmToJudgeYet() {
		ChurnRisk risk = assess(List.of(placed(400, "100"), placed(300, "100")), CALM);

		assertThat(codes(risk)).doesNotContain("growth.risk.rhythm");
	}

	@Test
	void aBuyerSilentForTwiceItsUsualIntervalIsOverdueAndOneAndAHalfTimesIsLate() {
		ChurnRisk overdue = assess(every(30, 60, 8, "1000000"), CALM);
		assertThat(overdue.reasons()).singleElement().satisfies(r -> {
			assertThat(r.code()).isEqualTo("growth.risk.rhythm");
			assertThat(r.args()).containsExactly("60", "30");
			assertThat(r.points()).isEqualTo(ChurnRules.RHYTHM_OVERDUE);
		});

		ChurnRisk late = assess(every(30, 45, 8, "1000000"), CALM);
		assertThat(late.reasons()).extracting(RiskReason::points).containsExactly(ChurnRules.RHYTHM_LATE);

		ChurnRisk onTime = assess(every(30, 44, 8, "1000000"), CALM);
		assertThat(onTime.reasons()).isEmpty();
	}

	@Test
	void aBuyerOrderingHalfAsOftenAsTheHalfYearBeforeIsNoticed() {
		// Six orders 190 to 340 days ago, two in the last half year (the latest 10 days ago).
		List<Rfm.Order> orders = new ArrayList<>(every(30, 190, 6, "1000000"));
		orders.add(placed(100, "1000000"));
		orders.add(placed(10, "1000000"));

		ChurnRisk risk = assess(orders, CALM);

		assertThat(risk.reasons()).filteredOn(r -> r.code().equals("growth.risk.fewer-orders"))
			.singleElement().satisfies(r -> assertThat(r.args()).containsExactly("2", "6"));
	}

	@Test
	void shrinkingOrdersAreComparedWithTheirOwnPast() {
		// Nine orders of CNY 10,000 then three of CNY 2,000, on rhythm.
		List<Rfm.Order> orders = new ArrayList<>(every(14, 47, 9, "1000000"));
		orders.addAll(every(14, 5, 3, "200000"));

		ChurnRisk risk = assess(orders, CALM);

		assertThat(risk.reasons()).singleElement().satisfies(r -> {
			assertThat(r.code()).isEqualTo("growth.risk.value-shrinking");
			assertThat(r.args()).containsExactly("80", "CNY", "2000.00", "10000.00");
			assertThat(r.points()).isEqualTo(ChurnRules.VALUE_SHRINKING);
		});
		// 71 % of the earlier average is no warning; the rule needs six orders with a value.
		List<Rfm.Order> slightly = new ArrayList<>(every(14, 47, 9, "1000000"));
		slightly.addAll(every(14, 5, 3, "710000"));
		assertThat(assess(slightly, CALM).reasons()).isEmpty();
		assertThat(assess(every(14, 5, 5, "1000000"), CALM).reasons()).isEmpty();
	}

	@Test
	void complaintsBreachesAndLowScoresAddUpAndTheScoreStopsAtAHundred() {
		SupportFacts unhappy = new SupportFacts(new SupportFacts.Tickets(3, 2), new SupportFacts.Scores(3333, -20));

		ChurnRisk risk = assess(every(30, 90, 8, "1000000"), unhappy);

		assertThat(risk.reasons()).extracting(r -> r.code() + " " + r.args() + " " + r.points()).containsExactly(
				"growth.risk.rhythm [90, 30] 40", "growth.risk.complaints [3] 30", "growth.risk.breached [2] 20",
				"growth.risk.csat-low [33] 15", "growth.risk.nps-negative [-20] 15");
		assertThat(risk.score()).isEqualTo(100);
		assertThat(risk.atRisk()).isTrue();
	}

	@Test
	void signalsThatCouldNotBeReadAreSaidAndAddNothing() {
		ChurnRisk risk = assess(every(20, 5, 18, "1000000"), SupportFacts.UNKNOWN);

		assertThat(codes(risk)).containsExactly("growth.risk.tickets-unknown", "growth.risk.scores-unknown");
		assertThat(risk.score()).isZero();
	}

	@Test
	void theThresholdIsInclusive() {
		SupportFacts breached = new SupportFacts(new SupportFacts.Tickets(0, 1), CALM.scores());

		ChurnRisk risk = ChurnRules.assess(every(30, 60, 8, "1000000"), breached, NOW, TieringProperties.defaults(), 60);

		assertThat(risk.score()).isEqualTo(60);
		assertThat(risk.atRisk()).isTrue();
	}

	@Test
	void aReorderReminderUnansweredForTwoWeeksCountsAndAnOrderSinceAnswersIt() {
		List<Rfm.Order> orders = every(30, 10, 6, "1000000");
		Instant mailed20DaysAgo = NOW.minus(Duration.ofDays(20));
		Instant mailed40DaysAgo = NOW.minus(Duration.ofDays(40));
		Instant mailed13DaysAgo = NOW.minus(Duration.ofDays(13));

		ChurnRisk answered = ChurnRules.assess(orders, CALM, List.of(mailed20DaysAgo), NOW, TieringProperties.defaults(), 50);
		assertThat(codes(answered)).as("an order 10 days ago answers a reminder of 20 days ago")
			.doesNotContain("growth.risk.unanswered-reminders");

		List<Rfm.Order> silent = every(30, 45, 6, "1000000");
		ChurnRisk young = ChurnRules.assess(silent, CALM, List.of(mailed13DaysAgo), NOW, TieringProperties.defaults(), 50);
		assertThat(codes(young)).as("13 days: not yet unanswered").doesNotContain("growth.risk.unanswered-reminders");

		ChurnRisk fourteen = ChurnRules.assess(silent, CALM, List.of(NOW.minus(Duration.ofDays(ChurnRules.ANSWER_DAYS))),
				NOW, TieringProperties.defaults(), 50);
		assertThat(fourteen.reasons()).filteredOn(r -> r.code().equals("growth.risk.unanswered-reminders"))
			.singleElement().satisfies(r -> {
				assertThat(r.points()).isEqualTo(ChurnRules.PER_UNANSWERED);
				assertThat(r.args()).containsExactly("1");
			});

		ChurnRisk three = ChurnRules.assess(silent, CALM, List.of(mailed20DaysAgo, mailed40DaysAgo,
				NOW.minus(Duration.ofDays(44))), NOW, TieringProperties.defaults(), 50);
		assertThat(three.reasons()).filteredOn(r -> r.code().equals("growth.risk.unanswered-reminders"))
			.singleElement().satisfies(r -> {
				assertThat(r.points()).as("at most").isEqualTo(ChurnRules.MAX_UNANSWERED);
				assertThat(r.args()).containsExactly("3");
			});
		ChurnRisk before = ChurnRules.assess(silent, CALM, List.of(NOW.minus(Duration.ofDays(50))), NOW,
				TieringProperties.defaults(), 50);
		assertThat(codes(before)).as("a reminder before the latest order (45 days ago) was answered by it")
			.doesNotContain("growth.risk.unanswered-reminders");
	}
}
