package com.rapport.ordertracking.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.lease.MongoLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves the changes waiting in the orders ({@code live}, written with each change) into the feed, giving each the
 * next position. One replica at a time under the lease {@value #LEASE}, so positions are handed out by one writer
 * and inserted in their order: a follower reading "after n" never finds n+1 missing while n+2 is there. A change
 * already in the feed (a round cut short after the insert) is not put in twice (the event id is the id); it then
 * leaves the order. The lease is taken only when an order has something waiting (one look into an index).
 */
@Component
public class LiveFeed {

	static final String LEASE = "order-live-feed";

	private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

	private static final int ORDERS_PER_ROUND = 500;

	private static final Duration HOLD = Duration.ofSeconds(30);

	private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

	private final OrderNotices orders;

	private final LiveEvents events;

	private final MongoLease lease;

	private final Clock clock;

	private final LiveProperties properties;

	private volatile Instant sweptAt = Instant.EPOCH;

	LiveFeed(OrderNotices orders, LiveEvents events, MongoTemplate mongo, Clock clock, LiveProperties properties,
			@Value("${spring.application.name}") String name) {
		this.orders = orders;
		this.events = events;
		this.lease = new MongoLease(mongo, clock, name);
		this.clock = clock;
		this.properties = properties;
	}

	/** One round: moves what waits (if this replica gets the lease), and sweeps old events once a minute. */
	public void round() {
		if (orders.anyPendingLive()) {
			lease.runExclusively(LEASE, HOLD, this::moveWaiting);
		}
		Instant now = clock.instant();
		if (now.isAfter(sweptAt.plus(SWEEP_EVERY))) {
			sweptAt = now;
			events.removeBefore(now.minus(properties.retention()));
		}
	}

	/** Moves the changes of up to 500 orders into the feed; answers how many were put in. Tests call it directly. */
	public int moveWaiting() {
		List<OrderNotices.Pending> waiting = orders.pendingLive(ORDERS_PER_ROUND);
		if (waiting.isEmpty()) {
			return 0;
		}
		Set<String> present = new HashSet<>(events.present(waiting.stream().map(p -> p.event().eventId()).toList()));
		Instant now = clock.instant();
		long position = events.newestPosition();
		List<LiveEvent> fresh = new ArrayList<>();
		Set<String> orderIds = new LinkedHashSet<>();
		List<String> taken = new ArrayList<>();
		for (OrderNotices.Pending pending : waiting) {
			String id = pending.event().eventId();
			orderIds.add(pending.orderId());
			taken.add(id);
			if (present.add(id)) {
				fresh.add(new LiveEvent(id, ++position, pending.customerId(), pending.orderId(), pending.orderNumber(),
						pending.event().kind().name(), pending.event().occurredAt(), now, pending.event().facts()));
			}
		}
		if (!fresh.isEmpty()) {
			// One ordered insert; a clash (another writer after a lost lease) fails it and nothing leaves the orders.
			events.insert(fresh);
		}
		orders.liveTaken(orderIds, taken);
		log.debug("Live feed: {} events put in, up to position {}", fresh.size(), position);
		return fresh.size();
	}
}
