package com.rapport.benchmarks.orders;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderPlanTests {

	private final OrderPlan plan = new OrderPlan(10_000, 90, 2, 1_000);

	@Test
	void bigOrganisationsHaveTheirOrdersAndTheSmallOnesShareTheRest() {
		assertThat(plan.ordersOf(0)).isEqualTo(1_000);
		assertThat(plan.ordersOf(1)).isEqualTo(1_000);
		int small = 0;
		for (int organisation = 2; organisation < 92; organisation++) {
			assertThat(plan.ordersOf(organisation)).isBetween(88, 89);
			small += plan.ordersOf(organisation);
		}
		assertThat(small).isEqualTo(8_000);
		assertThat(plan.customerId(0)).isEqualTo("bench-big-1");
		assertThat(plan.customerId(2)).isEqualTo("bench-org-00001");
	}

	@Test
	void ordersArePlacedInTheirOrderOverThreeYearsAndTheOrganisationsAreMixed() {
		assertThat(plan.placedAt(0)).isEqualTo(Instant.parse("2023-12-02T00:00:00Z"));
		assertThat(plan.placedAt(9_999)).isBefore(OrderPlan.END).isAfter(plan.placedAt(9_998));
		Set<Integer> firstHundred = new HashSet<>();
		for (int n = 0; n < 100; n++) {
			firstHundred.add(plan.organisationOf(n));
		}
		assertThat(firstHundred).as("not one organisation's orders in a row").hasSizeGreaterThan(30);
		assertThat(plan.stage(0)).isEqualTo(PartnerOrders.Stage.DELIVERED);
		assertThat(plan.stage(9_999)).isNotEqualTo(PartnerOrders.Stage.DELIVERED);
	}

	@Test
	void theSamePlanEveryTime() {
		OrderPlan again = new OrderPlan(10_000, 90, 2, 1_000);
		for (int n = 0; n < 10_000; n += 97) {
			assertThat(again.organisationOf(n)).isEqualTo(plan.organisationOf(n));
			assertThat(again.id(n)).isEqualTo(plan.id(n));
		}
		assertThat(plan.id(1)).isNotEqualTo(plan.id(2));
		assertThat(plan.orderNumber(42)).isEqualTo("BENCH-0000042");
	}

	@Test
	void refusesMoreBigOrdersThanOrders() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderPlan(1_000, 10, 2, 500));
	}
}
