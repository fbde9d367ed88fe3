package com.rapport.ordertracking.notification;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification of one order change to one address, and its delivery log. The id is the change's event id
 * and the address, so the same change is never queued twice for one address, whoever queues it. A sender
 * claims a due one by moving its {@code nextAttemptAt} past the claim's lease and naming itself in
 * {@code claimedBy}, in one conditional write: two senders never both hold one, and a sender that dies
 * leaves it due again when the lease runs out. Indexes: {@code due} (the senders' query) and {@code order_log}
 * (an order's log, for staff).
 */
@Document("notifications")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "order_log", def = "{'orderId': 1, 'createdAt': 1}") })
public record Notification(@Id String id, String orderId, String customerId, String orderNumber, String eventId,
		String kind, Instant occurredAt, Map<String, String> facts, String contactId, String contactName,
		String address, String language, String timeZone, State state, int attempts, Instant nextAttemptAt,
		String claimedBy, String lastError, String subject, Instant createdAt, Instant sentAt) {

	public enum State {
		QUEUED, SENT, FAILED, RETRYING, DEAD
	}

	public Notification {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}

	static String idOf(String eventId, String address) {
		return eventId + "|" + address.trim().toLowerCase(java.util.Locale.ROOT);
	}
}
