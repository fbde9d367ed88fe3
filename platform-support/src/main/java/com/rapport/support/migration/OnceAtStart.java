package com.rapport.support.migration;

import java.time.Clock;
import java.util.function.IntSupplier;

import org.bson.Document;
import org.slf4j.Logger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A change to stored data made once, at start (keys for documents written by an earlier version, counts kept since a
 * later one): unless the marker in {@code migrations} says it was done, the work runs and the marker is stored; a
 * failure is logged and the work tried again at the next start. The work is written to be run again safely.
 */
public final class OnceAtStart {

	private OnceAtStart() {
	}

	/** Runs {@code work} (answering how many documents it wrote) unless {@code marker} is stored. */
	public static void run(MongoTemplate mongo, Clock clock, String marker, Logger log, String what, IntSupplier work) {
		try {
			if (mongo.exists(Query.query(Criteria.where("_id").is(marker)), "migrations")) {
				return;
			}
			int written = work.getAsInt();
			mongo.save(new Document("_id", marker).append("doneAt", clock.instant()), "migrations");
			if (written > 0) {
				log.info("Done once at start, {}: {} documents", what, written);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Not done at this start, {}; tried again at the next: {}", what, ex.toString());
		}
	}
}
