package com.rapport.support.mongo;

import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store's health while the embedded server runs. Boot's own indicators ask for {@code hello}, which
 * mongo-java-server lacks; {@code ping} answers. A bean named {@code mongoHealthIndicator} makes Boot's
 * (blocking and reactive) indicators step aside.
 */
@AutoConfiguration(after = { EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
		MongoReactiveAutoConfiguration.class },
		beforeName = { "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
				"org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration" })
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(MongoServer.class)
public class EmbeddedMongoHealthAutoConfiguration {

	static final Document PING = new Document("ping", 1);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(com.mongodb.client.MongoClient.class)
	static class Blocking {

		@Bean
		@ConditionalOnBean(com.mongodb.client.MongoClient.class)
		HealthIndicator mongoHealthIndicator(com.mongodb.client.MongoClient client) {
			return new AbstractHealthIndicator("MongoDB health check failed") {
				@Override
				protected void doHealthCheck(Health.Builder builder) {
					client.getDatabase("admin").runCommand(PING);
					builder.up().withDetail("server", "embedded");
				}
			};
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ com.mongodb.reactivestreams.client.MongoClient.class, Mono.class })
	static class Reactive {

		@Bean
		@ConditionalOnMissingBean(name = "mongoHealthIndicator")
		@ConditionalOnBean(com.mongodb.reactivestreams.client.MongoClient.class)
		ReactiveHealthIndicator mongoHealthIndicator(com.mongodb.reactivestreams.client.MongoClient client) {
			return new AbstractReactiveHealthIndicator("MongoDB health check failed") {
				@Override
				protected Mono<Health> doHealthCheck(Health.Builder builder) {
					return Mono.from(client.getDatabase("admin").runCommand(PING))
						.map(answer -> builder.up().withDetail("server", "embedded").build());
				}
			};
		}
	}
}
