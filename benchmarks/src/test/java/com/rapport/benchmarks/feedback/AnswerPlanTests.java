package com.rapport.benchmarks.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerPlanTests {

	static final Instant UNTIL = Instant.parse("2026-12-08T00:00:00Z");

	@Test
	void answersAreGivenInTheOrderOfTheirNumbersOverTheYearBeforeUntilEveryMonthHavingSome() {
		AnswerPlan plan = new AnswerPlan(10_000, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365);
		Set<YearMonth> months = new HashSet<>();
		Instant previous = UNTIL.minus(Duration.ofDays(365));
		for (int n = 0; n < plan.answers(); n++) {
			Instant at = plan.answeredAt(n);
			assertThat(at).isAfter(previous).isBefore(UNTIL);
			previous = at;
			months.add(YearMonth.from(at.atOffset(ZoneOffset.UTC)));
		}
		// 2025-12-08 to 2026-12-07: thirteen calendar months, the first and last in part.
		assertThat(months).hasSize(13).contains(YearMonth.of(2025, 12), YearMonth.of(2026, 12));
		assertThat(plan.id(0)).isEqualTo("bench-answer-0000001");
		assertThat(plan.id(9_999)).isEqualTo("bench-answer-0010000");
		assertThat(new AnswerPlan(9_999_999, List.of("a"), UNTIL, 1).id(9_999_998)).isEqualTo("bench-answer-9999999");
	}

	@Test
	void scoresStayOnEachScaleReachBothEndsAndEverySurveyAndOrganisationHasItsShare() {
		AnswerPlan plan = new AnswerPlan(20_000, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365);
		Map<String, Integer> kinds = new HashMap<>();
		Map<String, Integer> organisations = new HashMap<>();
		Map<String, Set<Integer>> scores = new HashMap<>();
		for (int n = 0; n < plan.answers(); n++) {
			String kind = plan.kind(n);
			int score = plan.score(n);
			assertThat(score).isBetween(AnswerPlan.min(kind), AnswerPlan.max(kind));
			kinds.merge(kind, 1, Integer::sum);
			organisations.merge(plan.customerId(n), 1, Integer::sum);
			scores.computeIfAbsent(kind, k -> new HashSet<>()).add(score);
		}
		assertThat(kinds.get("CSAT")).isBetween(9_500, 10_500);
		assertThat(kinds.get("NPS")).isBetween(4_500, 5_500);
		assertThat(kinds.get("CES")).isBetween(4_500, 5_500);
		assertThat(scores.get("CSAT")).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
		assertThat(scores.get("NPS")).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(scores.get("CES")).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
		assertThat(organisations).containsOnlyKeys(AnswerPlan.DEMO_ORGANISATIONS);
		organisations.values().forEach(count -> assertThat(count).isBetween(2_800, 3_900));
	}

	@Test
	void theSamePlanIsTheSameAnswerForAnswerAndGrowthClonesAreNamedAsTheGrowthScenarioNamesThem() {
		AnswerPlan one = new AnswerPlan(1_000, AnswerPlan.growthClones(300), UNTIL, 365);
		AnswerPlan two = new AnswerPlan(1_000, AnswerPlan.growthClones(300), UNTIL, 365);
		for (int n = 0; n < 1_000; n++) {
			assertThat(two.customerId(n)).isEqualTo(one.customerId(n));
			assertThat(two.score(n)).isEqualTo(one.score(n));
			assertThat(two.kind(n)).isEqualTo(one.kind(n));
		}
		assertThat(AnswerPlan.growthClones(3)).containsExactly("growth-000001", "growth-000002", "growth-000003");
	}

	@Test
	void aPlanWithoutAnswersOrOrganisationsOrDaysIsRefused() {
		assertThatThrownBy(() -> new AnswerPlan(0, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365))
			.hasMessageContaining("--answers");
		assertThatThrownBy(() -> new AnswerPlan(10_000_000, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365))
			.hasMessageContaining("--answers");
		assertThatThrownBy(() -> new AnswerPlan(5, List.of(), UNTIL, 365)).hasMessageContaining("organisation");
		assertThatThrownBy(() -> new AnswerPlan(5, List.of("a"), UNTIL, 0)).hasMessageContaining("--days");
	}
}
