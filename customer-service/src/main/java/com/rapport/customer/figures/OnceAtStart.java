package com.rapport.customer.figures;

import java.time.Clock;
import java.util.function.IntSupplier;

import org.bson.Document;
import org.slf4j.Logger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A change to stored data made once, at start (as ticket-service's): unless the marker in {@code migrations} says it
 * was done, the work runs and the marker is stored; a failure is logged and the work tried again at the next start.
 */
final class OnceAtStart {

	private OnceAtStart() {
	}

	/** Runs {@code work} (answering how many it wrote) unless {@code marker} is stored. */
	static void run(MongoTemplate mongo, Clock clock, String marker, Logger log, String what, IntSupplier work) {
		try {
			if (mongo.exists(Query.query(Criteria.where("_id").is(marker)), "migrations")) {
				return;
			}
			int stored = work.getAsInt();
			mongo.save(new Document("_id", marker).append("doneAt", clock.instant()), "migrations");
			if (stored > 0) {
				log.info("Counted {}: {}", what, stored);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Counting {} failed, tried again at the next start: {}", what, ex.toString());
		}
	}
}
