package com.rapport.ordertracking.draft;

import java.time.Instant;
import java.util.List;

import com.rapport.ordertracking.order.OrderLine;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order a customer's contact asked for ("as last time"), waiting for the partner system to confirm it.
 * {@code requestId} is the asking service's key of what it is for (unique: one draft per request); once confirmed,
 * {@code orderId} and {@code orderNumber} name the placed order.
 */
@Document("draft_orders")
@CompoundIndex(name = "customer_created", def = "{'customerId': 1, 'createdAt': -1}")
public record DraftOrder(@Id String draftNumber, String customerId, @Indexed(unique = true) String requestId,
		List<OrderLine> lines, String requestedBy, DraftStatus status, Instant createdAt, String orderId,
		String orderNumber, Instant confirmedAt, String confirmedBy, @Version Long version) {

	public DraftOrder {
		lines = lines == null ? List.of() : List.copyOf(lines);
		status = status == null ? DraftStatus.DRAFT : status;
	}

	DraftOrder confirmed(String newOrderId, String newOrderNumber, Instant at, String by) {
		return new DraftOrder(draftNumber, customerId, requestId, lines, requestedBy, DraftStatus.CONFIRMED, createdAt,
				newOrderId, newOrderNumber, at, by, version);
	}
}
