package com.rapport.ordertracking.draft;

import java.time.Instant;
import java.util.List;

import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderLine;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order a customer's contact asked for ("as last time"), waiting for the partner system to confirm it.
 * {@code requestId} is the asking service's key of what it is for (unique: one draft per request); once confirmed,
 * {@code orderId} and {@code orderNumber} name the placed order. {@code hooks} holds the draft's
 * {@code DRAFT_CREATED} event, written with the draft, until the webhook fan-out has queued it for every subscription
 * that wants it ({@link DraftHooks}; sparse index {@code webhook_pending}).
 */
@Document("draft_orders")
@CompoundIndexes({ @CompoundIndex(name = "customer_created", def = "{'customerId': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "webhook_pending", def = "{'hooks.eventId': 1}", sparse = true) })
public record DraftOrder(@Id String draftNumber, String customerId, @Indexed(unique = true) String requestId,
		List<OrderLine> lines, String requestedBy, DraftStatus status, Instant createdAt, String orderId,
		String orderNumber, Instant confirmedAt, String confirmedBy, @Version Long version, List<OrderEvent> hooks) {

	@PersistenceCreator
	public DraftOrder {
		lines = lines == null ? List.of() : List.copyOf(lines);
		status = status == null ? DraftStatus.DRAFT : status;
		hooks = hooks == null ? List.of() : List.copyOf(hooks);
	}

	/** A draft with no event waiting (as stored before drafts had events, or once its event is queued). */
	public DraftOrder(String draftNumber, String customerId, String requestId, List<OrderLine> lines,
			String requestedBy, DraftStatus status, Instant createdAt, String orderId, String orderNumber,
			Instant confirmedAt, String confirmedBy, Long version) {
		this(draftNumber, customerId, requestId, lines, requestedBy, status, createdAt, orderId, orderNumber,
				confirmedAt, confirmedBy, version, List.of());
	}

	/** Its event still waiting, if any, is kept: the fan-out queues one event once per subscription anyway. */
	DraftOrder confirmed(String newOrderId, String newOrderNumber, Instant at, String by) {
		return new DraftOrder(draftNumber, customerId, requestId, lines, requestedBy, DraftStatus.CONFIRMED, createdAt,
				newOrderId, newOrderNumber, at, by, version, hooks);
	}
}
