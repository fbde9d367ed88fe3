package com.rapport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Fixed-window request counters in MongoDB: one document per caller and window, incremented atomically,
 * so any number of gateway replicas count together ({@link SharedBudgets} sends each replica's counts in the
 * background, never in a request's way). Old windows expire through a TTL index, and the sweep of
 * {@link #removePast} where the store has no TTL monitor (the embedded one). A count is written without waiting for the journal ({@code j: false}): a crash may forget the
 * last moments' counts, which only lets a caller a few more requests, and no request waits for a disk sync.
 */
class RateLimitCounters {

	private static final Logger log = LoggerFactory.getLogger(RateLimitCounters.class);

	static final String COLLECTION = "rate_limit_windows";

	/** Acknowledged by the store, not waited for on disk. */
	static final WriteConcern COUNTS = WriteConcern.W1.withJournal(false);

	private final ReactiveMongoTemplate mongo;

	RateLimitCounters(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A TTL index removes windows once past; asked for at start-up, in the background. */
	Mono<String> expireOldWindows() {
		return mongo.indexOps(COLLECTION)
			.createIndex(new Index("expireAt", Sort.Direction.ASC).expire(Duration.ZERO))
			.onErrorResume(ex -> {
				log.info("No TTL index for {} ({}): past windows stay until removed", COLLECTION, ex.getMessage());
				return Mono.empty();
			});
	}

	/**
	 * Adds {@code count} requests (0: only reads) to a window's shared counter, creating it with its expiry;
	 * answers the window's count across all replicas afterwards.
	 */
	Mono<Long> add(String windowId, long count, Instant expireAt) {
		Document filter = new Document("_id", windowId);
		var update = Updates.combine(Updates.inc("count", count), Updates.setOnInsert("expireAt", Date.from(expireAt)));
		return mongo.getCollection(COLLECTION)
			.flatMap(collection -> Mono.from(collection.withWriteConcern(COUNTS)
				.findOneAndUpdate(filter, update,
						new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))))
			.map(counter -> ((Number) counter.get("count")).longValue());
	}

	/**
	 * Removes the windows past their expiry. MongoDB's TTL monitor does this by itself; the embedded store has no
	 * such monitor, so the gateway sweeps too (the expiry is indexed).
	 */
	Mono<Long> removePast(Instant now) {
		return mongo.getCollection(COLLECTION)
			.flatMap(collection -> Mono.from(collection.withWriteConcern(COUNTS)
				.deleteMany(new Document("expireAt", new Document("$lt", Date.from(now))))))
			.map(result -> result.getDeletedCount());
	}
}
