package com.rapport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;

import com.rapport.gateway.FakeKeycloak;
import org.bson.Document;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner budgets at the gateway, counted in the (embedded) MongoDB the replicas share. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rapport.mongodb.embedded.in-memory=true", "rapport.rate-limits.partner-requests=3",
				"rapport.rate-limits.window=1h" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class RateLimitTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", KEYCLOAK::issuer);
		registry.add("ORDER_TRACKING_SERVICE_HTTP", KEYCLOAK::baseUrl);
	}

	@AfterAll
	static void stop() {
		KEYCLOAK.stop();
	}

	@Test
	void aPartnerOverItsBudgetGets429WithRetryAfterWhileAnotherPartnerIsServed() {
		String greedy = KEYCLOAK.token("rapport-api", "partner-greedy");
		for (int i = 1; i <= 3; i++) {
			int remaining = 3 - i;
			web.get().uri("/api/orders/v1/orders").headers(h -> h.setBearerAuth(greedy)).exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(remaining));
		}
		web.get().uri("/api/orders/v1/orders").headers(h -> h.setBearerAuth(greedy)).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().value(HttpHeaders.RETRY_AFTER, retry -> assertThat(Long.parseLong(retry)).isPositive())
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.code").isEqualTo("rate-limited");

		// A new token of the same client does not reset its budget; another client has its own.
		String again = KEYCLOAK.token("rapport-api", "partner-greedy");
		web.get().uri("/api/orders/v1/orders").headers(h -> h.setBearerAuth(again)).exchange()
			.expectStatus().isEqualTo(429);
		String calm = KEYCLOAK.token("rapport-api", "partner-calm");
		web.get().uri("/api/orders/v1/orders").headers(h -> h.setBearerAuth(calm)).exchange()
			.expectStatus().isOk();
	}

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void twoReplicasTogetherHoldACallerToItsBudgetWithinWhatTheOtherLetThroughInOneSyncInterval() {
		RateLimitCounters counters = new RateLimitCounters(mongo);
		SharedBudgets first = new SharedBudgets(counters);
		SharedBudgets second = new SharedBudgets(counters);
		Instant now = Instant.parse("2026-12-06T10:15:00Z");
		Duration window = Duration.ofHours(1);
		int limit = 100;
		int admitted = 0;
		// The caller alternates between the replicas; both sync after every 20 requests (10 each), as if one
		// sync interval had passed.
		for (int i = 1; i <= 400; i++) {
			SharedBudgets replica = i % 2 == 0 ? first : second;
			if (replica.hit("client:spread", now, window).count() <= limit) {
				admitted++;
			}
			if (i % 20 == 0) {
				first.sync(now).block();
				second.sync(now).block();
			}
		}
		assertThat(admitted).as("at most one interval's requests to the other replica beyond the budget")
			.isBetween(limit, limit + 10);
		// Every request was counted in the shared counter, refused ones too: the budget does not refill.
		assertThat(counters.add("client:spread|" + Instant.parse("2026-12-06T10:00:00Z").toEpochMilli(), 0,
				now.plus(window)).block()).isEqualTo(400);
		// A replica learns the others' counts with its own next one: a third replica refuses at once after a sync.
		SharedBudgets third = new SharedBudgets(counters);
		third.hit("client:spread", now, window);
		third.sync(now).block();
		assertThat(third.hit("client:spread", now, window).count()).isGreaterThan(limit);
	}

	@Test
	void windowsThatAreOverAreForgottenByTheReplicaAndSweptFromTheStore() {
		RateLimitCounters counters = new RateLimitCounters(mongo);
		SharedBudgets budgets = new SharedBudgets(counters);
		Instant now = Instant.parse("2026-12-06T11:00:30Z");
		budgets.hit("user:old", now.minus(Duration.ofMinutes(2)), Duration.ofMinutes(1));
		budgets.hit("user:now", now, Duration.ofMinutes(1));
		counters.add("user:old|1", 1, now.minusSeconds(1)).block();
		counters.add("user:current|1", 1, now.plusSeconds(60)).block();

		budgets.sync(now).block();

		assertThat(budgets.windows()).isEqualTo(1);
		assertThat(counters.removePast(now).block()).isGreaterThanOrEqualTo(1);
		assertThat(mongo.getCollection(RateLimitCounters.COLLECTION)
			.flatMap(c -> Mono.from(c.countDocuments(new Document("_id", "user:old|1")))).block()).isZero();
		assertThat(mongo.getCollection(RateLimitCounters.COLLECTION)
			.flatMap(c -> Mono.from(c.countDocuments(new Document("_id", "user:current|1")))).block()).isOne();
	}
}
