package com.rapport.ordertracking.receivables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.order.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An invoice of an organisation as its partner system pushed it (id: the organisation and the invoice number), with
 * what its reminder cadence did ({@code stepsSent}: the offsets whose reminders were queued), what pauses it (a
 * promise to pay, an instalment plan) and its outbox to the customer's timeline ({@code outbox}, written in the same
 * write as the change it tells of). Indexes: {@code customer_due} (an organisation's invoices), {@code open_due} (the
 * planner's read of open invoices) and {@code outbox_pending} (the relay's).
 */
@Document("invoices")
@CompoundIndexes({ @CompoundIndex(name = "customer_due", def = "{'customerId': 1, 'dueDate': -1}"),
		@CompoundIndex(name = "open_due", def = "{'status': 1, 'dueDate': 1}"),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true) })
public record Invoice(@Id String id, String customerId, String invoiceNumber, String orderNumber, Money amount,
		LocalDate dueDate, Status status, List<Integer> stepsSent, Promise promise, List<Instalment> instalments,
		Style style, String submittedBy, Instant receivedAt, Instant settledAt, List<TimelineEvent> outbox,
		List<SetAside> undeliverable, @Version Long version) {

	public enum Status {
		OPEN, PAID, CREDITED
	}

	/** How an organisation's reminders are worded: formally for large organisations, warmly for small ones. */
	public enum Style {
		FORMAL, WARM
	}

	public Invoice {
		stepsSent = stepsSent == null ? List.of() : List.copyOf(stepsSent);
		instalments = instalments == null ? List.of() : List.copyOf(instalments);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
	}

	public static String idOf(String customerId, String invoiceNumber) {
		return customerId + "|" + invoiceNumber;
	}

	public boolean open() {
		return status == Status.OPEN;
	}

	/** Staff's record that the organisation will pay by {@code payBy}. */
	public record Promise(LocalDate payBy, String note, String recordedBy, Instant recordedAt) {
	}

	/** One part of an instalment plan. */
	public record Instalment(LocalDate dueDate, long minorUnits) {
	}

	/** An entry still to be recorded on the customer's timeline. */
	public record TimelineEvent(String eventId, String kind, String code, List<String> args, Instant occurredAt) {

		public TimelineEvent {
			args = args == null ? List.of() : List.copyOf(args);
		}
	}

	/** A timeline entry customer-service refused for good. */
	public record SetAside(String eventId, String kind, String reason) {
	}
}
