package com.rapport.ordertracking.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The incident notices whose mails are still to be queued, for the notification fan-out, as {@code OrderNotices}
 * is for order changes. The event id of a notice's mail is {@code incident:<notice id>} for every organisation, so
 * an address is mailed once per notice even when it is a contact of two affected organisations.
 */
@Component
public class IncidentRecipients {

	private final MongoTemplate mongo;

	IncidentRecipients(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A notice to tell one organisation's contacts, with the facts its mail says ({@code notice_id},
	 * {@code cause}, {@code corrective_action}, {@code order_count}, {@code order_numbers}, {@code sku} when the
	 * selection was by SKU).
	 */
	public record Pending(String recipientId, String customerId, String eventId, Instant occurredAt,
			Map<String, String> facts) {
	}

	/** The event id of a notice's mail: its notifications' ids start with it. */
	public static String mailEventId(String noticeId) {
		return "incident:" + noticeId;
	}

	/** Organisations with a mail still to queue, by the index {@code notify_pending}. */
	public List<Pending> pending(int most) {
		Query query = Query.query(Criteria.where("notices.eventId").gte("")).limit(most);
		return mongo.find(query, IncidentRecipient.class).stream()
			.flatMap(recipient -> recipient.notices().stream().map(event -> pending(recipient, event)))
			.toList();
	}

	private static Pending pending(IncidentRecipient recipient, IncidentRecipient.Pending event) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("notice_id", recipient.noticeId());
		facts.put("cause", recipient.cause());
		facts.put("corrective_action", recipient.correctiveAction());
		facts.put("order_count", String.valueOf(recipient.orderCount()));
		facts.put("order_numbers", String.join(", ", recipient.orderNumbers()));
		if (recipient.sku() != null && !recipient.sku().isEmpty()) {
			facts.put("sku", recipient.sku());
		}
		return new Pending(recipient.id(), recipient.customerId(), event.eventId(), event.occurredAt(), facts);
	}

	/**
	 * One organisation a notice reaches, for the console: whether its mail still waits to be queued, and the numbers
	 * of its affected orders as kept (the first 20).
	 */
	public record Reached(String customerId, int orderCount, boolean waiting, List<String> orderNumbers) {
	}

	/** Whether a notice of this id was sent. */
	public boolean noticeKnown(String noticeId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(noticeId)), IncidentNotice.class);
	}

	/**
	 * The organisations a notice reaches whose ids come after {@code after} (empty: from the first), in the order
	 * of their ids, at most {@code limit}: by the index {@code notice}, the notice's recipients only.
	 */
	public List<Reached> ofNotice(String noticeId, String after, int limit) {
		Criteria criteria = Criteria.where("noticeId").is(noticeId);
		if (after != null && !after.isEmpty()) {
			criteria = criteria.and("customerId").gt(after);
		}
		Query query = Query.query(criteria).with(org.springframework.data.domain.Sort.by("customerId")).limit(limit);
		query.fields().include("customerId", "orderCount", "notices", "orderNumbers");
		return mongo.find(query, IncidentRecipient.class).stream()
			.map(r -> new Reached(r.customerId(), r.orderCount(), !r.notices().isEmpty(), r.orderNumbers())).toList();
	}

	/** Queued for every contact: the mail leaves the organisation's recipient. */
	public void taken(Pending pending) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(pending.recipientId())),
				new Update().pull("notices", new Document("eventId", pending.eventId())), IncidentRecipient.class);
	}
}
