package com.rapport.ticket.ticket;

import java.time.Clock;
import java.util.function.IntSupplier;

import org.bson.Document;
import org.slf4j.Logger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A change to stored tickets (or, since session 17, the knowledge base's articles) made once, at start: unless the marker in {@code migrations} says it was done, the work
 * runs and the marker is stored; a failure is logged and the work tried again at the next start.
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
			int stored = work.getAsInt();
			mongo.save(new Document("_id", marker).append("doneAt", clock.instant()), "migrations");
			if (stored > 0) {
				log.info("Stored {} of {} documents written by an earlier version", what, stored);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Storing {} of earlier documents failed, tried again at the next start: {}", what, ex.toString());
		}
	}
}
