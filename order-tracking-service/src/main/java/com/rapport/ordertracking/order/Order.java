package com.rapport.ordertracking.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order of a customer organisation. {@code orderNumber} is the partner's own number and unique per
 * organisation; {@code idempotencyKey} is the key the partner sent with the request that created it.
 * <p>
 * Derived whatever is passed, and stored only so that the store can find orders by index: {@code milestones} in
 * event-time order, each flagged when it went backwards; {@code deliveredAt}, the time of the first
 * {@code DELIVERED} milestone ({@code customer_delivered}: an organisation's orders in progress and those delivered
 * in a window; an order stored before the field existed reads as not delivered there and is sorted out by its
 * milestones); {@code open} (neither delivered nor cancelled), {@code atRisk} (open with a {@link Delay}) and
 * {@code lastProgressAt} (the latest milestone's time, else placed), which the delay detector reads by
 * {@code progress_watch} and {@code promise_watch}, and staff's list of orders at risk by {@code at_risk} ({@code customer_at_risk} for one organisation's).
 * Lists read {@code customer_placed} (one organisation's, newest first) or {@code placed} (everyone's) in index
 * order; the portal's search reads {@code customer_order_number} (a number's prefix), {@code customer_sku_placed}
 * (multikey on the lines' SKU) and {@code customer_status_placed} ({@code status}, the latest milestone that did
 * not go backwards, derived like the others); an incident notice selects by {@code sku_placed}, {@code placed}
 * or {@code order_number} across the organisations.
 * <p>
 * {@code outbox} holds what customer-service's timeline must still hear of ({@link OrderOutbox});
 * {@code notices}, the changes whose notifications are still to be queued for the organisation's contacts;
 * {@code hooks}, the changes still to be queued for the partners' webhook subscriptions ({@link OrderHooks});
 * {@code live}, the changes still to be put into the live feed the portal's open pages follow (package
 * {@code live}). All four are written in the same write as the change they tell of.
 */
@Document("orders")
@CompoundIndexes({
		@CompoundIndex(name = "customer_order_number", def = "{'customerId': 1, 'orderNumber': 1}", unique = true),
		@CompoundIndex(name = "customer_placed", def = "{'customerId': 1, 'placedAt': -1}"),
		@CompoundIndex(name = "placed", def = "{'placedAt': -1}"),
		@CompoundIndex(name = "customer_delivered", def = "{'customerId': 1, 'deliveredAt': -1}"),
		@CompoundIndex(name = "submitter_idempotency", def = "{'submittedBy': 1, 'idempotencyKey': 1}"),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true),
		@CompoundIndex(name = "notify_pending", def = "{'notices.eventId': 1}", sparse = true),
		@CompoundIndex(name = "webhook_pending", def = "{'hooks.eventId': 1}", sparse = true),
		@CompoundIndex(name = "live_pending", def = "{'live.eventId': 1}", sparse = true),
		@CompoundIndex(name = "progress_watch", def = "{'open': 1, 'atRisk': 1, 'lastProgressAt': 1}"),
		@CompoundIndex(name = "promise_watch", def = "{'open': 1, 'atRisk': 1, 'promisedDate': 1}"),
		@CompoundIndex(name = "at_risk", def = "{'atRisk': 1, 'delay.detectedAt': 1}"),
		@CompoundIndex(name = "customer_at_risk", def = "{'customerId': 1, 'atRisk': 1, 'delay.detectedAt': 1}"),
		@CompoundIndex(name = "customer_sku_placed", def = "{'customerId': 1, 'lines.sku': 1, 'placedAt': -1}"),
		@CompoundIndex(name = "customer_status_placed", def = "{'customerId': 1, 'status': 1, 'placedAt': -1}"),
		@CompoundIndex(name = "sku_placed", def = "{'lines.sku': 1, 'placedAt': -1}"),
		@CompoundIndex(name = "order_number", def = "{'orderNumber': 1}") })
public record Order(@Id String id, String customerId, String orderNumber, Instant placedAt, LocalDate promisedDate,
		Money total, List<OrderLine> lines, List<Milestone> milestones, String submittedBy, String idempotencyKey,
		@CreatedDate Instant createdAt, @Version Long version, List<OrderEvent> outbox, List<UndeliverableEvent> undeliverable,
		Instant deliveredAt, LocalDate eta, String promisedDateReason, Instant cancelledAt, String cancelReason,
		Delay delay, Boolean open, Boolean atRisk, Instant lastProgressAt, List<OrderEvent> notices,
		List<OrderEvent> hooks, MilestoneCode status, List<OrderEvent> live) {

	/** {@code open} and {@code atRisk} are derived (never null); boxed only so that a projection can leave them out. */
	@PersistenceCreator
	public Order {
		lines = lines == null ? List.of() : List.copyOf(lines);
		milestones = flagBackwards(milestones == null ? List.of() : milestones);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
		notices = notices == null ? List.of() : List.copyOf(notices);
		hooks = hooks == null ? List.of() : List.copyOf(hooks);
		live = live == null ? List.of() : List.copyOf(live);
		deliveredAt = milestones.stream().filter(m -> m.code() == MilestoneCode.DELIVERED).map(Milestone::occurredAt)
			.findFirst().orElse(null);
		open = deliveredAt == null && cancelledAt == null;
		atRisk = open && delay != null;
		lastProgressAt = milestones.isEmpty() ? placedAt : milestones.get(milestones.size() - 1).occurredAt();
		status = statusOf(milestones);
	}

	/** An order with nothing waiting to be told. */
	public Order(String id, String customerId, String orderNumber, Instant placedAt, LocalDate promisedDate,
			Money total, List<OrderLine> lines, List<Milestone> milestones, String submittedBy, String idempotencyKey,
			Instant createdAt, Long version) {
		this(id, customerId, orderNumber, placedAt, promisedDate, total, lines, milestones, submittedBy,
				idempotencyKey, createdAt, version, List.of(), List.of(), null, null, null, null, null, null, false,
				false, null, List.of(), List.of(), null, List.of());
	}

	/**
	 * In event-time order (a late event takes its place; equal times keep the order they came in), each progress
	 * step flagged when a step of a higher rank happened before it.
	 */
	private static List<Milestone> flagBackwards(List<Milestone> milestones) {
		List<Milestone> sorted = milestones.stream().sorted(Comparator.comparing(Milestone::occurredAt)).toList();
		List<Milestone> flagged = new ArrayList<>(sorted.size());
		int highest = -1;
		for (Milestone milestone : sorted) {
			boolean backwards = milestone.code().isProgress() && milestone.code().ordinal() < highest;
			flagged.add(milestone.flagged(backwards));
			if (milestone.code().isProgress()) {
				highest = Math.max(highest, milestone.code().ordinal());
			}
		}
		return List.copyOf(flagged);
	}

	/** The same order with the events its creation must be told as (it must have its id). */
	public Order withEventsOfPlacement() {
		List<OrderEvent> events = new ArrayList<>();
		events.add(new OrderEvent("order-placed:" + id, OrderEvent.Kind.ORDER_PLACED, placedAt,
				"Order " + orderNumber + " placed", facts()));
		if (deliveredAt != null) {
			events.add(deliveredEvent());
		}
		return toBuilder().outbox(events).hooks(OrderHooks.told(events)).live(OrderHooks.followed(events)).build();
	}

	OrderEvent deliveredEvent() {
		return new OrderEvent("order-delivered:" + id, OrderEvent.Kind.ORDER_DELIVERED, deliveredAt,
				"Order " + orderNumber + " delivered", facts());
	}

	/** What every event of this order says: its number and, when known, its total. */
	Map<String, String> facts() {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("order_number", orderNumber);
		if (total != null) {
			facts.put("currency", total.currency());
			facts.put("amount_minor_units", String.valueOf(total.minorUnits()));
		}
		return facts;
	}

	/** An event customer-service refused for good, kept with its reason (see {@link OrderOutbox}). */
	public record UndeliverableEvent(String eventId, String kind, String reason) {
	}

	/** Where the order stands: its latest milestone that did not go backwards, or placed when there is none. */
	private static MilestoneCode statusOf(List<Milestone> milestones) {
		for (int i = milestones.size() - 1; i >= 0; i--) {
			if (!milestones.get(i).backwards()) {
				return milestones.get(i).code();
			}
		}
		return MilestoneCode.PLACED;
	}

	public boolean cancelled() {
		return cancelledAt != null;
	}

	/** Whether a milestone with the partner's event id is kept already. */
	boolean hasEvent(String eventId) {
		return milestones.stream().anyMatch(m -> eventId.equals(m.eventId()));
	}

	Builder toBuilder() {
		return new Builder(this);
	}

	/** A changed copy; the derived fields are derived again when it is built. */
	static final class Builder {

		private final Order o;

		private List<Milestone> milestones;

		private List<OrderLine> lines;

		private LocalDate promisedDate;

		private LocalDate eta;

		private String promisedDateReason;

		private Instant cancelledAt;

		private String cancelReason;

		private Delay delay;

		private List<OrderEvent> outbox;

		private List<OrderEvent> notices;

		private List<OrderEvent> hooks;

		private List<OrderEvent> live;

		private Long version;

		Builder(Order o) {
			this.o = o;
			this.milestones = o.milestones;
			this.lines = o.lines;
			this.promisedDate = o.promisedDate;
			this.eta = o.eta;
			this.promisedDateReason = o.promisedDateReason;
			this.cancelledAt = o.cancelledAt;
			this.cancelReason = o.cancelReason;
			this.delay = o.delay;
			this.outbox = o.outbox;
			this.notices = o.notices;
			this.hooks = o.hooks;
			this.live = o.live;
			this.version = o.version;
		}

		/** The version a conditional write of this order makes ({@link OrderWrites} increases it by one). */
		Builder written() {
			this.version = version == null ? 1L : version + 1;
			return this;
		}

		Builder milestones(List<Milestone> value) {
			this.milestones = value;
			return this;
		}

		Builder lines(List<OrderLine> value) {
			this.lines = value;
			return this;
		}

		Builder promisedDate(LocalDate value, String reason) {
			this.promisedDate = value;
			this.promisedDateReason = reason;
			return this;
		}

		Builder eta(LocalDate value) {
			this.eta = value;
			return this;
		}

		Builder cancelled(Instant at, String reason) {
			this.cancelledAt = at;
			this.cancelReason = reason;
			return this;
		}

		Builder delay(Delay value) {
			this.delay = value;
			return this;
		}

		Builder outbox(List<OrderEvent> value) {
			this.outbox = value;
			return this;
		}

		Builder notices(List<OrderEvent> value) {
			this.notices = value;
			return this;
		}

		Builder hooks(List<OrderEvent> value) {
			this.hooks = value;
			return this;
		}

		Builder live(List<OrderEvent> value) {
			this.live = value;
			return this;
		}

		Order build() {
			return new Order(o.id, o.customerId, o.orderNumber, o.placedAt, promisedDate, o.total, lines, milestones,
					o.submittedBy, o.idempotencyKey, o.createdAt, version, outbox, o.undeliverable, null, eta,
					promisedDateReason, cancelledAt, cancelReason, delay, false, false, null, notices, hooks, null, live);
		}
	}
}
