package com.rapport.ordertracking.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.order.Money;
import com.rapport.ordertracking.receivables.Invoice;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The demo's invoices (README "Receivables"): Acme Retail (large: formal wording) has one due in two days, whose
 * courteous reminder the planner queues, and one ten days overdue with a promise to pay in five days, which pauses its
 * reminders; Initech Logistics (small: warm wording) has one eight days overdue, whose firm reminder goes out. Each is
 * on its organisation's timeline as received.
 */
final class DemoInvoices {

	private DemoInvoices() {
	}

	static void load(MongoTemplate mongo, Instant now, LocalDate today) {
		invoice(mongo, now, "acme-retail", "INV-2026-1014", "ACME-1014", new Money("CNY", 12_800_000), today.plusDays(2),
				List.of(), null);
		invoice(mongo, now, "acme-retail", "INV-2026-1013", "ACME-1013", new Money("CNY", 2_380_050), today.minusDays(10),
				List.of(-3, 0, 7), new Invoice.Promise(today.plusDays(5), "Paying after the month-end close",
						"agent.li", now));
		invoice(mongo, now, "initech-logistics", "INV-2026-0907", null, new Money("EUR", 480_000), today.minusDays(8),
				List.of(-3, 0), null);
	}

	private static void invoice(MongoTemplate mongo, Instant now, String customerId, String number, String order,
			Money amount, LocalDate due, List<Integer> sent, Invoice.Promise promise) {
		String id = Invoice.idOf(customerId, number);
		if (mongo.findById(id, Invoice.class) != null) {
			return;
		}
		var received = new Invoice.TimelineEvent("invoice:" + id + ":received", "CARE_EVENT",
				"timeline.invoice.received", List.of(number, amount.currency() + " " + amount.amount().toPlainString(),
						due.toString()), now);
		var events = promise == null ? List.of(received) : List.of(received, new Invoice.TimelineEvent(
				"invoice:" + id + ":promise:" + promise.payBy(), "CARE_EVENT", "timeline.invoice.promise",
				List.of(number, promise.payBy().toString()), now));
		mongo.insert(new Invoice(id, customerId, number, order, amount, due, Invoice.Status.OPEN, sent, promise,
				List.of(), null, "partner-demo", now, null, events, List.of(), null));
	}
}
