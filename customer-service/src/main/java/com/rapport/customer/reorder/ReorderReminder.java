package com.rapport.customer.reorder;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder to one contact about one expected reorder (collection {@code reorder_reminders}): its id is the
 * expected reorder's key and the contact's, inserted {@code PENDING} and claimed by whoever inserted it before the
 * mail is sent, so no contact is reminded twice of the same reorder. Then {@code SENT}; or {@code FAILED} when the
 * mail server refused, tried again from {@code nextAttemptAt} with a growing pause ({@link ReorderReminders}'s
 * retries) until {@code DEAD} after the last try; {@code CANCELLED} when, by the time of a retry, the contact no longer
 * wants it (or has no address) or the reorder is no longer expected. A {@code PENDING} reminder whose sender died
 * before sending is taken over once its claim ({@code claimedUntil}) runs out.
 */
@Document("reorder_reminders")
@CompoundIndex(name = "retry_due", def = "{'state': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "organisation_state", def = "{'organisationId': 1, 'state': 1}")
public record ReorderReminder(@Id String id, String organisationId, String contactId, String sku,
		LocalDate expectedOn, State state, Instant createdAt, Instant sentAt, int attempts, Instant nextAttemptAt,
		Instant claimedUntil, String lastError) {

	public enum State {
		PENDING, SENT, FAILED, DEAD, CANCELLED
	}

	static String idOf(String reorderKey, String contactId) {
		return reorderKey + ":" + contactId;
	}
}
