package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who sees which invoices, and staff's promises to pay and instalment plans, which pause the reminders. A customer
 * contact only ever reaches its own organisation's invoices; another's answers like an unknown one. Each promise
 * and plan goes on the customer's timeline and to the audit trail.
 */
@Service
public class Receivables {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	private final ReceivablesProperties properties;

	Receivables(MongoTemplate mongo, AuditTrail audit, Clock clock, ReceivablesProperties properties) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	static boolean isStaff(Caller caller) {
		return caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** Today in the business time zone: the day due dates and steps are counted in. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(properties.timeZone()));
	}

	/** Newest due date first, by the index {@code customer_due} (or {@code open_due} for everyone's open ones). */
	public List<Invoice> list(Caller caller, String customerId, boolean openOnly, int pageSize) {
		String organisation;
		if (caller.isCustomer()) {
			organisation = caller.customerId().orElseThrow();
		}
		else if (isStaff(caller)) {
			organisation = customerId == null || customerId.isBlank() ? null : customerId.trim();
		}
		else {
			throw new AccessDeniedException("Invoices are for staff and the organisation's contacts");
		}
		Criteria criteria = new Criteria();
		if (organisation != null) {
			criteria = Criteria.where("customerId").is(organisation);
		}
		if (openOnly) {
			criteria = criteria.and("status").is(Invoice.Status.OPEN);
		}
		int size = pageSize <= 0 ? DEFAULT_PAGE : Math.min(pageSize, MAX_PAGE);
		return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "dueDate")).limit(size),
				Invoice.class);
	}

	public Invoice get(Caller caller, String invoiceId) {
		if (!(caller.isCustomer() || isStaff(caller))) {
			throw new AccessDeniedException("Invoices are for staff and the organisation's contacts");
		}
		Invoice invoice = invoiceId == null || invoiceId.isBlank() ? null : mongo.findById(invoiceId, Invoice.class);
		if (invoice == null || !caller.canSeeCustomer(invoice.customerId())) {
			throw new NotFoundException(Message.of("invoices.not-found", String.valueOf(invoiceId)));
		}
		return invoice;
	}

	/** A promise to pay by {@code payBy}: the reminders pause until the day after it. */
	public Invoice promise(Caller caller, String invoiceId, LocalDate payBy, String note) {
		requireStaff(caller);
		if (payBy == null || payBy.isBefore(today())) {
			throw UnprocessableException.field(Message.of("receivables.promise.invalid"), "pay_by",
					Message.of(payBy == null ? "field.required" : "receivables.promise.past"));
		}
		String cleanNote = clean(note, "note");
		Instant now = clock.instant();
		Invoice changed = change(caller, invoiceId, invoice -> with(invoice, new Invoice.Promise(payBy, cleanNote,
				caller.name(), now), invoice.instalments(), event(invoice, "promise:" + payBy,
						"timeline.invoice.promise", List.of(invoice.invoiceNumber(), payBy.toString()), now)));
		audit.record(caller, "invoice.promise-recorded", "invoice", changed.id(), changed.customerId(),
				Map.of("invoiceNumber", changed.invoiceNumber(), "payBy", payBy.toString()));
		return changed;
	}

	/** One instalment as staff enter it, the amount in minor units of the invoice's currency. */
	public record PlannedInstalment(LocalDate dueDate, java.math.BigDecimal amount) {
	}

	/** An instalment plan whose amounts add up to the invoice's: the reminders pause until after its last date. */
	public Invoice instalments(Caller caller, String invoiceId, List<PlannedInstalment> plan, String note) {
		requireStaff(caller);
		Invoice current = get(caller, invoiceId);
		Map<String, Message> bad = new LinkedHashMap<>();
		if (plan == null || plan.isEmpty() || plan.size() > 24) {
			bad.put("instalments", Message.of("receivables.instalments.count"));
		}
		List<Invoice.Instalment> parts = new ArrayList<>();
		java.util.Currency currency = java.util.Currency.getInstance(current.amount().currency());
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		long sum = 0;
		LocalDate before = today().minusDays(1);
		for (int i = 0; plan != null && i < plan.size() && i < 24; i++) {
			PlannedInstalment part = plan.get(i);
			if (part.dueDate() == null || !part.dueDate().isAfter(before)) {
				bad.putIfAbsent("instalments[" + i + "].due_date", Message.of("receivables.instalments.date"));
				continue;
			}
			if (part.amount() == null || part.amount().signum() <= 0
					|| part.amount().stripTrailingZeros().scale() > digits) {
				bad.putIfAbsent("instalments[" + i + "].amount", Message.of("receivables.instalments.amount"));
				continue;
			}
			long minor = part.amount().movePointRight(digits).longValue();
			sum += minor;
			parts.add(new Invoice.Instalment(part.dueDate(), minor));
			before = part.dueDate();
		}
		if (bad.isEmpty() && sum != current.amount().minorUnits()) {
			bad.put("instalments", Message.of("receivables.instalments.sum", InvoiceBook.display(current.amount())));
		}
		clean(note, "note");
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("receivables.instalments.invalid"), bad);
		}
		Instant now = clock.instant();
		LocalDate last = parts.get(parts.size() - 1).dueDate();
		Invoice changed = change(caller, invoiceId, invoice -> with(invoice, invoice.promise(), parts,
				event(invoice, "instalments:" + now.toEpochMilli(),
						"timeline.invoice.instalments", List.of(invoice.invoiceNumber(), String.valueOf(parts.size()),
								last.toString()), now)));
		audit.record(caller, "invoice.instalments-recorded", "invoice", changed.id(), changed.customerId(),
				Map.of("invoiceNumber", changed.invoiceNumber(), "instalments", String.valueOf(parts.size())));
		return changed;
	}

	private Invoice change(Caller caller, String invoiceId, UnaryOperator<Invoice> change) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Invoice invoice = get(caller, invoiceId);
			if (!invoice.open()) {
				throw new ConflictException(Message.of("invoices.settled-already", invoice.invoiceNumber()));
			}
			try {
				return mongo.save(change.apply(invoice));
			}
			catch (OptimisticLockingFailureException meanwhile) {
				// changed meanwhile (a reminder queued): read again
			}
		}
		throw new ConflictException(Message.of("idempotency.in-flight"));
	}

	private static List<Invoice.TimelineEvent> event(Invoice invoice, String suffix, String code, List<String> args,
			Instant now) {
		List<Invoice.TimelineEvent> outbox = new ArrayList<>(invoice.outbox());
		outbox.add(new Invoice.TimelineEvent("invoice:" + invoice.id() + ":" + suffix, "CARE_EVENT", code, args, now));
		return outbox;
	}

	private static Invoice with(Invoice i, Invoice.Promise promise, List<Invoice.Instalment> instalments,
			List<Invoice.TimelineEvent> outbox) {
		return new Invoice(i.id(), i.customerId(), i.invoiceNumber(), i.orderNumber(), i.amount(), i.dueDate(),
				i.status(), i.stepsSent(), promise, instalments, i.style(), i.submittedBy(), i.receivedAt(),
				i.settledAt(), outbox, i.undeliverable(), i.version());
	}

	private static String clean(String note, String field) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String trimmed = note.strip();
		if (trimmed.length() > 500) {
			throw UnprocessableException.field(Message.of("problem.invalid-fields"), field, Message.of("field.too-long", 500));
		}
		if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
			throw UnprocessableException.field(Message.of("problem.invalid-fields"), field,
					Message.of("text.control-characters"));
		}
		return trimmed;
	}

	private static void requireStaff(Caller caller) {
		if (!isStaff(caller)) {
			throw new AccessDeniedException("Promises and instalment plans are recorded by staff");
		}
	}
}
