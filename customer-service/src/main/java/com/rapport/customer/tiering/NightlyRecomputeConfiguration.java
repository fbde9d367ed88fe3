package com.rapport.customer.tiering;

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
 * Recomputes every organisation nightly, on one replica at a time (a MongoDB lease): recency grows without
 * any new order, so dormancy, churn and override ends are only noticed this way. Tests switch it off
 * ({@code rapport.tiering.nightly.enabled=false}) and call {@link TieringService#recomputeAll()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.tiering.nightly.enabled", matchIfMissing = true)
class NightlyRecomputeConfiguration {

	/** Longer than a run over 100,000 organisations is expected to take, so a second replica never overlaps. */
	static final Duration HOLD = Duration.ofHours(2);

	@Bean
	NightlyRecompute nightlyTierRecompute(TieringService tiering, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name) {
		return new NightlyRecompute(tiering, new MongoLease(mongo, clock, name));
	}

	record NightlyRecompute(TieringService tiering, MongoLease lease) {

		private static final Logger log = LoggerFactory.getLogger(NightlyRecompute.class);

		@Scheduled(cron = "${rapport.tiering.nightly.cron:0 30 2 * * *}", zone = "${rapport.tiering.nightly.zone:UTC}")
		void run() {
			boolean ran = lease.runExclusively("nightly-tier-recompute", HOLD,
					() -> log.info("Nightly tier and lifecycle recompute: {} organisations", tiering.recomputeAll()));
			if (!ran) {
				log.info("Nightly tier recompute runs on another replica");
			}
		}
	}
}
