package com.rapport.ticket.ticket;

import java.time.Clock;
import java.util.List;

import com.rapport.support.migration.OnceAtStart;
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
 * Stores the queue keys ({@link QueueKeys}) of tickets written before they existed, once: at start, unless the
 * marker {@value #MARKER} in {@code migrations} says it was done. Every ticket is read in id order, 500 at a
 * time without its conversation, and only its {@code queue} is written, by an update that matches only while
 * the ticket still has the version read: a change made meanwhile stored its own keys, and two replicas
 * starting together write the same keys (no lease needed). The version is not raised (nothing a person sees
 * changed). A failure is logged and tried again at the next start.
 */
@Component
class QueueKeysBackfill implements ApplicationRunner {

	static final String MARKER = "ticket-queue-keys-v1";

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(QueueKeysBackfill.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	QueueKeysBackfill(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		OnceAtStart.run(mongo, clock, MARKER, log, "the queue keys", this::backfill);
	}

	/** Stores every ticket's queue keys; answers how many tickets it wrote. */
	int backfill() {
		int stored = 0;
		String after = null;
		while (true) {
			Query batch = new Query(after == null ? new Criteria() : Criteria.where("_id").gt(after))
				.with(Sort.by("_id")).limit(BATCH);
			batch.fields().include("_id", "status", "sla", "firstRespondedAt", "resolvedAt", "assigneeId", "version");
			List<Ticket> tickets = mongo.find(batch, Ticket.class);
			if (tickets.isEmpty()) {
				return stored;
			}
			// By the collection's name: an update of the entity class would raise the version.
			BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, "tickets");
			for (Ticket ticket : tickets) {
				Criteria unchanged = Criteria.where("_id").is(ticket.id()).and("version").is(ticket.version());
				writes.updateOne(Query.query(unchanged),
						Update.update("queue", mongo.getConverter().convertToMongoType(ticket.queue())));
			}
			stored += writes.execute().getModifiedCount();
			after = tickets.get(tickets.size() - 1).id();
		}
	}
}
