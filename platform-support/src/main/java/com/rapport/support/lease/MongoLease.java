package com.rapport.support.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A named lease in the service's own database, as ShedLock takes it (ShedLock's MongoDB provider has no
 * release for Spring 7 yet): whoever updates the lease document while it is free, or inserts it, holds it
 * until {@code lockedUntil}; everyone else is refused by the filter or by the unique {@code _id}. A replica
 * that dies while holding a lease loses it when the hold runs out, so a hold must outlast the work.
 */
public class MongoLease {

	static final String COLLECTION = "leases";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String holder;

	public MongoLease(MongoTemplate mongo, Clock clock, String instanceName) {
		this.mongo = mongo;
		this.clock = clock;
		this.holder = instanceName + "/" + UUID.randomUUID();
	}

	/** Runs the work if this replica gets the lease; answers whether it ran. */
	public boolean runExclusively(String name, Duration hold, Runnable work) {
		if (!tryAcquire(name, hold)) {
			return false;
		}
		try {
			work.run();
			return true;
		}
		finally {
			release(name);
		}
	}

	boolean tryAcquire(String name, Duration hold) {
		Instant now = clock.instant();
		Query free = Query.query(Criteria.where("_id").is(name).and("lockedUntil").lte(Date.from(now)));
		Update take = new Update().set("lockedUntil", Date.from(now.plus(hold))).set("lockedAt", Date.from(now))
			.set("lockedBy", holder);
		try {
			return mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Document.class, COLLECTION) != null;
		}
		catch (DuplicateKeyException ex) {
			return false; // someone else holds it
		}
	}

	void release(String name) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("lockedBy").is(holder)),
				new Update().set("lockedUntil", Date.from(clock.instant())), COLLECTION);
	}
}
