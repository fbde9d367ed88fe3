package com.rapport.support.lease;

import com.rapport.support.test.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas, one store: scheduled work runs on one of them at a time. */
class MongoLeaseTests {

	private final ApplicationContextRunner store = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class))
		.withPropertyValues("spring.application.name=lease-test", "rapport.mongodb.embedded.in-memory=true");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

	@Test
	void whileOneReplicaHoldsTheLeaseTheOtherDoesNotRunTheWork() {
		store.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			MongoLease replicaA = new MongoLease(mongo, clock, "a");
			MongoLease replicaB = new MongoLease(mongo, clock, "b");
			AtomicInteger runs = new AtomicInteger();

			boolean ranInA = replicaA.runExclusively("relay", Duration.ofMinutes(1), () -> {
				runs.incrementAndGet();
				assertThat(replicaB.runExclusively("relay", Duration.ofMinutes(1), runs::incrementAndGet)).isFalse();
			});

			assertThat(ranInA).isTrue();
			assertThat(runs).hasValue(1);
			// Released when done: the next turn may be anyone's.
			assertThat(replicaB.runExclusively("relay", Duration.ofMinutes(1), runs::incrementAndGet)).isTrue();
			assertThat(runs).hasValue(2);
		});
	}

	@Test
	void aLeaseOfAReplicaThatDiedIsFreeOnceItsLivenessRunsOutWhateverItsHold() {
		store.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			MongoLease dead = new MongoLease(mongo, clock, "dead");
			MongoLease alive = new MongoLease(mongo, clock, "alive");
			// As runExclusively takes a lease for a work of any hold; then killed: nobody renews it.
			assertThat(dead.tryAcquire("relay", MongoLease.LIVENESS)).isTrue();

			assertThat(alive.runExclusively("relay", Duration.ofHours(2), () -> { })).isFalse();
			clock.advance(MongoLease.LIVENESS.plusSeconds(1));
			assertThat(alive.runExclusively("relay", Duration.ofHours(2), () -> { })).isTrue();
		});
	}

	@Test
	void aLiveReplicaKeepsItsLeaseWhileItsWorkRunsButNeverPastItsHold() {
		store.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			MongoLease busy = new MongoLease(mongo, clock, "busy", MongoLease.LIVENESS, Duration.ofMillis(20));
			MongoLease other = new MongoLease(mongo, clock, "other");
			AtomicInteger othersRuns = new AtomicInteger();

			boolean ran = busy.runExclusively("nightly", Duration.ofMinutes(10), () -> {
				// Well past the first hold of 20 s: the renewals keep it.
				clock.advance(Duration.ofSeconds(45));
				awaitLockedUntilAfter(mongo, clock.instant());
				assertThat(other.runExclusively("nightly", Duration.ofMinutes(10), othersRuns::incrementAndGet))
					.as("while the work runs and its lease is renewed").isFalse();

				// Past the whole hold: no renewal reaches beyond it, so a stuck work gives the lease up.
				clock.advance(Duration.ofMinutes(10));
				long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
				while (!other.runExclusively("nightly", Duration.ofMinutes(10), othersRuns::incrementAndGet)
						&& System.nanoTime() < until) {
					Thread.onSpinWait();
				}
			});

			assertThat(ran).isTrue();
			assertThat(othersRuns).as("the other replica ran once the hold was over").hasValue(1);
		});
	}

	/** Waits (at most 10 s) until a renewal has moved the lease beyond {@code instant}. */
	private static void awaitLockedUntilAfter(MongoTemplate mongo, Instant instant) {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until) {
			Document lease = mongo.findById("nightly", Document.class, MongoLease.COLLECTION);
			if (lease != null && lease.getDate("lockedUntil").toInstant().isAfter(instant)) {
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("the lease was not renewed beyond " + instant);
	}
}
