package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The partners' writes of invoices: a new invoice (once per organisation and number: the same invoice again
 * changes nothing, another one under the same number is a conflict), and its settlement (paid or credited, which
 * ends its reminders). Both go on the customer's timeline through the invoice's outbox.
 */
@Service
public class InvoiceBook {

	private final MongoTemplate mongo;

	private final CustomerDirectory customers;

	private final AuditTrail audit;

	private final Clock clock;

	InvoiceBook(MongoTemplate mongo, CustomerDirectory customers, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	/** The stored invoice, and whether this request stored it. */
	public record Submission(Invoice invoice, boolean created) {
	}

	public Submission submit(Caller partner, NewInvoice request) {
		String id = Invoice.idOf(request.customerId(), request.invoiceNumber());
		Invoice earlier = mongo.findById(id, Invoice.class);
		if (earlier != null) {
			return same(earlier, request);
		}
		if (!customers.exists(request.customerId())) {
			throw UnprocessableException.field(Message.of("orders.unknown-organisation", request.customerId()),
					"customerId", Message.of("field.no-such-organisation"));
		}
		Instant now = clock.instant();
		var received = new Invoice.TimelineEvent("invoice:" + id + ":received", "CARE_EVENT",
				"timeline.invoice.received", List.of(request.invoiceNumber(), display(request.amount()),
						request.dueDate().toString()), now);
		Invoice invoice = new Invoice(id, request.customerId(), request.invoiceNumber(), request.orderNumber(),
				request.amount(), request.dueDate(), Invoice.Status.OPEN, List.of(), null, List.of(), null,
				partner.name(), now, null, List.of(received), List.of(), null);
		try {
			invoice = mongo.insert(invoice);
		}
		catch (DuplicateKeyException raced) {
			return same(mongo.findById(id, Invoice.class), request);
		}
		audit.record(partner, "invoice.received", "invoice", id, request.customerId(),
				Map.of("invoiceNumber", request.invoiceNumber(), "currency", request.amount().currency()));
		return new Submission(invoice, true);
	}

	private static Submission same(Invoice earlier, NewInvoice request) {
		boolean same = earlier.amount().equals(request.amount()) && earlier.dueDate().equals(request.dueDate())
				&& java.util.Objects.equals(earlier.orderNumber(), request.orderNumber());
		if (!same) {
			throw new ConflictException(Message.of("invoices.exists", request.invoiceNumber()));
		}
		return new Submission(earlier, false);
	}

	/**
	 * Paid or credited: the invoice is closed and its reminders end. Settling it again the same way changes nothing;
	 * the other way is a conflict.
	 */
	public Invoice settle(Caller partner, String customerId, String invoiceNumber, Invoice.Status status) {
		String id = Invoice.idOf(customerId, invoiceNumber);
		for (int attempt = 0; attempt < 5; attempt++) {
			Invoice invoice = mongo.findById(id, Invoice.class);
			if (invoice == null) {
				throw new NotFoundException(Message.of("invoices.number-not-found", invoiceNumber));
			}
			if (invoice.status() == status) {
				return invoice;
			}
			if (!invoice.open()) {
				throw new ConflictException(Message.of("invoices.settled-already", invoiceNumber));
			}
			Instant now = clock.instant();
			List<Invoice.TimelineEvent> outbox = new ArrayList<>(invoice.outbox());
			outbox.add(new Invoice.TimelineEvent("invoice:" + id + ":" + status.name().toLowerCase(java.util.Locale.ROOT),
					"CARE_EVENT", "timeline.invoice." + status.name().toLowerCase(java.util.Locale.ROOT),
					List.of(invoiceNumber, display(invoice.amount())), now));
			Invoice settled = new Invoice(invoice.id(), invoice.customerId(), invoice.invoiceNumber(),
					invoice.orderNumber(), invoice.amount(), invoice.dueDate(), status, invoice.stepsSent(),
					invoice.promise(), invoice.instalments(), invoice.style(), invoice.submittedBy(), invoice.receivedAt(),
					now, outbox, invoice.undeliverable(), invoice.version());
			try {
				settled = mongo.save(settled);
			}
			catch (org.springframework.dao.OptimisticLockingFailureException meanwhile) {
				continue;
			}
			audit.record(partner, "invoice." + status.name().toLowerCase(java.util.Locale.ROOT), "invoice", id,
					customerId, Map.of("invoiceNumber", invoiceNumber));
			return settled;
		}
		throw new ConflictException(Message.of("idempotency.in-flight"));
	}

	/** {@code CNY 12,500.00}: the currency and the amount with its minor digits. */
	static String display(com.rapport.ordertracking.order.Money money) {
		java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0");
		int digits = java.util.Currency.getInstance(money.currency()).getDefaultFractionDigits();
		format.setMinimumFractionDigits(Math.max(digits, 0));
		format.setMaximumFractionDigits(Math.max(digits, 0));
		format.setDecimalFormatSymbols(java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
		return money.currency() + " " + format.format(money.amount());
	}
}
