package com.rapport.ordertracking.draft;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The drafts' events still to be queued for the partners' webhook subscriptions (each draft's {@code hooks}, written
 * with the draft), for the webhook fan-out to take, as {@code OrderNotices} does for orders' events.
 */
@Component
public class DraftHooks {

	private final MongoTemplate mongo;

	DraftHooks(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Drafts with an event waiting, by the sparse index {@code webhook_pending}. */
	public List<DraftOrder> pending(int drafts) {
		return mongo.find(Query.query(Criteria.where("hooks.eventId").gte("")).limit(drafts), DraftOrder.class);
	}

	/** The event is queued for every matching subscription: it leaves the draft (its version unchanged). */
	public void taken(String draftNumber, String eventId) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(draftNumber)),
				new Update().pull("hooks", new Document("eventId", eventId)), DraftOrder.class);
	}
}
