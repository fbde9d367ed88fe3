package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
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
 * Stores the sweep's keys of commitments ({@link Commitment#remindKey()}, {@link Commitment#breakKey()}) written
 * before they existed, once: at start, unless the marker {@value #MARKER} in {@code migrations} says it was done.
 * Only tickets with commitments are read (index {@code commitments_due}), 500 at a time, and only their
 * {@code commitments} are written, as {@link QueueKeysBackfill} writes the queue keys: matching only the version
 * read (a change meanwhile stored the keys itself), without raising it. A failure is logged and tried again at
 * the next start. Marker v2 (session 17) also stores each such ticket's {@code queue} keys, for the earliest open
 * promise's due time ({@link QueueKeys#promiseDueAt()}, the console's "promises due" view).
 */
@Component
class CommitmentKeysBackfill implements ApplicationRunner {

	static final String MARKER = "ticket-commitment-keys-v2";

	private static final Logger log = LoggerFactory.getLogger(CommitmentKeysBackfill.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	CommitmentKeysBackfill(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		OnceAtStart.run(mongo, clock, MARKER, log, "the commitments' sweep keys", this::backfill);
	}

	/** Stores the keys of every ticket with commitments; answers how many tickets it wrote. */
	int backfill() {
		int stored = 0;
		String after = null;
		while (true) {
			Criteria withCommitments = Criteria.where("commitments.dueAt").gte(Instant.EPOCH);
			Query batch = new Query(after == null ? withCommitments : withCommitments.and("_id").gt(after))
				.with(Sort.by("_id")).limit(QueueKeysBackfill.BATCH);
			batch.fields().include("_id", "commitments", "version", "status", "sla", "firstRespondedAt", "resolvedAt",
					"assigneeId");
			List<Ticket> tickets = mongo.find(batch, Ticket.class);
			if (tickets.isEmpty()) {
				return stored;
			}
			BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, "tickets");
			for (Ticket ticket : tickets) {
				Criteria unchanged = Criteria.where("_id").is(ticket.id()).and("version").is(ticket.version());
				writes.updateOne(Query.query(unchanged),
						Update.update("commitments", mongo.getConverter().convertToMongoType(ticket.commitments()))
							.set("queue", mongo.getConverter().convertToMongoType(ticket.queue())));
			}
			stored += writes.execute().getModifiedCount();
			after = tickets.get(tickets.size() - 1).id();
		}
	}
}
