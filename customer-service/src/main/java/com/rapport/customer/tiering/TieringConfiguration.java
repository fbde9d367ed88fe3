package com.rapport.customer.tiering;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tiering rules and the clock they are applied at (tests may supply their own). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TieringProperties.class)
public class TieringConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
