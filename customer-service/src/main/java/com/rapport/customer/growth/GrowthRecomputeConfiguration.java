package com.rapport.customer.growth;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Recomputes every organisation's growth figures nightly, on one replica at a time (MongoDB lease
 * {@code growth-recompute}), after the tier recompute (03:00 UTC by default), so a customer whose value grew
 * without a delivery being recorded (a changed rate, an erased order) is caught up. Tests switch it off
 * ({@code rapport.growth.nightly.enabled=false}) and call {@link GrowthService} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.growth.nightly.enabled", matchIfMissing = true)
class GrowthRecomputeConfiguration {

	/** Longer than a run over 100,000 organisations is expected to take, so a second replica never overlaps. */
	static final Duration HOLD = Duration.ofHours(2);

	static final String LEASE = "growth-recompute";

	@Bean
	NightlyGrowthRecompute nightlyGrowthRecompute(GrowthService growth, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name) {
		return new NightlyGrowthRecompute(growth, new MongoLease(mongo, clock, name));
	}

	record NightlyGrowthRecompute(GrowthService growth, MongoLease lease) {

		private static final Logger log = LoggerFactory.getLogger(NightlyGrowthRecompute.class);

		@Scheduled(cron = "${rapport.growth.nightly.cron:0 0 3 * * *}", zone = "${rapport.growth.nightly.zone:UTC}")
		void run() {
			// GrowthService logs the count and the duration.
			if (!lease.runExclusively(LEASE, HOLD, growth::recomputeAll)) {
				log.info("Nightly growth recompute: another run holds the lease");
			}
		}
	}
}
