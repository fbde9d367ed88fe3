package com.rapport.ordertracking.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Admins' view of a subscription's deliveries, newest first, and one delivered again (a replay). */
@Service
public class WebhookDeliveries {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final MongoTemplate mongo;

	private final WebhookSubscriptions subscriptions;

	private final AuditTrail audit;

	private final Clock clock;

	WebhookDeliveries(MongoTemplate mongo, WebhookSubscriptions subscriptions, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.subscriptions = subscriptions;
		this.audit = audit;
		this.clock = clock;
	}

	/** One page of deliveries and whether more follow. */
	public record Page(List<WebhookDelivery> deliveries, int page, int size, boolean more) {
	}

	/** The subscription's deliveries, newest first, by the index {@code subscription_log}. */
	public Page ofSubscription(Caller caller, String subscriptionId, int page, int size) {
		WebhookSubscriptions.requireAdmin(caller);
		subscriptions.find(subscriptionId);
		int pageSize = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
		int number = Math.max(page, 0);
		Query query = Query.query(Criteria.where("subscriptionId").is(subscriptionId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) number * pageSize).limit(pageSize + 1);
		List<WebhookDelivery> found = mongo.find(query, WebhookDelivery.class);
		boolean more = found.size() > pageSize;
		return new Page(more ? found.subList(0, pageSize) : found, number, pageSize, more);
	}

	/**
	 * Sends a finished delivery (delivered, failed or dead) again, as it was, with the same delivery id, its tries
	 * counted afresh. A delivery still being tried, or one of a disabled subscription, is a conflict.
	 */
	public WebhookDelivery replay(Caller caller, String deliveryId) {
		WebhookSubscriptions.requireAdmin(caller);
		WebhookDelivery delivery = deliveryId == null ? null : mongo.findById(deliveryId, WebhookDelivery.class);
		if (delivery == null) {
			throw new NotFoundException(Message.of("webhooks.delivery-not-found", deliveryId));
		}
		WebhookSubscription subscription = subscriptions.find(delivery.subscriptionId());
		if (!subscription.enabled()) {
			throw new ConflictException(Message.of("webhooks.disabled", subscription.url()));
		}
		Query finished = Query.query(Criteria.where("_id").is(deliveryId).and("state").in(WebhookDelivery.State.SENT,
				WebhookDelivery.State.FAILED, WebhookDelivery.State.DEAD));
		WebhookDelivery queued = mongo.findAndModify(finished,
				new Update().set("state", WebhookDelivery.State.QUEUED).set("attempts", 0)
					.set("nextAttemptAt", clock.instant()).unset("claimedBy"),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
		if (queued == null) {
			throw new ConflictException(Message.of("webhooks.delivery-pending", deliveryId));
		}
		audit.record(caller, "webhook.delivery-replayed", "webhook", subscription.id(), delivery.customerId(),
				Map.of("delivery", deliveryId));
		return queued;
	}
}
