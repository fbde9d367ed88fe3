package com.rapport.customer.identity;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads Keycloak's failed logins every {@code rapport.identity.login-failures.interval} (1 minute) on one
 * replica at a time (the MongoDB lease {@value #LEASE}). A Keycloak that does not answer is a warning and
 * the next run tries again from the same cursor. Tests switch it off
 * ({@code rapport.identity.login-failures.enabled=false}) and call {@link LoginFailureFeed#poll()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "rapport.identity.login-failures.enabled", matchIfMissing = true)
class LoginFailureFeedConfiguration {

	static final String LEASE = "keycloak-login-failure-feed";

	@Bean
	LoginFailureFeed loginFailureFeed(KeycloakAdmin keycloak, LoginFailureSink sink, MongoTemplate mongo,
			Clock clock, IdentityProperties properties) {
		return new LoginFailureFeed(keycloak, sink, mongo, clock, properties.loginFailures());
	}

	@Bean
	ScheduledFeed scheduledLoginFailureFeed(LoginFailureFeed feed, MongoTemplate mongo, Clock clock,
			IdentityProperties properties, @Value("${spring.application.name}") String name) {
		return new ScheduledFeed(feed, new MongoLease(mongo, clock, name), properties.loginFailures());
	}

	record ScheduledFeed(LoginFailureFeed feed, MongoLease lease, IdentityProperties.LoginFailureSettings settings) {

		private static final Logger log = LoggerFactory.getLogger(ScheduledFeed.class);

		@Scheduled(initialDelayString = "${rapport.identity.login-failures.initial-delay:20s}",
				fixedDelayString = "${rapport.identity.login-failures.interval:1m}")
		void run() {
			try {
				lease.runExclusively(LEASE, settings.hold(), () -> {
					int handed = feed.poll();
					if (handed > 0) {
						log.debug("Handed on {} failed logins", handed);
					}
				});
			}
			catch (RemoteUnavailableException ex) {
				log.warn("Failed logins not read: Keycloak is unavailable ({}); trying again next time",
						ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("Failed logins not read completely; trying again next time", ex);
			}
		}
	}
}
