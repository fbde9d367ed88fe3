package com.rapport.gateway.ratelimit;

import com.rapport.gateway.FakeKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
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
@AutoConfigureWebTestClient
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
}
