package com.rapport.ordertracking.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order event to one subscription, and its delivery log. The id is the subscription and the event, so the fan-out
 * never queues one event twice for a subscription; the receiver sees it as the delivery id, the same on every try
 * and replay. {@code body} is the JSON as first written, sent unchanged on every try (only the signature's time
 * changes). A sender claims a due one as platform-support's {@code DeliveryLog} does (state, next try, claimant).
 * {@code tries} keeps the latest tries with the answer's status, the error and the duration. Indexes: {@code due}
 * (the senders), {@code subscription_log} (a subscription's deliveries, newest first).
 */
@Document("webhook_deliveries")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "subscription_log", def = "{'subscriptionId': 1, 'createdAt': -1}") })
public record WebhookDelivery(@Id String id, String subscriptionId, String eventId, String eventType, String orderId,
		String customerId, String orderNumber, String body, State state, int attempts, Instant nextAttemptAt,
		String claimedBy, String lastError, Integer lastStatus, Instant createdAt, Instant deliveredAt,
		List<Try> tries) {

	/** The delivery log's states, as platform-support's {@code DeliveryLog} names them ({@code SENT}: a 2xx). */
	public enum State {
		QUEUED, SENT, FAILED, RETRYING, DEAD
	}

	/** One try: when, the answer's status (null when none came), the error, how long it took. */
	public record Try(Instant at, Integer status, String error, long durationMillis) {
	}

	public WebhookDelivery {
		tries = tries == null ? List.of() : List.copyOf(tries);
	}

	static String idOf(String subscriptionId, String eventId) {
		return subscriptionId + ":" + eventId;
	}
}
