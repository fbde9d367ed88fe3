package com.rapport.ordertracking.order;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes a change of an order as one conditional update: only if nobody changed the order since it was read
 * (its {@code version}), setting what the change touches and appending its events to the order's
 * {@code outbox}, {@code notices}, {@code hooks} (webhooks) and {@code live} (the portal's live feed) lists, which the relays empty meanwhile without changing the version.
 */
@Component
public class OrderWrites {

	private final MongoTemplate mongo;

	private final OrderChangeSignal signal;

	private final UnsyncedOrderUpdates unsynced;

	OrderWrites(MongoTemplate mongo, OrderChangeSignal signal, UnsyncedOrderUpdates unsynced) {
		this.mongo = mongo;
		this.signal = signal;
		this.unsynced = unsynced;
	}

	/** Whether the change was written; false when the order changed since {@code before} was read. */
	boolean write(Order before, Order after, List<OrderEvent> toTimeline, List<OrderEvent> toNotify) {
		return write(before, after, toTimeline, toNotify, List.of());
	}

	/**
	 * The same, with {@code toFeedOnly}: events only the webhooks and the live feed tell of (a new ETA told the
	 * contacts already as part of a new promised date, new lines).
	 */
	boolean write(Order before, Order after, List<OrderEvent> toTimeline, List<OrderEvent> toNotify,
			List<OrderEvent> toFeedOnly) {
		Query unchanged = Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version()));
		Update update = new Update().set("milestones", after.milestones()).set("lines", after.lines())
			.set("promisedDate", after.promisedDate()).set("promisedDateReason", after.promisedDateReason())
			.set("eta", after.eta()).set("cancelledAt", after.cancelledAt()).set("cancelReason", after.cancelReason())
			.set("delay", after.delay()).set("deliveredAt", after.deliveredAt()).set("open", after.open())
			.set("atRisk", after.atRisk()).set("lastProgressAt", after.lastProgressAt()).set("status", after.status())
			.inc("version", 1);
		if (!toTimeline.isEmpty()) {
			update.push("outbox").each(toTimeline.toArray());
		}
		if (!toNotify.isEmpty()) {
			update.push("notices").each(toNotify.toArray());
		}
		List<OrderEvent> toHooks = OrderHooks.told(toTimeline, toNotify, toFeedOnly);
		if (!toHooks.isEmpty()) {
			update.push("hooks").each(toHooks.toArray());
		}
		List<OrderEvent> toLive = OrderHooks.followed(toTimeline, toNotify, toFeedOnly);
		if (!toLive.isEmpty()) {
			update.push("live").each(toLive.toArray());
		}
		if (before.deliveredAt() == null && after.deliveredAt() != null) {
			// The first delivery: feedback-service must hear of it (the survey feature's outbox, DeliverySurveyOutbox).
			update.push("surveyRequests", new org.bson.Document("eventId", "delivery-survey:" + after.id())
				.append("occurredAt", java.util.Date.from(after.deliveredAt())));
		}
		// Under a partner's Idempotency-Key the kept answer's synced write follows and commits this one (SyncFollows).
		boolean written = (SyncFollows.now() ? unsynced.updateFirst(unchanged, update)
				: mongo.updateFirst(unchanged, update, Order.class)).getModifiedCount() == 1;
		if (written && !toNotify.isEmpty()) {
			// The contacts hear of it now, not at the next round (NotificationSchedule).
			signal.changed();
		}
		return written;
	}
}
