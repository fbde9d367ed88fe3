package com.rapport.ordertracking.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

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
 * {@code deliveredAt} is derived: the time of the first {@code DELIVERED} milestone, null before, whatever is
 * passed. It is stored only so that the store can find an organisation's orders in progress and those
 * delivered in a window by index ({@code customer_delivered}); an order stored before the field existed reads
 * as not delivered there and is sorted out by its milestones. Lists read {@code customer_placed} (one
 * organisation's, newest first) or {@code placed} (everyone's, for staff and partners) in index order.
 */
@Document("orders")
@CompoundIndexes({
		@CompoundIndex(name = "customer_order_number", def = "{'customerId': 1, 'orderNumber': 1}", unique = true),
		@CompoundIndex(name = "customer_placed", def = "{'customerId': 1, 'placedAt': -1}"),
		@CompoundIndex(name = "placed", def = "{'placedAt': -1}"),
		@CompoundIndex(name = "customer_delivered", def = "{'customerId': 1, 'deliveredAt': -1}"),
		@CompoundIndex(name = "submitter_idempotency", def = "{'submittedBy': 1, 'idempotencyKey': 1}"),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true) })
public record Order(@Id String id, String customerId, String orderNumber, Instant placedAt, LocalDate promisedDate,
		Money total, List<OrderLine> lines, List<Milestone> milestones, String submittedBy, String idempotencyKey,
		@CreatedDate Instant createdAt, @Version Long version, List<OrderEvent> outbox, List<UndeliverableEvent> undeliverable,
		Instant deliveredAt) {

	@PersistenceCreator
	public Order {
		lines = lines == null ? List.of() : List.copyOf(lines);
		milestones = milestones == null ? List.of()
				: milestones.stream().sorted(Comparator.comparing(Milestone::occurredAt)).toList();
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
		deliveredAt = milestones.stream().filter(m -> m.code() == MilestoneCode.DELIVERED).map(Milestone::occurredAt)
			.findFirst().orElse(null);
	}

	/** An order with nothing waiting to be told. */
	public Order(String id, String customerId, String orderNumber, Instant placedAt, LocalDate promisedDate,
			Money total, List<OrderLine> lines, List<Milestone> milestones, String submittedBy, String idempotencyKey,
			Instant createdAt, Long version) {
		this(id, customerId, orderNumber, placedAt, promisedDate, total, lines, milestones, submittedBy,
				idempotencyKey, createdAt, version, List.of(), List.of(), null);
	}

	/** The same order with the events its creation must be told as (it must have its id). */
	public Order withEventsOfPlacement() {
		List<OrderEvent> events = new java.util.ArrayList<>();
		java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
		facts.put("order_number", orderNumber);
		if (total != null) {
			facts.put("currency", total.currency());
			facts.put("amount_minor_units", String.valueOf(total.minorUnits()));
		}
		events.add(new OrderEvent("order-placed:" + id, OrderEvent.Kind.ORDER_PLACED, placedAt,
				"Order " + orderNumber + " placed", facts));
		if (deliveredAt != null) {
			events.add(new OrderEvent("order-delivered:" + id, OrderEvent.Kind.ORDER_DELIVERED, deliveredAt,
					"Order " + orderNumber + " delivered", facts));
		}
		return new Order(id, customerId, orderNumber, placedAt, promisedDate, total, lines, milestones, submittedBy,
				idempotencyKey, createdAt, version, events, undeliverable, deliveredAt);
	}

	/** An event customer-service refused for good, kept with its reason (see {@link OrderOutbox}). */
	public record UndeliverableEvent(String eventId, String kind, String reason) {
	}

	/** Where the order stands: its latest milestone, or placed when the partner sent none. */
	public MilestoneCode status() {
		return milestones.isEmpty() ? MilestoneCode.PLACED : milestones.get(milestones.size() - 1).code();
	}
}
