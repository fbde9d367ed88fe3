package com.rapport.ordertracking.sms;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One SMS of one change to one phone number, and its delivery log (platform-support's {@code DeliveryLog}, as the
 * mails). The id is the change's event id and the number (digits only), so a change is never queued twice for one
 * phone; the provider receives the same id on every try (a provider that keeps ids sends a repeat once).
 * {@code contactName} is the contact's name as known when it was queued, for staff's log (null in messages queued
 * before it was kept). Indexes: {@code due} (the senders'), {@code order_log} (an order's messages, for staff's
 * notification log beside the emails).
 */
@Document("sms_messages")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "order_log", def = "{'orderId': 1, 'createdAt': 1}") })
public record SmsMessage(@Id String id, String orderId, String customerId, String orderNumber, String eventId,
		String kind, String contactId, String phone, String language, String text, State state, int attempts,
		Instant nextAttemptAt, String claimedBy, String lastError, Instant createdAt, Instant sentAt,
		String contactName) {

	public enum State {
		QUEUED, SENT, FAILED, RETRYING, DEAD
	}

	static String idOf(String eventId, String phone) {
		return eventId + "|" + digits(phone);
	}

	/** The number with its leading + and its digits only (+86 21 5555 0102 is +862155550102). */
	static String digits(String phone) {
		String trimmed = phone.strip();
		return (trimmed.startsWith("+") ? "+" : "") + trimmed.replaceAll("[^0-9]", "");
	}
}
