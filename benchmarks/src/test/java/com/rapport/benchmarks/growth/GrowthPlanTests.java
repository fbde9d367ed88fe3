package com.rapport.benchmarks.growth;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrowthPlanTests {

	@Test
	void idsFollowTheNumbersSoTheStoreHoldsAPrefix() {
		assertThat(GrowthPlan.id(1)).isEqualTo("growth-000001");
		assertThat(GrowthPlan.id(100_000)).isEqualTo("growth-100000");
		for (int n = 1; n < 100_000; n += 997) {
			assertThat(GrowthPlan.id(n)).isLessThan(GrowthPlan.id(n + 1));
		}
	}

	@Test
	void theKindsAreMixedThroughTheIdsInTheDecksProportions() {
		Map<GrowthPlan.Kind, Integer> count = new EnumMap<>(GrowthPlan.Kind.class);
		for (int n = 1; n <= 100_000; n++) {
			count.merge(GrowthPlan.kind(n), 1, Integer::sum);
		}
		for (GrowthPlan.Kind kind : GrowthPlan.Kind.values()) {
			long cards = GrowthPlan.DECK.stream().filter(kind::equals).count();
			assertThat(count.get(kind) / 100_000.0).as(kind.name()).isCloseTo(cards / 20.0, within(0.01));
		}
		// Mixed: the first 500 (one page of the recompute) hold every kind.
		Set<GrowthPlan.Kind> firstPage = new HashSet<>();
		for (int n = 1; n <= 500; n++) {
			firstPage.add(GrowthPlan.kind(n));
		}
		assertThat(firstPage).containsExactlyInAnyOrder(GrowthPlan.Kind.values());
	}

	@Test
	void onlyDeliveredOrdersMoveTheSameForARegularBuyerAndEachTheirOwnForAnIrregularOne() {
		int regular = firstOf(GrowthPlan.Kind.REGULAR_ACME);
		int irregular = firstOf(GrowthPlan.Kind.IRREGULAR_ACME);
		Set<Integer> regularShifts = new HashSet<>();
		Set<Integer> irregularShifts = new HashSet<>();
		for (int order = 0; order < 16; order++) {
			assertThat(GrowthPlan.shiftDays(regular, order, false)).isZero();
			assertThat(GrowthPlan.shiftDays(irregular, order, false)).isZero();
			regularShifts.add(GrowthPlan.shiftDays(regular, order, true));
			irregularShifts.add(GrowthPlan.shiftDays(irregular, order, true));
		}
		assertThat(regularShifts).hasSize(1);
		assertThat(regularShifts.iterator().next()).isBetween(0, GrowthPlan.MAX_SHIFT_DAYS - 1);
		assertThat(irregularShifts).hasSizeGreaterThan(5)
			.allSatisfy(d -> assertThat(d).isBetween(0, GrowthPlan.MAX_SHIFT_DAYS + GrowthPlan.MAX_JITTER_DAYS - 2));
	}

	private static int firstOf(GrowthPlan.Kind kind) {
		int n = 1;
		while (GrowthPlan.kind(n) != kind) {
			n++;
		}
		return n;
	}
}
