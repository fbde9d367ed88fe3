package com.rapport.ordertracking.order;

import java.time.Instant;
import java.util.Map;

/**
 * Something about an order that others must hear of: customer-service's timeline (the order's {@code outbox})
 * or the organisation's contacts (its {@code notify} list). It is stored inside the order document in the same
 * write as the change it tells of, and relayed afterwards, at least once: the receiver keeps one per
 * {@code eventId}.
 */
public record OrderEvent(String eventId, Kind kind, Instant occurredAt, String summary, Map<String, String> facts) {

	public enum Kind {
		ORDER_PLACED, ORDER_DELIVERED, MILESTONE_REACHED, PROMISE_CHANGED, ORDER_AT_RISK, ORDER_DELAYED,
		ORDER_CANCELLED, NOTIFICATION_SENT,
		/** A new expected date (issue 12: before, only a new promised date was an event). */
		ETA_CHANGED,
		/** The order's lines replaced. */
		LINES_CHANGED,
		/**
		 * A draft order made ("reorder as last time", issue 16's {@code order.draft-created}): not an order's own
		 * event, it waits in the draft's {@code hooks} (package {@code draft}) and goes to webhooks only.
		 */
		DRAFT_CREATED
	}

	public OrderEvent {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}
}
