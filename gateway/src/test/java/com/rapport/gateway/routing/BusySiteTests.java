package com.rapport.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.rapport.gateway.FakeKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy site is not a broken one: many people asking for pages at once, each page taking a while, all get their
 * page. (The route's circuit breaker used to come with Spring Cloud CircuitBreaker's default bulkhead of 25 calls
 * at once: the 26th page answered 503, and those refusals opened the breaker for everyone.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rapport.mongodb.embedded.in-memory=true")
class BusySiteTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	static final int PEOPLE = 60;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", KEYCLOAK::issuer);
		registry.add("PORTAL_WEB_HTTP", KEYCLOAK::baseUrl);
	}

	@AfterAll
	static void stop() {
		KEYCLOAK.stop();
	}

	@Test
	void sixtyPeopleAskingForASlowPageAtOnceAllGetIt() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/survey/busy"))
			.timeout(Duration.ofSeconds(60)).build();

		List<CompletableFuture<HttpResponse<String>>> asked = IntStream.range(0, PEOPLE)
			.mapToObj(n -> client.sendAsync(page, HttpResponse.BodyHandlers.ofString()))
			.toList();
		List<Integer> answers = asked.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

		assertThat(answers).hasSize(PEOPLE).containsOnly(200);
	}
}
