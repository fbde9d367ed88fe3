package com.rapport.ordertracking.draft;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.NewOrder;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderService;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Draft orders: made once per request id by a service (customer-service's "reorder as last time"), listed for the
 * organisation's contacts, staff and partners, and confirmed by a partner into a placed order (through
 * {@link OrderService#submit}, under the key {@code draft:<draft number>}, so a confirmation cut short and repeated
 * finds the order it made instead of making a second).
 */
@Service
public class DraftOrders {

	static final int MAX_LISTED = 100;

	static final int MAX_QUANTITY = 1_000_000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

	private final DraftOrderRepository drafts;

	private final CustomerDirectory customers;

	private final OrderService orders;

	private final AuditTrail audit;

	private final Clock clock;

	DraftOrders(DraftOrderRepository drafts, CustomerDirectory customers, OrderService orders, AuditTrail audit,
			Clock clock) {
		this.drafts = drafts;
		this.customers = customers;
		this.orders = orders;
		this.audit = audit;
		this.clock = clock;
	}

	/** A draft and whether this call made it. */
	public record Made(DraftOrder draft, boolean created) {
	}

	/** What a service asks for. */
	public record Request(String customerId, String requestId, List<OrderLine> lines, String requestedBy) {
	}

	/** Makes the draft once per {@code requestId}; the same id again answers the draft made then. Services alone. */
	public Made create(Caller caller, Request request) {
		if (!caller.hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("Draft orders are made by services");
		}
		check(request);
		var earlier = drafts.findByRequestId(request.requestId());
		if (earlier.isPresent()) {
			return new Made(earlier.get(), false);
		}
		if (!customers.exists(request.customerId())) {
			throw UnprocessableException.field(Message.of("orders.unknown-organisation"), "customerId",
					Message.of("field.no-such-organisation", request.customerId()));
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank() ? caller.name()
				: request.requestedBy().strip();
		String number = number(now);
		// Partners hear of it by webhook (DRAFT_CREATED), from the event written with the draft (DraftHooks).
		DraftOrder draft = new DraftOrder(number, request.customerId(), request.requestId(), request.lines(),
				requestedBy, DraftStatus.DRAFT, now, null, null, null, null, null,
				List.of(createdEvent(number, request.lines(), requestedBy, now)));
		DraftOrder stored;
		try {
			stored = drafts.insert(draft);
		}
		catch (DuplicateKeyException ex) {
			// The same request raced this one (or, once in a blue moon, the same number): answer the one stored.
			return drafts.findByRequestId(request.requestId()).map(d -> new Made(d, false))
				.orElseThrow(() -> new ConflictException(Message.of("drafts.busy")));
		}
		audit.record(caller, "draft-order.created", "draft-order", stored.draftNumber(), stored.customerId(),
				Map.of("request", stored.requestId()));
		return new Made(stored, true);
	}

	/** What the webhook says of a new draft: its number, its lines' SKUs and count, and who asked. */
	private static OrderEvent createdEvent(String number, List<OrderLine> lines, String requestedBy, Instant now) {
		Map<String, String> facts = new java.util.LinkedHashMap<>();
		facts.put("draft_number", number);
		facts.put("line_count", String.valueOf(lines.size()));
		facts.put("skus", String.join(",", lines.stream().map(OrderLine::sku).toList()));
		facts.put("requested_by", requestedBy);
		return new OrderEvent("draft-created:" + number, OrderEvent.Kind.DRAFT_CREATED, now,
				"Draft order " + number + " made", facts);
	}

	private static void check(Request request) {
		Map<String, Message> errors = new java.util.LinkedHashMap<>();
		if (request.customerId() == null || request.customerId().isBlank()) {
			errors.put("customerId", Message.of("field.required"));
		}
		if (request.requestId() == null || request.requestId().isBlank() || request.requestId().length() > 300) {
			errors.put("requestId", Message.of("field.required"));
		}
		if (request.lines() == null || request.lines().isEmpty()) {
			errors.put("lines", Message.of("field.required"));
		}
		else {
			for (int i = 0; i < request.lines().size(); i++) {
				OrderLine line = request.lines().get(i);
				if (line.sku() == null || line.sku().isBlank()) {
					errors.put("lines[" + i + "].sku", Message.of("field.required"));
				}
				if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
					errors.put("lines[" + i + "].quantity", Message.of("drafts.quantity.range"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new UnprocessableException(Message.of("drafts.invalid"), errors);
		}
	}

	/** {@code RO-<UTC day>-<six digits>}: readable on a phone call, unique by the store's key. */
	private static String number(Instant now) {
		return "RO-" + DAY.format(now.atZone(ZoneOffset.UTC)) + "-"
				+ String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
	}

	/**
	 * The drafts, newest first, at most {@value #MAX_LISTED}: a customer contact its own organisation's whatever it
	 * names; staff, services and partners with {@code orders.read} the organisation named, or every one.
	 */
	public List<DraftOrder> list(Caller caller, String customerId, DraftStatus status) {
		PageRequest first = PageRequest.of(0, MAX_LISTED);
		String organisation = customerId == null || customerId.isBlank() ? null : customerId.strip();
		if (!seesAll(caller)) {
			String own = caller.customerId().orElse(null);
			if (own == null || !caller.hasRole(Caller.CUSTOMER)) {
				throw new AccessDeniedException("Draft orders are read by their organisation, staff and partners");
			}
			organisation = own;
		}
		if (organisation == null) {
			return status == null ? drafts.findAllByOrderByCreatedAtDesc(first)
					: drafts.findByStatusOrderByCreatedAtDesc(status, first);
		}
		return status == null ? drafts.findByCustomerIdOrderByCreatedAtDesc(organisation, first)
				: drafts.findByCustomerIdAndStatusOrderByCreatedAtDesc(organisation, status, first);
	}

	/** One draft; another organisation's reads as unknown. */
	public DraftOrder get(Caller caller, String draftNumber) {
		DraftOrder draft = drafts.findById(draftNumber).orElseThrow(() -> notFound(draftNumber));
		if (!seesAll(caller) && !caller.canSeeCustomer(draft.customerId())) {
			throw notFound(draftNumber);
		}
		return draft;
	}

	/** What a partner confirms: its own order number (else the draft's) and a promised date, both optional. */
	public record Confirmation(String orderNumber, java.time.LocalDate promisedDate) {
	}

	/**
	 * Turns a draft into a placed order (partners with {@code orders.write}). Confirmed already is a conflict
	 * ({@code drafts.already-confirmed}); the partner's {@code Idempotency-Key} replays its own first answer before
	 * this is reached.
	 */
	public DraftOrder confirm(Caller partner, String draftNumber, Confirmation confirmation) {
		DraftOrder draft = drafts.findById(draftNumber).orElseThrow(() -> notFound(draftNumber));
		if (draft.status() == DraftStatus.CONFIRMED) {
			throw new ConflictException(Message.of("drafts.already-confirmed", draftNumber, draft.orderNumber()));
		}
		String orderNumber = confirmation == null || confirmation.orderNumber() == null
				|| confirmation.orderNumber().isBlank() ? draft.draftNumber() : confirmation.orderNumber().strip();
		if (orderNumber.length() > 100) {
			throw UnprocessableException.field(Message.of("drafts.invalid"), "orderNumber",
					Message.of("field.max-length", 100));
		}
		if (orderNumber.chars().anyMatch(Character::isISOControl) || orderNumber.contains("/")) {
			// A slash could not be named in the order API's paths, as for partners' own orders.
			throw UnprocessableException.field(Message.of("drafts.invalid"), "orderNumber",
					Message.of("text.control-characters"));
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Milestone> placed = new ArrayList<>();
		placed.add(new Milestone(MilestoneCode.PLACED, now, "Confirmed from draft " + draft.draftNumber()));
		NewOrder order = new NewOrder(draft.customerId(), orderNumber, now,
				confirmation == null ? null : confirmation.promisedDate(), null, draft.lines(), placed);
		Order stored = orders.submit(partner, order, "draft:" + draft.draftNumber()).order();
		DraftOrder confirmed;
		try {
			confirmed = drafts.save(draft.confirmed(stored.id(), stored.orderNumber(), now, partner.name()));
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ConflictException(Message.of("drafts.already-confirmed", draftNumber, stored.orderNumber()));
		}
		audit.record(partner, "draft-order.confirmed", "draft-order", draftNumber, draft.customerId(),
				Map.of("order_number", stored.orderNumber()));
		return confirmed;
	}

	private static boolean seesAll(Caller caller) {
		return caller.seesAllCustomers() || caller.hasScope("orders.read");
	}

	private static NotFoundException notFound(String draftNumber) {
		return new NotFoundException(Message.of("drafts.not-found", draftNumber));
	}
}
