package com.rapport.benchmarks.harness;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetTests {

	private static final Recording.Summary SEARCH = summary("search-page", 120.0, 0);

	private static final Recording.Summary PAGE = summary("360-page", 80.0, 0);

	@Test
	void aBudgetNamingARequestWinsOverTheGeneralOne() {
		List<Budget.Verdict> verdicts = Budget.check(Budget.parse(List.of("search-page=150", "100")),
				List.of(SEARCH, PAGE));

		assertThat(verdicts).extracting(Budget.Verdict::request, Budget.Verdict::budgetP95Ms, Budget.Verdict::passed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("search-page", 150.0, true),
					org.assertj.core.groups.Tuple.tuple("360-page", 100.0, true));
	}

	@Test
	void overTheBudgetOrAnyErrorFails() {
		assertThat(Budget.check(Budget.parse(List.of("100")), List.of(SEARCH)).get(0).passed()).isFalse();
		assertThat(Budget.check(Budget.parse(List.of("500")), List.of(summary("rest-search", 10.0, 1))).get(0).passed())
			.isFalse();
	}

	@Test
	void withoutBudgetsNothingIsJudged() {
		assertThat(Budget.check(List.of(), List.of(SEARCH))).isEmpty();
	}

	@Test
	void aBudgetForARequestNotMeasuredIsAnError() {
		assertThatThrownBy(() -> Budget.check(Budget.parse(List.of("search=100")), List.of(SEARCH)))
			.isInstanceOf(Options.UsageException.class)
			.hasMessageContaining("search-page");
		assertThatThrownBy(() -> Budget.parse(List.of("fast"))).isInstanceOf(Options.UsageException.class);
	}

	private static Recording.Summary summary(String name, double p95, int errors) {
		return new Recording.Summary(name, 100, errors, Map.of(), p95 / 2, p95, p95, p95, null, List.of());
	}
}
