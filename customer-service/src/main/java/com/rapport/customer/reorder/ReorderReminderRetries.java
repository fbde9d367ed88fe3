package com.rapport.customer.reorder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Tries owed reorder reminders again every {@code rapport.reorder-reminders.retry-interval} (1 minute) on every
 * replica: each reminder is claimed before it is sent, so replicas share the work without a lease. Tests switch it
 * off ({@code rapport.reorder-reminders.retries.enabled=false}) and call {@link ReorderReminders#retryOwed}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.reorder-reminders.retries.enabled", matchIfMissing = true)
class ReorderReminderRetries {

	static final int BATCH = 50;

	@Bean
	Sweep reorderReminderRetrySweep(ReorderReminders reminders) {
		return new Sweep(reminders);
	}

	record Sweep(ReorderReminders reminders) {

		private static final Logger log = LoggerFactory.getLogger(Sweep.class);

		@Scheduled(initialDelayString = "${rapport.reorder-reminders.retry-interval:1m}",
				fixedDelayString = "${rapport.reorder-reminders.retry-interval:1m}")
		void run() {
			try {
				int mailed = reminders.retryOwed(BATCH);
				if (mailed > 0) {
					log.info("Reorder reminders mailed on a retry: {}", mailed);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Reorder reminder retries: {}", ex.toString());
			}
		}
	}
}
