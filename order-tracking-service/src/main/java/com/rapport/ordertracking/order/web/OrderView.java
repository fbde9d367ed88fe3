package com.rapport.ordertracking.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;

/** An order as the REST API shows it. */
record OrderView(String id, String customerId, String orderNumber, String status, Instant placedAt,
		LocalDate promisedDate, MoneyView total, List<OrderLine> lines, List<Milestone> milestones, Instant createdAt) {

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.orderNumber(), order.status().name(),
				order.placedAt(), order.promisedDate(),
				order.total() == null ? null : new MoneyView(order.total().currency(), order.total().amount()),
				order.lines(), order.milestones(), order.createdAt());
	}

	record MoneyView(String currency, BigDecimal amount) {
	}

	record PageView(List<OrderView> items, int page, int size, long total) {
	}
}
