package com.rapport.ordertracking.incident;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisation an incident notice reaches (id: the notice and the organisation), with its affected orders
 * (how many, and the first {@value #NUMBERS_KEPT} numbers) and the two outboxes written with it: {@code notices},
 * the mail still to be queued for its contacts (taken by the notification fan-out, index {@code notify_pending}),
 * and {@code outbox}, the timeline entry still to be recorded (relayed by {@link IncidentTimelineOutbox}, index
 * {@code outbox_pending}). One small document per organisation, so a notice to thousands of orders is many small
 * writes, never one large one.
 */
@Document("incident_recipients")
@CompoundIndexes({ @CompoundIndex(name = "notice", def = "{'noticeId': 1}"),
		@CompoundIndex(name = "notify_pending", def = "{'notices.eventId': 1}", sparse = true),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true) })
public record IncidentRecipient(@Id String id, String noticeId, String customerId, int orderCount,
		List<String> orderNumbers, String sku, String cause, String correctiveAction, Instant createdAt,
		List<Pending> notices, List<Pending> outbox, List<SetAside> undeliverable) {

	static final int NUMBERS_KEPT = 20;

	public IncidentRecipient {
		orderNumbers = orderNumbers == null ? List.of() : List.copyOf(orderNumbers);
		notices = notices == null ? List.of() : List.copyOf(notices);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
	}

	static String idOf(String noticeId, String customerId) {
		return noticeId + ":" + customerId;
	}

	/** An event still to be handed on; its id is what the receiver keeps one of. */
	public record Pending(String eventId, Instant occurredAt) {
	}

	/** A timeline entry customer-service refused for good, kept with the reason. */
	public record SetAside(String eventId, String kind, String reason) {
	}
}
