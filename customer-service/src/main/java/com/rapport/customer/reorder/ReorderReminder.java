package com.rapport.customer.reorder;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder to one contact about one expected reorder (collection {@code reorder_reminders}): its id is the
 * expected reorder's key and the contact's, inserted {@code PENDING} before the mail is sent, so whoever inserts it
 * sends and no contact is reminded twice of the same reorder. Then {@code SENT}, or {@code FAILED} when the mail
 * server refused (not tried again: a lost reminder is better than a doubled one).
 */
@Document("reorder_reminders")
public record ReorderReminder(@Id String id, String organisationId, String contactId, String sku,
		LocalDate expectedOn, State state, Instant createdAt, Instant sentAt) {

	public enum State {
		PENDING, SENT, FAILED
	}

	static String idOf(String reorderKey, String contactId) {
		return reorderKey + ":" + contactId;
	}
}
