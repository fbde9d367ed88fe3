package com.rapport.customer.care;

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
 * Runs the greetings every {@code rapport.care.greetings.interval} (15 minutes), on one replica at a time (the
 * MongoDB lease {@value #LEASE}): often enough that a contact is greeted soon after the hour in its own time
 * zone. Tests switch it off ({@code rapport.care.greetings.enabled=false}) and call {@link GreetingService#run()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.care.greetings.enabled", matchIfMissing = true)
class GreetingScheduleConfiguration {

	static final String LEASE = "care-greetings";

	@Bean
	ScheduledGreetings scheduledGreetings(GreetingService greetings, MongoTemplate mongo, Clock clock,
			GreetingProperties properties, @Value("${spring.application.name}") String name) {
		return new ScheduledGreetings(greetings, new MongoLease(mongo, clock, name), properties);
	}

	record ScheduledGreetings(GreetingService greetings, MongoLease lease, GreetingProperties properties) {

		private static final Logger log = LoggerFactory.getLogger(ScheduledGreetings.class);

		@Scheduled(initialDelayString = "${rapport.care.greetings.initial-delay:30s}",
				fixedDelayString = "${rapport.care.greetings.interval:15m}")
		void run() {
			try {
				lease.runExclusively(LEASE, properties.hold(), () -> {
					GreetingService.Summary summary = greetings.run();
					if (summary.sent() + summary.failed() + summary.skipped() > 0) {
						log.info("Care greetings: {} sent, {} failed, {} skipped", summary.sent(), summary.failed(),
								summary.skipped());
					}
				});
			}
			catch (RuntimeException ex) {
				log.warn("Care greetings did not run to the end; the next run goes on", ex);
			}
		}
	}
}
