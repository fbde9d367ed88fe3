package com.rapport.ordertracking.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as a partner submits it, already checked for shape by the adapter. */
public record NewOrder(String customerId, String orderNumber, Instant placedAt, LocalDate promisedDate, Money total,
		List<OrderLine> lines, List<Milestone> milestones) {
}
