package com.rapport.customer.growth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The growth settings ({@link GrowthProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrowthProperties.class)
class GrowthConfiguration {

	/**
	 * With {@code rapport.growth.support-signals=false} tickets and scores are not asked for: every risk says they
	 * could not be read (the module's tests, which have no ticket-service or feedback-service).
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", havingValue = false)
	SupportSignals noSupportSignals() {
		return organisationId -> SupportFacts.UNKNOWN;
	}

	/** ... and no order lines: no reorder is predicted. */
	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", havingValue = false)
	OrderHistory noOrderHistory() {
		return organisationId -> null;
	}
}
