package com.rapport.customer.loyalty;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The loyalty settings ({@link LoyaltyProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoyaltyProperties.class)
class LoyaltyConfiguration {
}
