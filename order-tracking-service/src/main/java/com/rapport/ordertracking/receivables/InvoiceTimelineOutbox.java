package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import com.rapport.support.timeline.ScheduledOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * An invoice's events on the customer's timeline: received, each reminder sent ({@code NOTIFICATION_SENT}), a
 * promise to pay, an instalment plan, paid or credited ({@code CARE_EVENT}), relayed from the invoice's
 * {@code outbox} by platform-support's relay under lease {@code invoice-timeline-relay}; customer-service keeps one
 * entry per event id.
 */
@Component
class InvoiceTimelineOutbox extends ScheduledOutbox<Invoice, Invoice.TimelineEvent> {

	private final InteractionRecorder recorder;

	InvoiceTimelineOutbox(InteractionRecorder recorder, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name, @Value("${rapport.relay.enabled:true}") boolean enabled) {
		super(mongo, clock, name, enabled);
		this.recorder = recorder;
	}

	@Override
	public Class<Invoice> recordType() {
		return Invoice.class;
	}

	@Override
	public String field() {
		return "outbox";
	}

	@Override
	public String undeliverableField() {
		return "undeliverable";
	}

	@Override
	public List<String> fields() {
		return List.of("customerId", "invoiceNumber", "orderNumber", "amount", "dueDate");
	}

	@Override
	public List<Invoice.TimelineEvent> pending(Invoice invoice) {
		return invoice.outbox();
	}

	@Override
	public String eventId(Invoice invoice, Invoice.TimelineEvent event) {
		return event.eventId();
	}

	@Override
	public String kind(Invoice invoice, Invoice.TimelineEvent event) {
		return event.kind();
	}

	@Override
	public void deliver(Invoice invoice, Invoice.TimelineEvent event) {
		recorder.record(entryOf(invoice, event));
	}

	static TimelineEntry entryOf(Invoice invoice, Invoice.TimelineEvent event) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("invoice_number", invoice.invoiceNumber());
		if (invoice.orderNumber() != null) {
			facts.put("order_number", invoice.orderNumber());
		}
		if (invoice.amount() != null) {
			facts.put("currency", invoice.amount().currency());
			facts.put("amount_minor_units", String.valueOf(invoice.amount().minorUnits()));
		}
		if (invoice.dueDate() != null) {
			facts.put("due_date", invoice.dueDate().toString());
		}
		String summary = event.code().substring(event.code().lastIndexOf('.') + 1).replace('-', ' ') + ": invoice "
				+ invoice.invoiceNumber() + " " + String.join(" ", event.args().subList(1, event.args().size()))
					.replaceAll("#\\{[^}]*\\.([A-Z]+)\\}", "$1");
		return new TimelineEntry(event.eventId(), invoice.customerId(), event.kind(), event.occurredAt(), summary.strip(),
				"invoice:" + invoice.id(), facts, event.code(), event.args());
	}

	@Override
	public String recordName() {
		return "invoice";
	}

	@Override
	public String receiverName() {
		return "customer-service";
	}

	@Override
	public String leaseName() {
		return "invoice-timeline-relay";
	}
}
