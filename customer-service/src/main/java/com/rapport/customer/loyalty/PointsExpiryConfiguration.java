package com.rapport.customer.loyalty;

import java.time.Clock;

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
 * Runs {@link PointsExpiry} every {@code rapport.loyalty.expiry.interval} (1 h) on one replica at a time (MongoDB
 * lease {@code loyalty-expiry}), at most {@code max-per-run} organisations a run. Tests switch it off
 * ({@code rapport.loyalty.expiry.enabled=false}) and run it themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.loyalty.expiry.enabled", matchIfMissing = true)
class PointsExpiryConfiguration {

	static final String LEASE = "loyalty-expiry";

	@Bean
	ScheduledExpiry scheduledPointsExpiry(PointsExpiry expiry, LoyaltyProperties properties, MongoTemplate mongo,
			Clock clock, @Value("${spring.application.name}") String name) {
		return new ScheduledExpiry(expiry, properties, new MongoLease(mongo, clock, name));
	}

	record ScheduledExpiry(PointsExpiry expiry, LoyaltyProperties properties, MongoLease lease) {

		private static final Logger log = LoggerFactory.getLogger(ScheduledExpiry.class);

		@Scheduled(fixedDelayString = "${rapport.loyalty.expiry.interval:1h}",
				initialDelayString = "${rapport.loyalty.expiry.initial-delay:2m}")
		void run() {
			if (!lease.runExclusively(LEASE, properties.expiry().hold(),
					() -> expiry.run(properties.expiry().maxPerRun()))) {
				log.debug("Points expiry: another replica holds the lease");
			}
		}
	}
}
