package com.rapport.ordertracking.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.order.Delay;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import io.swagger.v3.oas.annotations.media.Schema;

/** An order as the REST API shows it. */
record OrderView(String id, String customerId, String orderNumber, String status, Instant placedAt,
		LocalDate promisedDate, MoneyView total, List<OrderLine> lines, List<Milestone> milestones, Instant createdAt,
		LocalDate eta, String promisedDateReason, Instant cancelledAt, String cancelReason, boolean atRisk,
		Delay delay) {

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.orderNumber(), order.status().name(),
				order.placedAt(), order.promisedDate(),
				order.total() == null ? null : new MoneyView(order.total().currency(), order.total().amount()),
				order.lines(), order.milestones(), order.createdAt(), order.eta(), order.promisedDateReason(),
				order.cancelledAt(), order.cancelReason(), order.atRisk(), order.delay());
	}

	record MoneyView(String currency, BigDecimal amount) {
	}

	@Schema(name = "OrderPage")
	record PageView(List<OrderView> items, int page, int size, long total) {
	}
}
