package com.rapport.gateway.session;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

	@Bean
	MongoSessionRepository sessionRepository(ReactiveMongoTemplate mongo,
			@Value("${rapport.session.timeout:30m}") Duration timeout) {
		MongoSessionRepository repository = new MongoSessionRepository(mongo, timeout, Clock.systemUTC());
		repository.expireSessions().subscribe();
		return repository;
	}
}
