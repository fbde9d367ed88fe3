package com.rapport.ordertracking.order;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores the {@code status} of orders written before it was kept (the portal's search by status reads it by
 * {@code customer_status_placed}), once: after the start, off the start path, unless the marker {@value #MARKER}
 * in {@code migrations} says it was done. Every order is read in id order, {@value #BATCH} at a time with only its
 * milestones, and only a missing {@code status} is written, by an update that matches only while the order still
 * has the version read (a change made meanwhile stored its own). The version is not raised (nothing a person sees
 * changed); two replicas doing it at once write the same values. A failure is logged and tried again at the next
 * start; until it is done, an order of the past is missed by a search by status only.
 */
@Component
class OrderStatusBackfill implements ApplicationRunner {

	static final String MARKER = "order-status-v1";

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(OrderStatusBackfill.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	OrderStatusBackfill(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Thread backfill = new Thread(this::runOnce, "order-status-backfill");
		backfill.setDaemon(true);
		backfill.setPriority(Thread.MIN_PRIORITY);
		backfill.start();
	}

	void runOnce() {
		try {
			if (mongo.exists(Query.query(Criteria.where("_id").is(MARKER)), "migrations")) {
				return;
			}
			long stored = backfill();
			mongo.save(new Document("_id", MARKER).append("doneAt", clock.instant()), "migrations");
			if (stored > 0) {
				log.info("Stored the status of {} orders written by an earlier version", stored);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Storing the status of earlier orders failed, tried again at the next start: {}", ex.toString());
		}
	}

	/** Stores every order's status where it is missing; answers how many orders it wrote. */
	long backfill() {
		long stored = 0;
		String after = null;
		while (true) {
			Query batch = new Query(after == null ? new Criteria() : Criteria.where("_id").gt(after))
				.with(Sort.by("_id")).limit(BATCH);
			batch.fields().include("_id", "milestones", "status", "version");
			List<Order> orders = mongo.find(batch, Order.class);
			if (orders.isEmpty()) {
				return stored;
			}
			// By the collection's name: an update of the entity class would raise the version.
			BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, "orders");
			int queued = 0;
			for (Order order : orders) {
				Criteria missing = Criteria.where("_id").is(order.id()).and("status").exists(false)
					.and("version").is(order.version());
				writes.updateOne(Query.query(missing), Update.update("status", order.status().name()));
				queued++;
			}
			if (queued > 0) {
				stored += writes.execute().getModifiedCount();
			}
			after = orders.get(orders.size() - 1).id();
		}
	}
}
