package com.rapport.ordertracking.receivables;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder of one step of an invoice's cadence to one address, and its delivery log (platform-support's
 * {@code DeliveryLog}, as the order notifications). The id is the invoice, the step and the address, so a step is
 * never queued twice for one address, whoever queues it. Due ({@code nextAttemptAt}) at the contact's next working
 * hour. {@code WITHDRAWN}: the invoice was settled, or a promise or plan recorded, before it went. Indexes: {@code due}
 * (the senders'), {@code invoice_log} (an invoice's reminders, for staff).
 */
@Document("invoice_reminders")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "invoice_log", def = "{'invoiceId': 1, 'createdAt': 1}") })
public record InvoiceReminder(@Id String id, String invoiceId, String customerId, String invoiceNumber, int offset,
		ReminderCadence.Tone tone, Invoice.Style style, LocalDate stepDate, String contactId, String contactName,
		String address, String language, String timeZone, State state, int attempts, Instant nextAttemptAt,
		String claimedBy, String lastError, String subject, Instant createdAt, Instant sentAt) {

	public enum State {
		QUEUED, SENT, FAILED, RETRYING, DEAD, WITHDRAWN
	}

	static String idOf(String invoiceId, int offset, String address) {
		return invoiceId + "|" + offset + "|" + address.trim().toLowerCase(java.util.Locale.ROOT);
	}
}
