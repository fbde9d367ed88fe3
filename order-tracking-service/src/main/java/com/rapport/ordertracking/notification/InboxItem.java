package com.rapport.ordertracking.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in one contact's portal inbox. The id is made of the change's event id and the contact
 * ({@link #idOf}), so a change lands in an inbox once, whoever queues it and however often. {@code read} is a flag rather than an absent
 * {@code readAt} because the embedded store indexes no equality to null. Indexes: {@code contact_inbox} (a page,
 * newest first), {@code contact_unread} (the header's count) and {@code order_log} (staff's notification log of an
 * order, as the emails' and SMS').
 */
@Document("inbox_items")
@CompoundIndexes({ @CompoundIndex(name = "contact_inbox", def = "{'contactId': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "contact_unread", def = "{'contactId': 1, 'read': 1}"),
		@CompoundIndex(name = "order_log", def = "{'orderId': 1, 'createdAt': 1}") })
public record InboxItem(@Id String id, String customerId, String contactId, String orderId, String orderNumber,
		String eventId, String kind, NotificationTopic topic, Instant occurredAt, Map<String, String> facts,
		Instant createdAt, boolean read, Instant readAt) {

	public InboxItem {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}

	/**
	 * The item of one change for one contact: a name-based UUID of both, the same however often it is made, and
	 * safe in a URL whatever a partner's event id holds.
	 */
	public static String idOf(String eventId, String contactId) {
		return UUID.nameUUIDFromBytes((eventId + "|" + contactId).getBytes(StandardCharsets.UTF_8)).toString();
	}
}
