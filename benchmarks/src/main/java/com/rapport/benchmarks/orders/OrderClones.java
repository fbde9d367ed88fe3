package com.rapport.benchmarks.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Seeded orders made from real ones: a template is an order document exactly as order-tracking-service stored it
 * (Spring Data's field names, types and {@code _class}), read raw from its store. A clone of it for seeded order
 * {@code n} gets its own {@code _id}, organisation, order number and {@code Idempotency-Key}; every time in it
 * (placed, milestones, delivered, created) moves by the same amount so that it is placed at the plan's time, the
 * promised date by whole days; its outbox and live-feed list are empty, as once the relays have taken them (the
 * seeded orders' events are not sent). Everything else (lines, total, submitter, version) is the template's.
 */
public final class OrderClones {

	private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

	private OrderClones() {
	}

	static Document clone(Document template, OrderPlan plan, int n) {
		Date templatePlaced = template.getDate("placedAt");
		long shift = plan.placedAt(n).toEpochMilli() - templatePlaced.getTime();
		Document order = (Document) copy(template, shift);
		order.put("_id", plan.id(n));
		order.put("customerId", plan.customerId(plan.organisationOf(n)));
		order.put("orderNumber", plan.orderNumber(n));
		order.put("placedAt", Date.from(plan.placedAt(n)));
		if (template.get("promisedDate") instanceof Date promised) {
			order.put("promisedDate", new Date(promised.getTime() + Math.floorDiv(shift, DAY_MILLIS) * DAY_MILLIS));
		}
		if (template.containsKey("idempotencyKey")) {
			order.put("idempotencyKey", "bench-seed-" + n);
		}
		if (template.containsKey("outbox")) {
			order.put("outbox", new ArrayList<>());
		}
		// Nor are they in the portal's live feed: a million clones would otherwise all be moved there at the start.
		if (template.containsKey("live")) {
			order.put("live", new ArrayList<>());
		}
		return order;
	}

	/** A deep copy of a document (or list, or value), every date moved by {@code shift} milliseconds. */
	public static Object copy(Object value, long shift) {
		if (value instanceof Document document) {
			Document copy = new Document();
			for (Map.Entry<String, Object> field : document.entrySet()) {
				copy.put(field.getKey(), copy(field.getValue(), shift));
			}
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach(item -> copy.add(copy(item, shift)));
			return copy;
		}
		if (value instanceof Date date) {
			return new Date(date.getTime() + shift);
		}
		return value;
	}
}
