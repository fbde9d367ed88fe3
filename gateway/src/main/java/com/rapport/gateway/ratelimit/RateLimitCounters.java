package com.rapport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fixed-window request counters in MongoDB: one document per caller and window, incremented atomically,
 * so any number of gateway replicas count together. Old windows expire through a TTL index on a real
 * MongoDB; they are a few bytes each where the store ignores TTL.
 */
class RateLimitCounters {

	private static final Logger log = LoggerFactory.getLogger(RateLimitCounters.class);

	static final String COLLECTION = "rate_limit_windows";

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

	/** The state of the caller's current window after counting this request. */
	record Window(long count, Instant resetsAt) {
	}

	Mono<Window> hit(String caller, Instant now, Duration window) {
		long length = window.toMillis();
		Instant start = Instant.ofEpochMilli(now.toEpochMilli() / length * length);
		Instant end = start.plus(window);
		Query query = Query.query(Criteria.where("_id").is(caller + "|" + start.toEpochMilli()));
		Update update = new Update().inc("count", 1).setOnInsert("expireAt", Date.from(end.plus(window)));
		return mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, COLLECTION)
			.map(counter -> new Window(((Number) counter.get("count")).longValue(), end));
	}
}
