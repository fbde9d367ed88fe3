package com.rapport.ordertracking.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.draft.DraftHooks;
import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderNotices;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Turns each order event waiting in an order's {@code hooks} (and each draft order's {@code DRAFT_CREATED} waiting
 * in the draft's) into one queued delivery per enabled subscription that wants its kind, then takes the event off
 * the order (the draft). Safe on every replica at once and after a crash: a delivery's
 * id is the subscription and the event, so queuing it twice stores it once, and the event leaves the order only
 * once all its deliveries are stored.
 */
@Component
class WebhookFanOut {

	static final int ORDERS_PER_ROUND = 100;

	private final OrderNotices orders;

	private final DraftHooks draftHooks;

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	WebhookFanOut(OrderNotices orders, DraftHooks draftHooks, MongoTemplate mongo, JsonMapper json, Clock clock) {
		this.orders = orders;
		this.draftHooks = draftHooks;
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	/** One round; answers how many deliveries it queued. */
	int queuePending() {
		List<OrderNotices.Pending> pending = orders.pendingHooks(ORDERS_PER_ROUND);
		List<DraftOrder> drafts = draftHooks.pending(ORDERS_PER_ROUND);
		if (pending.isEmpty() && drafts.isEmpty()) {
			return 0;
		}
		List<WebhookSubscription> subscriptions = mongo
			.find(Query.query(Criteria.where("enabled").is(true)), WebhookSubscription.class);
		int queued = 0;
		for (OrderNotices.Pending event : pending) {
			Map<String, Object> order = new LinkedHashMap<>();
			order.put("id", event.orderId());
			order.put("customerId", event.customerId());
			order.put("orderNumber", event.orderNumber());
			queued += queue(subscriptions, new Waiting(event.orderId(), event.customerId(), event.orderNumber(),
					event.event(), "order", order));
			orders.hookTaken(event);
		}
		for (DraftOrder draft : drafts) {
			for (OrderEvent event : draft.hooks()) {
				queued += queue(subscriptions, new Waiting(null, draft.customerId(), draft.draftNumber(), event, "draft",
						draftOf(draft)));
				draftHooks.taken(draft.draftNumber(), event.eventId());
			}
		}
		return queued;
	}

	/**
	 * One event to tell: of an order (the body's {@code order}) or of a draft order (the body's {@code draft}; no
	 * order yet, so the delivery's order number is the draft's number).
	 */
	private record Waiting(String orderId, String customerId, String orderNumber, OrderEvent event, String subjectName,
			Map<String, Object> subject) {
	}

	private int queue(List<WebhookSubscription> subscriptions, Waiting waiting) {
		int queued = 0;
		for (WebhookSubscription subscription : subscriptions) {
			if (subscription.events().contains(waiting.event().kind().name())) {
				queued += queue(subscription, waiting) ? 1 : 0;
			}
		}
		return queued;
	}

	private boolean queue(WebhookSubscription subscription, Waiting waiting) {
		String id = WebhookDelivery.idOf(subscription.id(), waiting.event().eventId());
		Instant now = clock.instant();
		try {
			mongo.insert(new WebhookDelivery(id, subscription.id(), waiting.event().eventId(),
					waiting.event().kind().name(), waiting.orderId(), waiting.customerId(), waiting.orderNumber(),
					body(id, waiting), WebhookDelivery.State.QUEUED, 0, now, null, null, null, now, null, List.of()));
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	/** What a receiver reads of a draft: its number, organisation, lines and who asked for it. */
	private static Map<String, Object> draftOf(DraftOrder draft) {
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("draftNumber", draft.draftNumber());
		subject.put("customerId", draft.customerId());
		subject.put("requestedBy", draft.requestedBy());
		subject.put("createdAt", draft.createdAt() == null ? null : draft.createdAt().toString());
		subject.put("lines", draft.lines().stream().map(line -> {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("sku", line.sku());
			each.put("description", line.description());
			each.put("quantity", line.quantity());
			return each;
		}).toList());
		return subject;
	}

	/**
	 * The JSON a receiver reads: the delivery, the event's kind and time, the order (or the draft, for
	 * {@code DRAFT_CREATED}), and what the event says.
	 */
	private String body(String deliveryId, Waiting waiting) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", deliveryId);
		body.put("eventId", waiting.event().eventId());
		body.put("type", waiting.event().kind().name());
		body.put("occurredAt", waiting.event().occurredAt().toString());
		body.put(waiting.subjectName(), waiting.subject());
		body.put("data", new java.util.TreeMap<>(waiting.event().facts()));
		return json.writeValueAsString(body);
	}
}
