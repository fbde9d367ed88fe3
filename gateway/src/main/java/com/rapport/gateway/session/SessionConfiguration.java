package com.rapport.gateway.session;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

	/**
	 * The session cookie: HttpOnly, Secure over TLS, and {@code SameSite=Lax}, so that no other site's page can
	 * send a request that carries it except a plain link the user follows.
	 */
	@Bean
	WebSessionIdResolver webSessionIdResolver() {
		CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
		resolver.setCookieName("SESSION");
		resolver.addCookieInitializer(cookie -> cookie.sameSite("Lax").httpOnly(true).path("/"));
		return resolver;
	}

	@Bean
	MongoSessionRepository sessionRepository(ReactiveMongoTemplate mongo,
			@Value("${rapport.session.timeout:30m}") Duration timeout) {
		MongoSessionRepository repository = new MongoSessionRepository(mongo, timeout, Clock.systemUTC());
		repository.expireSessions().subscribe();
		return repository;
	}
}
