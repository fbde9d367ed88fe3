package com.rapport.ordertracking.order;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.ordertracking.customer.InteractionRecorder;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Delivers the events waiting in orders' outboxes to customer-service, oldest orders first, and removes
 * each from its order once delivered. At least once: a crash between the two sends it again later, which
 * the receiver ignores. When customer-service is down the round stops and the events wait for the next; an
 * event it refuses for good is moved to the order's {@code undeliverable} list with the reason.
 */
public class OrderEventRelay {

	private static final Logger log = LoggerFactory.getLogger(OrderEventRelay.class);

	static final int BATCH = 100;

	private final MongoTemplate mongo;

	private final InteractionRecorder recorder;

	public OrderEventRelay(MongoTemplate mongo, InteractionRecorder recorder) {
		this.mongo = mongo;
		this.recorder = recorder;
	}

	/** One round; answers how many events were delivered. */
	public int relayPending() {
		Query pending = Query.query(Criteria.where("outbox.eventId").exists(true)).limit(BATCH);
		pending.fields().include("customerId", "outbox");
		List<Order> orders = mongo.find(pending, Order.class);
		int delivered = 0;
		for (Order order : orders) {
			for (OrderEvent event : order.outbox()) {
				try {
					recorder.record(new InteractionRecorder.TimelineEntry(event.eventId(), order.customerId(),
							event.kind().name(), event.occurredAt(), event.summary(), "order:" + order.id(), event.facts()));
				}
				catch (RemoteUnavailableException ex) {
					log.warn("customer-service unavailable; {} order events wait for the next round", pending(orders));
					return delivered;
				}
				catch (RuntimeException ex) {
					// Refused for good (e.g. the organisation no longer exists): set aside in the order with the
					// reason, so it is neither lost nor sent again every round.
					log.error("Order event {} of order {} refused by customer-service: {}", event.eventId(), order.id(),
							ex.getMessage());
					mongo.updateFirst(Query.query(Criteria.where("_id").is(order.id())),
							new Update().pull("outbox", new Document("eventId", event.eventId()))
								.push("undeliverable", new Document("eventId", event.eventId())
									.append("kind", event.kind().name()).append("reason", String.valueOf(ex.getMessage()))),
							Order.class);
					continue;
				}
				mongo.updateFirst(Query.query(Criteria.where("_id").is(order.id())),
						new Update().pull("outbox", new Document("eventId", event.eventId())), Order.class);
				delivered++;
			}
		}
		return delivered;
	}

	private static long pending(List<Order> orders) {
		return orders.stream().mapToLong(order -> order.outbox().size()).sum();
	}

	/** How long a round may hold the lease at most; a replica that dies mid-round frees it then. */
	public static Duration maxRound() {
		return Duration.ofMinutes(2);
	}
}
