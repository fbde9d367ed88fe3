package com.rapport.ordertracking.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.stereotype.Service;

/**
 * Keeps orders current: milestones appended as they happen (late, twice or out of order: a repeat of the
 * partner's event id is recognised and changes nothing), the ETA, promised date and lines changed (each an event
 * when it changes something: a new ETA is told the contacts once, with a new promised date or by itself), an order
 * cancelled, a delay explained. Each change is one conditional write ({@link OrderWrites}) carrying the events it
 * causes; two writers of one order never lose each other's change, the later one is made again on what the
 * first wrote.
 */
@Service
public class OrderProgressService {

	private static final int ATTEMPTS = 10;

	private final OrderRepository orders;

	private final OrderWrites writes;

	private final CustomerDirectory customers;

	private final Clock clock;

	private final OrderProgressProperties properties;

	private final DeliveryPerformanceProperties business;

	public OrderProgressService(OrderRepository orders, OrderWrites writes, CustomerDirectory customers, Clock clock,
			OrderProgressProperties properties, DeliveryPerformanceProperties business) {
		this.orders = orders;
		this.writes = writes;
		this.customers = customers;
		this.clock = clock;
		this.properties = properties;
		this.business = business;
	}

	/** The order after a write, and whether the write changed it (false for a repeated event). */
	public record Outcome(Order order, boolean changed) {
	}

	/** Appends the partner's milestone; its event id repeated answers the order as it is. */
	public Outcome appendMilestone(String customerId, String orderNumber, Milestone milestone) {
		Instant now = clock.instant();
		if (milestone.occurredAt().isAfter(now.plus(properties.maxFutureSkew()))) {
			throw UnprocessableException.field(Message.of("orders.milestone.in-future"), "occurredAt",
					Message.of("orders.time.future", properties.maxFutureSkew().toHours()));
		}
		Milestone received = new Milestone(milestone.code(), milestone.occurredAt(), milestone.note(),
				milestone.eventId(), milestone.place(), milestone.carrier(), milestone.trackingNumber(),
				milestone.trackingLink(), false, now);
		return modify(() -> byNumber(customerId, orderNumber), order -> {
			if (order.hasEvent(milestone.eventId())) {
				return null;
			}
			List<Milestone> milestones = new ArrayList<>(order.milestones());
			milestones.add(received);
			Order after = order.toBuilder().milestones(milestones).build();
			Milestone kept = after.milestones().stream().filter(m -> milestone.eventId().equals(m.eventId()))
				.findFirst().orElseThrow();
			Change change = new Change(after);
			if (order.deliveredAt() == null && after.deliveredAt() != null) {
				change.timeline.add(after.deliveredEvent());
			}
			if (!kept.backwards()) {
				change.notify.add(milestoneEvent(after, kept));
			}
			return change;
		}, true);
	}

	/** Changes the ETA, the promised date (with its reason) or the lines of an open order. */
	public Outcome change(String customerId, String orderNumber, OrderChange change) {
		if (change.promisedDate() != null && (change.promisedDateReason() == null || change.promisedDateReason().isBlank())) {
			throw UnprocessableException.field(Message.of("orders.promised-date.reason-missing"), "promisedDateReason",
					Message.of("field.required"));
		}
		if (change.eta() == null && change.promisedDate() == null && change.lines() == null) {
			throw UnprocessableException.field(Message.of("orders.change.empty"), "eta",
					Message.of("orders.change.nothing"));
		}
		return modify(() -> byNumber(customerId, orderNumber), order -> {
			requireOpen(order);
			Order.Builder builder = order.toBuilder();
			if (change.eta() != null) {
				builder.eta(change.eta());
			}
			if (change.lines() != null) {
				builder.lines(change.lines());
			}
			boolean promiseMoved = change.promisedDate() != null && !change.promisedDate().equals(order.promisedDate());
			if (promiseMoved) {
				builder.promisedDate(change.promisedDate(), change.promisedDateReason().trim());
			}
			Order after = builder.build();
			if (after.equals(order)) {
				return null;
			}
			Change result = new Change(after);
			boolean etaMoved = change.eta() != null && !change.eta().equals(order.eta());
			if (promiseMoved) {
				Map<String, String> facts = after.facts();
				facts.put("promised_date", after.promisedDate().toString());
				facts.put("previous_promised_date", String.valueOf(order.promisedDate()));
				facts.put("reason", after.promisedDateReason());
				if (etaMoved) {
					facts.put("eta", after.eta().toString());
				}
				result.notify.add(new OrderEvent(eventId("promise", order), OrderEvent.Kind.PROMISE_CHANGED,
						clock.instant(), "Order " + order.orderNumber() + " promised for " + after.promisedDate(), facts));
			}
			if (etaMoved) {
				// Its own event for webhooks and the live feed; the contacts hear of it once: with the new promised
				// date when that moved too (its mail names the ETA), else by itself.
				Map<String, String> facts = after.facts();
				facts.put("eta", after.eta().toString());
				facts.put("previous_eta", order.eta() == null ? "" : order.eta().toString());
				if (after.promisedDate() != null) {
					facts.put("promised_date", after.promisedDate().toString());
				}
				OrderEvent etaChanged = new OrderEvent(eventId("eta", order), OrderEvent.Kind.ETA_CHANGED,
						clock.instant(), "Order " + order.orderNumber() + " expected on " + after.eta(), facts);
				(promiseMoved ? result.feedOnly : result.notify).add(etaChanged);
			}
			if (change.lines() != null && !after.lines().equals(order.lines())) {
				Map<String, String> facts = after.facts();
				facts.put("line_count", String.valueOf(after.lines().size()));
				facts.put("skus", String.join(", ", after.lines().stream().map(OrderLine::sku).toList()));
				result.feedOnly.add(new OrderEvent(eventId("lines", order), OrderEvent.Kind.LINES_CHANGED,
						clock.instant(), "Order " + order.orderNumber() + ": lines changed", facts));
			}
			return result;
		}, false);
	}

	/** Cancels an order not delivered yet; cancelling it again changes nothing. */
	public Outcome cancel(String customerId, String orderNumber, String reason) {
		return modify(() -> byNumber(customerId, orderNumber), order -> {
			if (order.cancelled()) {
				return null;
			}
			if (order.deliveredAt() != null) {
				throw new ConflictException(Message.of("orders.delivered-already", order.orderNumber()));
			}
			Instant now = clock.instant();
			Change change = new Change(order.toBuilder().cancelled(now, reason).build());
			Map<String, String> facts = order.facts();
			facts.put("reason", reason == null ? "" : reason);
			OrderEvent cancelled = new OrderEvent("order-cancelled:" + order.id(), OrderEvent.Kind.ORDER_CANCELLED, now,
					"Order " + order.orderNumber() + " cancelled", facts);
			change.timeline.add(cancelled);
			change.notify.add(cancelled);
			return change;
		}, false);
	}

	/** Records why a partner's order is late and what is offered. */
	public Outcome reportDelay(Caller partner, String customerId, String orderNumber, DelayReport report) {
		return reportDelay(partner.name(), () -> byNumber(customerId, orderNumber), report);
	}

	/** The same for staff, who name the order by its id. */
	public Outcome reportDelay(Caller staff, String orderId, DelayReport report) {
		return reportDelay(staff.name(), orderId, report);
	}

	/** The same, recorded in the name of {@code recordedBy} (the demo data's staff). */
	public Outcome reportDelay(String recordedBy, String orderId, DelayReport report) {
		return reportDelay(recordedBy, () -> orders.findById(orderId)
			.orElseThrow(() -> new NotFoundException(Message.of("orders.not-found", orderId))), report);
	}

	private Outcome reportDelay(String recordedBy, Supplier<Order> locate, DelayReport report) {
		return modify(locate, order -> {
			requireOpen(order);
			Instant now = clock.instant();
			Delay before = order.delay();
			Delay delay = new Delay(before == null ? Delay.Cause.REPORTED : before.cause(),
					before == null ? now : before.detectedAt(), report.reason().trim(), report.remedy(),
					report.remedyNote(), report.newDate(), recordedBy, now);
			Order.Builder builder = order.toBuilder().delay(delay);
			if (report.newDate() != null) {
				builder.eta(report.newDate());
			}
			Order after = builder.build();
			Map<String, String> facts = after.facts();
			facts.put("reason", delay.reason());
			facts.put("remedy", delay.remedy().name());
			facts.put("remedy_note", delay.remedyNote() == null ? "" : delay.remedyNote());
			facts.put("new_date", delay.newDate() == null ? "" : delay.newDate().toString());
			facts.put("promised_date", String.valueOf(after.promisedDate()));
			OrderEvent delayed = new OrderEvent(eventId("delay", order), OrderEvent.Kind.ORDER_DELAYED, now,
					"Order " + order.orderNumber() + " delayed: " + delay.reason(), facts);
			Change change = new Change(after);
			change.timeline.add(delayed);
			change.notify.add(delayed);
			return change;
		}, false);
	}

	/** Marks an open order at risk because it made no progress for too long (the detector's write). */
	Optional<Order> markStalled(String orderId, Instant now) {
		Outcome outcome = modify(() -> orders.findById(orderId)
			.orElseThrow(() -> new NotFoundException(Message.of("orders.not-found", orderId))), order -> {
				if (!order.open() || order.delay() != null) {
					return null;
				}
				Duration quiet = Duration.between(order.lastProgressAt(), now);
				Change change = new Change(order);
				if (quiet.compareTo(properties.noProgressAt(order.status())) > 0) {
					change.risk = Delay.detected(Delay.Cause.NO_PROGRESS, now);
				}
				return change;
			}, false);
		return outcome.changed() ? Optional.of(outcome.order()) : Optional.empty();
	}

	/** A change of an order, with what it tells the timeline and the contacts. */
	private static final class Change {

		private final Order after;

		private final List<OrderEvent> timeline = new ArrayList<>();

		private final List<OrderEvent> notify = new ArrayList<>();

		/** Told to webhooks and the live feed only. */
		private final List<OrderEvent> feedOnly = new ArrayList<>();

		private Delay risk;

		Change(Order after) {
			this.after = after;
		}
	}

	/**
	 * Reads the order, works out the change and writes it if nobody changed the order meanwhile, else starts again
	 * on what is there now. A null change is nothing to do. Whether the order is at risk is judged on the result.
	 */
	private Outcome modify(Supplier<Order> locate, Function<Order, Change> changeOf, boolean progressed) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Order order = locate.get();
			Change change = changeOf.apply(order);
			if (change == null) {
				return new Outcome(order, false);
			}
			Instant now = clock.instant();
			Delay delay = change.risk != null ? change.risk
					: DelayPolicy.assess(change.after, now, LocalDate.ofInstant(now, business.timeZone()), progressed);
			Order after = change.after.toBuilder().delay(delay).build();
			if (delay != null && delay != order.delay() && !delay.explained()) {
				Map<String, String> facts = after.facts();
				facts.put("cause", delay.cause().name());
				change.timeline.add(new OrderEvent(eventId("at-risk", order), OrderEvent.Kind.ORDER_AT_RISK, now,
						"Order " + order.orderNumber() + " at risk", facts));
			}
			if (after.equals(order) && change.timeline.isEmpty() && change.notify.isEmpty() && change.feedOnly.isEmpty()) {
				return new Outcome(order, false);
			}
			if (writes.write(order, after, change.timeline, change.notify, change.feedOnly)) {
				// The order as this write left it (it was conditional on the version read, and appended these events
				// to the lists read): no second read of the whole order (session 17).
				return new Outcome(after.toBuilder().written()
					.outbox(appended(after.outbox(), change.timeline))
					.notices(appended(after.notices(), change.notify))
					.hooks(appended(after.hooks(), OrderHooks.told(change.timeline, change.notify, change.feedOnly)))
					.live(appended(after.live(), OrderHooks.followed(change.timeline, change.notify, change.feedOnly)))
					.build(), true);
			}
		}
		throw new ConflictException(Message.of("problem.concurrent-change"));
	}

	private static List<OrderEvent> appended(List<OrderEvent> list, List<OrderEvent> events) {
		if (events.isEmpty()) {
			return list;
		}
		List<OrderEvent> all = new ArrayList<>(list);
		all.addAll(events);
		return all;
	}

	/** Unique per order and write: the version the write makes. */
	private static String eventId(String kind, Order order) {
		return kind + ":" + order.id() + ":" + (order.version() == null ? 1 : order.version() + 1);
	}

	private static OrderEvent milestoneEvent(Order order, Milestone milestone) {
		Map<String, String> facts = order.facts();
		facts.put("code", milestone.code().name());
		facts.put("occurred_at", milestone.occurredAt().toString());
		put(facts, "place", milestone.place());
		put(facts, "note", milestone.note());
		put(facts, "carrier", milestone.carrier());
		put(facts, "tracking_number", milestone.trackingNumber());
		put(facts, "tracking_link", milestone.trackingLink());
		return new OrderEvent("milestone:" + order.id() + ":" + milestone.eventId(), OrderEvent.Kind.MILESTONE_REACHED,
				milestone.occurredAt(), "Order " + order.orderNumber() + ": " + milestone.code(), facts);
	}

	private static void put(Map<String, String> facts, String key, String value) {
		if (value != null && !value.isBlank()) {
			facts.put(key, value);
		}
	}

	private static void requireOpen(Order order) {
		if (order.cancelled()) {
			throw new ConflictException(Message.of("orders.cancelled-already", order.orderNumber()));
		}
		if (order.deliveredAt() != null) {
			throw new ConflictException(Message.of("orders.delivered-already", order.orderNumber()));
		}
	}

	/**
	 * The organisation's order by its number. Not there: when the organisation is unknown the partner is told so
	 * ({@code customerId}); when it exists, or customer-service cannot say, the order is not found.
	 */
	private Order byNumber(String customerId, String orderNumber) {
		return orders.findByCustomerIdAndOrderNumber(customerId, orderNumber).orElseThrow(() -> {
			boolean organisationKnown;
			try {
				organisationKnown = customers.exists(customerId);
			}
			catch (RemoteUnavailableException ex) {
				organisationKnown = true;
			}
			if (!organisationKnown) {
				return UnprocessableException.field(Message.of("orders.unknown-organisation"), "customerId",
						Message.of("field.no-such-organisation", customerId));
			}
			return new NotFoundException(Message.of("orders.number-not-found", orderNumber, customerId));
		});
	}
}
