package com.rapport.ordertracking.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.order.OrderNotices;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Turns each order event waiting in an order's {@code hooks} into one queued delivery per enabled subscription that
 * wants its kind, then takes the event off the order. Safe on every replica at once and after a crash: a delivery's
 * id is the subscription and the event, so queuing it twice stores it once, and the event leaves the order only
 * once all its deliveries are stored.
 */
@Component
class WebhookFanOut {

	static final int ORDERS_PER_ROUND = 100;

	private final OrderNotices orders;

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	WebhookFanOut(OrderNotices orders, MongoTemplate mongo, JsonMapper json, Clock clock) {
		this.orders = orders;
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	/** One round; answers how many deliveries it queued. */
	int queuePending() {
		List<OrderNotices.Pending> pending = orders.pendingHooks(ORDERS_PER_ROUND);
		if (pending.isEmpty()) {
			return 0;
		}
		List<WebhookSubscription> subscriptions = mongo
			.find(Query.query(Criteria.where("enabled").is(true)), WebhookSubscription.class);
		int queued = 0;
		for (OrderNotices.Pending event : pending) {
			for (WebhookSubscription subscription : subscriptions) {
				if (subscription.events().contains(event.event().kind().name())) {
					queued += queue(subscription, event) ? 1 : 0;
				}
			}
			orders.hookTaken(event);
		}
		return queued;
	}

	private boolean queue(WebhookSubscription subscription, OrderNotices.Pending pending) {
		String id = WebhookDelivery.idOf(subscription.id(), pending.event().eventId());
		Instant now = clock.instant();
		try {
			mongo.insert(new WebhookDelivery(id, subscription.id(), pending.event().eventId(),
					pending.event().kind().name(), pending.orderId(), pending.customerId(), pending.orderNumber(),
					body(id, pending), WebhookDelivery.State.QUEUED, 0, now, null, null, null, now, null, List.of()));
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	/** The JSON a receiver reads: the delivery, the event's kind and time, the order, and what the event says. */
	private String body(String deliveryId, OrderNotices.Pending pending) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("id", pending.orderId());
		order.put("customerId", pending.customerId());
		order.put("orderNumber", pending.orderNumber());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", deliveryId);
		body.put("eventId", pending.event().eventId());
		body.put("type", pending.event().kind().name());
		body.put("occurredAt", pending.event().occurredAt().toString());
		body.put("order", order);
		body.put("data", new java.util.TreeMap<>(pending.event().facts()));
		return json.writeValueAsString(body);
	}
}
