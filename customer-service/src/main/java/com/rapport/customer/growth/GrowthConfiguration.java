package com.rapport.customer.growth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The growth settings ({@link GrowthProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrowthProperties.class)
class GrowthConfiguration {
}
