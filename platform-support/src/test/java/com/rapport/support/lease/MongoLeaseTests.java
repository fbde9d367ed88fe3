package com.rapport.support.lease;

import com.rapport.support.test.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
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
	void aLeaseOfAReplicaThatDiedIsFreeOnceItsHoldRunsOut() {
		store.run(context -> {
			MongoTemplate mongo = context.getBean(MongoTemplate.class);
			MongoLease dead = new MongoLease(mongo, clock, "dead");
			MongoLease alive = new MongoLease(mongo, clock, "alive");
			assertThat(dead.tryAcquire("relay", Duration.ofSeconds(30))).isTrue(); // and never released

			assertThat(alive.tryAcquire("relay", Duration.ofSeconds(30))).isFalse();
			clock.advance(Duration.ofSeconds(31));
			assertThat(alive.tryAcquire("relay", Duration.ofSeconds(30))).isTrue();
		});
	}
}
