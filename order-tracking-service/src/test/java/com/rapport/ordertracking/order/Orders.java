package com.rapport.ordertracking.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Test orders. */
final class Orders {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	private Orders() {
	}

	static NewOrder newOrder(String customerId, String number) {
		return new NewOrder(customerId, number, null, LocalDate.parse("2026-12-10"),
				Money.of(Currency.getInstance("CNY"), new BigDecimal("1200.50")),
				List.of(new OrderLine("CHAIR", "Chair", 3)),
				List.of(new Milestone(MilestoneCode.CONFIRMED, T0.plusSeconds(3600), "ok"),
						new Milestone(MilestoneCode.PLACED, T0, null)));
	}

	static Order stored(String customerId, String number, Instant placedAt) {
		return new Order(null, customerId, number, placedAt, null, null, List.of(),
				List.of(new Milestone(MilestoneCode.PLACED, placedAt, null)), "partner-test", null, null, null);
	}
}
