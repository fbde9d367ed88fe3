package com.rapport.gateway.ratelimit;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	RateLimitFilter rateLimitFilter(ReactiveMongoTemplate mongo, RateLimitProperties properties) {
		RateLimitCounters counters = new RateLimitCounters(mongo);
		counters.expireOldWindows().subscribe();
		return new RateLimitFilter(counters, properties, Clock.systemUTC());
	}
}
