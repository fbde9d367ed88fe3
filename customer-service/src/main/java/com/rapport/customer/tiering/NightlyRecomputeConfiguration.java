package com.rapport.customer.tiering;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Recomputes every organisation in the background, on one replica at a time (one MongoDB lease for both runs):
 * nightly, because recency grows without any new order, so dormancy, churn and override ends are only noticed
 * this way; and after a manager changes the tiering rules — at once on the replica that saved them, and checked
 * every minute on all replicas, so a change whose run was cut short (a restart) is still applied. Tests switch
 * both off ({@code rapport.tiering.nightly.enabled=false}) and call {@link TieringService} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.tiering.nightly.enabled", matchIfMissing = true)
class NightlyRecomputeConfiguration {

	/** Longer than a run over 100,000 organisations is expected to take, so a second replica never overlaps. */
	static final Duration HOLD = Duration.ofHours(2);

	static final String LEASE = "tier-recompute";

	@Bean
	NightlyRecompute nightlyTierRecompute(TieringService tiering, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name) {
		return new NightlyRecompute(tiering, new MongoLease(mongo, clock, name));
	}

	@Bean
	PolicyRecompute policyRecompute(TieringService tiering, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name}") String name) {
		return new PolicyRecompute(tiering, new MongoLease(mongo, clock, name));
	}

	record NightlyRecompute(TieringService tiering, MongoLease lease) {

		private static final Logger log = LoggerFactory.getLogger(NightlyRecompute.class);

		@Scheduled(cron = "${rapport.tiering.nightly.cron:0 30 2 * * *}", zone = "${rapport.tiering.nightly.zone:UTC}")
		void run() {
			boolean ran = lease.runExclusively(LEASE, HOLD,
					() -> log.info("Nightly tier and lifecycle recompute: {} organisations", tiering.recomputeAll()));
			if (!ran) {
				log.info("Nightly tier recompute: another run holds the lease");
			}
		}
	}

	/** Applies changed tiering rules to every organisation, off the request that saved them. */
	static final class PolicyRecompute implements DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(PolicyRecompute.class);

		private final TieringService tiering;

		private final MongoLease lease;

		private final ExecutorService background = Executors.newSingleThreadExecutor(work -> {
			Thread thread = new Thread(work, "tier-policy-recompute");
			thread.setDaemon(true);
			return thread;
		});

		PolicyRecompute(TieringService tiering, MongoLease lease) {
			this.tiering = tiering;
			this.lease = lease;
		}

		@EventListener
		void onPolicyChanged(TieringPolicyChanged event) {
			log.info("Tiering rules version {} saved: recomputing every organisation", event.version());
			background.execute(this::runIfDue);
		}

		@Scheduled(fixedDelayString = "${rapport.tiering.policy-check:PT1M}",
				initialDelayString = "${rapport.tiering.policy-check:PT1M}")
		void runIfDue() {
			try {
				lease.runExclusively(LEASE, HOLD, () -> {
					if (tiering.recomputeIfDue()) {
						log.info("Tiering rules applied to every organisation");
					}
				});
			}
			catch (RuntimeException ex) {
				log.warn("Recompute after a change of the tiering rules failed; the next check tries again", ex);
			}
		}

		@Override
		public void destroy() {
			background.shutdownNow();
		}
	}
}
