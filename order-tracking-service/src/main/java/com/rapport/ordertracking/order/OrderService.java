package com.rapport.ordertracking.order;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Takes orders from partners and answers who may see which. A customer contact only ever reaches its own
 * organisation's orders; another organisation's order answers exactly like an unknown one. A new order goes to
 * the audit trail; a repeated submission does not.
 */
@Service
public class OrderService {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final OrderRepository orders;

	private final CustomerDirectory customers;

	private final Clock clock;

	private final AuditTrail audit;

	public OrderService(OrderRepository orders, CustomerDirectory customers, Clock clock, AuditTrail audit) {
		this.orders = orders;
		this.customers = customers;
		this.clock = clock;
		this.audit = audit;
	}

	/** The outcome of a submission: the stored order, and whether this request created it. */
	public record Submission(Order order, boolean created) {
	}

	/**
	 * Stores a partner's order once. A repeat with the same {@code Idempotency-Key} answers the order
	 * stored the first time; the same order number without the key is a conflict.
	 */
	public Submission submit(Caller partner, NewOrder order, String idempotencyKey) {
		if (idempotencyKey != null) {
			var earlier = orders.findBySubmittedByAndIdempotencyKey(partner.name(), idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), order);
			}
		}
		if (!customers.exists(order.customerId())) {
			throw UnprocessableException.field(Message.of("orders.unknown-organisation"), "customerId",
					Message.of("field.no-such-organisation", order.customerId()));
		}
		Order toStore = new Order(UUID.randomUUID().toString(), order.customerId(), order.orderNumber(),
				placedAt(order), order.promisedDate(), order.total(),
				order.lines(), order.milestones(), partner.name(), idempotencyKey, null, null).withEventsOfPlacement();
		Order stored;
		try {
			stored = orders.insert(toStore);
		}
		catch (DuplicateKeyException ex) {
			if (idempotencyKey != null) {
				var concurrent = orders.findBySubmittedByAndIdempotencyKey(partner.name(), idempotencyKey);
				if (concurrent.isPresent()) {
					return replay(concurrent.get(), order);
				}
			}
			throw new ConflictException(Message.of("orders.exists", order.orderNumber(), order.customerId()));
		}
		audit.record(partner, "order.created", "order", stored.id(), stored.customerId(),
				Map.of("order_number", stored.orderNumber()));
		return new Submission(stored, true);
	}

	/** When the partner gave no date: the time of its PLACED milestone, else now. */
	private Instant placedAt(NewOrder order) {
		if (order.placedAt() != null) {
			return order.placedAt();
		}
		return order.milestones().stream().filter(m -> m.code() == MilestoneCode.PLACED).map(Milestone::occurredAt)
			.min(Instant::compareTo).orElse(clock.instant());
	}

	private static Submission replay(Order earlier, NewOrder order) {
		if (!earlier.customerId().equals(order.customerId()) || !earlier.orderNumber().equals(order.orderNumber())) {
			throw UnprocessableException.field(Message.of("idempotency.key-reused"), "Idempotency-Key",
					Message.of("idempotency.other-request"));
		}
		return new Submission(earlier, false);
	}

	public Order get(Caller caller, String id) {
		Order order = orders.findById(id).orElseThrow(() -> notFound(id));
		if (!mayRead(caller, order.customerId())) {
			throw notFound(id);
		}
		return order;
	}

	/**
	 * The order of that number of the organisation (the console's order page is addressed so): found by the unique
	 * index {@code customer_order_number}. A caller who may not read the organisation's orders is told it is not
	 * found, as for an unknown number; a blank organisation is a bad request.
	 */
	public Order getByNumber(Caller caller, String customerId, String orderNumber) {
		if (customerId == null || customerId.isBlank()) {
			throw UnprocessableException.field(Message.of("problem.invalid-fields"), "customer_id",
					Message.of("field.required"));
		}
		if (!mayRead(caller, customerId) || orderNumber == null || orderNumber.isBlank()) {
			throw new NotFoundException(Message.of("orders.number-not-found", orderNumber, customerId));
		}
		return orders.findByCustomerIdAndOrderNumber(customerId, orderNumber)
			.orElseThrow(() -> new NotFoundException(Message.of("orders.number-not-found", orderNumber, customerId)));
	}

	/**
	 * Orders newest first. A customer gets its own organisation's whatever filter it sends; others may
	 * filter by organisation or see all.
	 */
	public Page<Order> list(Caller caller, String customerId, int page, int size) {
		return list(caller, customerId, page, size, false);
	}

	/** The same; with {@code atRiskOnly}, only the orders at risk, at risk longest first. */
	public Page<Order> list(Caller caller, String customerId, int page, int size, boolean atRiskOnly) {
		PageRequest request = PageRequest.of(Math.max(page, 0),
				size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE));
		String organisation = customerId == null || customerId.isBlank() ? null : customerId;
		if (!seesAll(caller)) {
			String own = caller.customerId().orElse(null);
			if (own == null || (organisation != null && !organisation.equals(own))) {
				return Page.empty(request);
			}
			organisation = own;
		}
		if (atRiskOnly) {
			return organisation == null ? orders.findByAtRiskTrueOrderByDelayDetectedAtAsc(request)
					: orders.findByCustomerIdAndAtRiskTrueOrderByDelayDetectedAtAsc(organisation, request);
		}
		return organisation == null ? orders.findAllByOrderByPlacedAtDesc(request)
				: orders.findByCustomerIdOrderByPlacedAtDesc(organisation, request);
	}

	static boolean seesAll(Caller caller) {
		return caller.seesAllCustomers() || caller.hasScope("orders.read");
	}

	/** Whether the caller may read the organisation's orders: the one rule for orders and figures made of them. */
	static boolean mayRead(Caller caller, String customerId) {
		return seesAll(caller) || caller.canSeeCustomer(customerId);
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException(Message.of("orders.not-found", id));
	}
}
