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
	RateLimitCounters rateLimitCounters(ReactiveMongoTemplate mongo) {
		RateLimitCounters counters = new RateLimitCounters(mongo);
		counters.expireOldWindows().subscribe();
		return counters;
	}

	@Bean
	SharedBudgets sharedBudgets(RateLimitCounters counters) {
		return new SharedBudgets(counters);
	}

	@Bean
	BudgetSync budgetSync(SharedBudgets budgets, RateLimitCounters counters, RateLimitProperties properties) {
		return new BudgetSync(budgets, counters, properties, Clock.systemUTC());
	}

	@Bean
	RateLimitFilter rateLimitFilter(SharedBudgets budgets, RateLimitProperties properties) {
		return new RateLimitFilter(budgets, properties, Clock.systemUTC());
	}
}
