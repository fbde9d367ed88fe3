package com.rapport.support.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A named lease in the service's own database, as ShedLock takes it (ShedLock's MongoDB provider has no
 * release for Spring 7 yet): whoever updates the lease document while it is free, or inserts it, holds it
 * until {@code lockedUntil}; everyone else is refused by the filter or by the unique {@code _id}.
 * <p>
 * A hold is kept alive rather than taken whole: the lease is held for {@link #LIVENESS} at a time and renewed
 * every quarter of that while the work runs, up to the work's whole {@code hold}. So a replica that dies
 * holding a lease (a {@code kill -9} in the middle of a relay round or of the nightly recompute) frees it within
 * {@link #LIVENESS}, not after the whole hold, while a replica that is alive keeps it for as long as its work
 * needs, at most {@code hold}.
 */
public class MongoLease {

	private static final Logger log = LoggerFactory.getLogger(MongoLease.class);

	static final String COLLECTION = "leases";

	/** How long a lease outlives the replica that held it. */
	public static final Duration LIVENESS = Duration.ofSeconds(20);

	private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "lease-renewals");
		thread.setDaemon(true);
		return thread;
	});

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String holder;

	private final Duration liveness;

	private final Duration renewEvery;

	public MongoLease(MongoTemplate mongo, Clock clock, String instanceName) {
		this(mongo, clock, instanceName, LIVENESS, LIVENESS.dividedBy(4));
	}

	MongoLease(MongoTemplate mongo, Clock clock, String instanceName, Duration liveness, Duration renewEvery) {
		this.mongo = mongo;
		this.clock = clock;
		this.holder = instanceName + "/" + UUID.randomUUID();
		this.liveness = liveness;
		this.renewEvery = renewEvery;
	}

	/**
	 * Runs the work if this replica gets the lease; answers whether it ran. The lease is kept while the work runs,
	 * at most {@code hold}, and freed {@link #LIVENESS} after this replica stops keeping it (it died).
	 */
	public boolean runExclusively(String name, Duration hold, Runnable work) {
		Instant deadline = clock.instant().plus(hold);
		if (!tryAcquire(name, hold.compareTo(liveness) < 0 ? hold : liveness)) {
			return false;
		}
		Held held = new Held(name, deadline);
		ScheduledFuture<?> renewal = hold.compareTo(liveness) > 0 ? RENEWALS.scheduleWithFixedDelay(held::renew,
				renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS) : null;
		try {
			work.run();
			return true;
		}
		finally {
			if (renewal != null) {
				renewal.cancel(false);
			}
			held.release();
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
		mongo.updateFirst(mine(name), new Update().set("lockedUntil", Date.from(clock.instant())), COLLECTION);
	}

	private Query mine(String name) {
		return Query.query(Criteria.where("_id").is(name).and("lockedBy").is(holder));
	}

	/** A lease this replica holds while its work runs: renewed until released, never past its deadline. */
	private final class Held {

		private final String name;

		private final Instant deadline;

		private boolean released;

		Held(String name, Instant deadline) {
			this.name = name;
			this.deadline = deadline;
		}

		synchronized void renew() {
			if (released) {
				return;
			}
			try {
				Instant until = clock.instant().plus(liveness);
				mongo.updateFirst(mine(name), new Update().set("lockedUntil",
						Date.from(until.isAfter(deadline) ? deadline : until)), COLLECTION);
			}
			catch (RuntimeException ex) {
				// The next renewal tries again; a lease not renewed within its liveness goes to another replica.
				log.warn("Could not renew the lease {}: {}", name, ex.toString());
			}
		}

		synchronized void release() {
			released = true;
			MongoLease.this.release(name);
		}
	}
}
