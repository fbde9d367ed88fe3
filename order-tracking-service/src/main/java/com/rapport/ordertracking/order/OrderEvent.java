package com.rapport.ordertracking.order;

import java.time.Instant;
import java.util.Map;

/**
 * Something about an order that customer-service's timeline must hear of. It is stored inside the order
 * document in the same write as the change it tells of (an outbox), and relayed afterwards, at least once:
 * the receiver keeps one per {@code eventId}.
 */
public record OrderEvent(String eventId, Kind kind, Instant occurredAt, String summary, Map<String, String> facts) {

	public enum Kind {
		ORDER_PLACED, ORDER_DELIVERED
	}

	public OrderEvent {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}
}
