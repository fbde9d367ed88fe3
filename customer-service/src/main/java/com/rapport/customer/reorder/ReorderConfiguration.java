package com.rapport.customer.reorder;

import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reorder reminders' settings ({@link ReorderProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReorderProperties.class)
class ReorderConfiguration {

	/**
	 * With {@code rapport.growth.support-signals=false} (the module's tests, no order-tracking-service) no draft can
	 * be made: every attempt is "unavailable", and nothing pretends to succeed.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", havingValue = false)
	DraftOrders noDraftOrders() {
		return (organisationId, requestId, sku, description, quantity, requestedBy) -> {
			throw new RemoteUnavailableException("order-tracking-service", null);
		};
	}
}
