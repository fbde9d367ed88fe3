package com.rapport.ordertracking.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The order changes the contacts are still to hear of (each order's {@code notices}, written with the change),
 * for the notifier to take, and the timeline's word that a notification was sent.
 */
@Component
public class OrderNotices {

	private final MongoTemplate mongo;

	private final UnsyncedOrderUpdates unsynced;

	OrderNotices(MongoTemplate mongo, UnsyncedOrderUpdates unsynced) {
		this.mongo = mongo;
		this.unsynced = unsynced;
	}

	/** A change to tell, with what the notifier needs of its order. */
	public record Pending(String orderId, String customerId, String orderNumber, OrderEvent event) {
	}

	/** Orders' pending changes, by the index {@code notify_pending}, oldest order first within each order. */
	public List<Pending> pending(int orders) {
		return pending("notices", Order::notices, orders);
	}

	/** The change is queued for every contact: it leaves the order. */
	public void taken(Pending pending) {
		taken("notices", pending);
	}

	/** Orders' changes still to be queued for webhook subscriptions ({@link OrderHooks}), by {@code webhook_pending}. */
	public List<Pending> pendingHooks(int orders) {
		return pending("hooks", Order::hooks, orders);
	}

	/** The change is queued for every matching subscription: it leaves the order's {@code hooks}. */
	public void hookTaken(Pending pending) {
		taken("hooks", pending);
	}

	/** Orders' changes still to be put into the live feed (package {@code live}), by {@code live_pending}. */
	public List<Pending> pendingLive(int orders) {
		return pending("live", Order::live, orders);
	}

	/** Whether any order has a change waiting for the live feed: one look into {@code live_pending}. */
	public boolean anyPendingLive() {
		return mongo.exists(Query.query(Criteria.where("live.eventId").gte("")), Order.class);
	}

	/**
	 * These changes are in the live feed: they leave their orders' {@code live} lists, in one write for the round
	 * (a change that arrived meanwhile stays: only these event ids are taken). Not waiting for the sync, as
	 * {@link #taken}: a crash that loses it moves them again, and the feed keeps each event id once.
	 */
	public void liveTaken(java.util.Collection<String> orderIds, java.util.Collection<String> eventIds) {
		Update update = new Update();
		update.pull("live", new Document("eventId", new Document("$in", List.copyOf(eventIds))));
		unsynced.updateMulti(Query.query(Criteria.where("_id").in(orderIds)), update);
	}

	private List<Pending> pending(String list, Function<Order, List<OrderEvent>> events, int orders) {
		Query query = Query.query(Criteria.where(list + ".eventId").gte("")).limit(orders);
		query.fields().include("customerId", "orderNumber", list);
		return mongo.find(query, Order.class).stream()
			.flatMap(order -> events.apply(order).stream()
				.map(event -> new Pending(order.id(), order.customerId(), order.orderNumber(), event)))
			.toList();
	}

	/**
	 * Not waiting for the store's sync (session 14: one sync less per change and list): what was queued for it is
	 * stored and synced already, under ids made of the event id, so a crash that loses this write only makes the next
	 * round queue the same ids again, which stores nothing twice (notifications and inbox items, webhook deliveries).
	 */
	private void taken(String list, Pending pending) {
		unsynced.updateFirst(Query.query(Criteria.where("_id").is(pending.orderId())),
				new Update().pull(list, new Document("eventId", pending.event().eventId())));
	}

	/**
	 * Puts "notification sent" on the order's way to the customer's timeline (its outbox), once per
	 * notification id: a second call while the first is still waiting adds nothing, and the timeline keeps one
	 * entry per event id anyway. Not waiting for the sync: each caller marks its notification sent right after in a
	 * synced write on the same thread, which commits this one with it.
	 */
	public void notificationSent(String orderId, String notificationId, Instant sentAt, Map<String, String> facts) {
		String eventId = "notification-sent:" + notificationId;
		OrderEvent event = new OrderEvent(eventId, OrderEvent.Kind.NOTIFICATION_SENT, sentAt,
				"Notification about order " + facts.getOrDefault("order_number", "") + " sent to "
						+ facts.getOrDefault("address", ""),
				facts);
		unsynced.updateFirst(Query.query(Criteria.where("_id").is(orderId).and("outbox.eventId").ne(eventId)),
				new Update().push("outbox", event));
	}
}
