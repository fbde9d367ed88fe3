package com.rapport.gateway.tracing;

import com.rapport.gateway.FakeKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's request that comes with a W3C {@code traceparent} keeps its trace through the gateway: the service
 * behind it receives the same trace id (in a span of the gateway's), and the gateway's log line of the request
 * carries it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rapport.mongodb.embedded.in-memory=true")
@AutoConfigureWebTestClient(timeout = "PT30S")
@ExtendWith(OutputCaptureExtension.class)
class GatewayTracingTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", KEYCLOAK::issuer);
		registry.add("TICKET_SERVICE_HTTP", KEYCLOAK::baseUrl);
		// Nothing listens there: the route's fallback answers and says why in a line of its own.
		registry.add("FEEDBACK_SERVICE_HTTP", () -> "http://127.0.0.1:9");
	}

	@AfterAll
	static void stopKeycloak() {
		KEYCLOAK.stop();
	}

	@Test
	void thePartnersTraceReachesTheServiceAndTheGatewaysLogLine(CapturedOutput output) throws InterruptedException {
		String forwarded = web.get().uri("/api/tickets/v1/tickets?customerId=acme-retail")
			.headers(h -> h.setBearerAuth(KEYCLOAK.token("rapport-api", "partner-test")))
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(forwarded).matches("traceparent 00-" + TRACE_ID + "-[0-9a-f]{16}-01")
			.as("a span of the gateway's, not the partner's").doesNotContain("00f067aa0ba902b7");
		String line = "\\[gateway," + TRACE_ID + ",[0-9a-f]{16}\\] .*GET /api/tickets/v1/tickets 200 \\d+ ms";
		// The line is written once the exchange has completed, which can be just after the client has its answer.
		long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (!java.util.regex.Pattern.compile(line).matcher(output.getAll()).find() && System.nanoTime() < until) {
			Thread.sleep(20);
		}
		assertThat(output.getAll()).containsPattern(line);
	}

	@Test
	void theLineThatSaysWhyAServiceWasUnavailableCarriesTheRequestsTrace(CapturedOutput output) {
		web.get().uri("/api/feedback/v1/scores?customerId=acme-retail")
			.headers(h -> h.setBearerAuth(KEYCLOAK.token("rapport-api", "partner-test")))
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus().isEqualTo(503);

		assertThat(output.getAll()).containsPattern("\\[gateway," + TRACE_ID
				+ ",[0-9a-f]{16}\\] .*Route feedback-api: /api/feedback/v1/scores answered unavailable after");
	}

	@Test
	void aRequestWithoutATraceStartsOneThatTheServiceReceives() {
		String forwarded = web.get().uri("/api/tickets/v1/tickets?customerId=acme-retail")
			.headers(h -> h.setBearerAuth(KEYCLOAK.token("rapport-api", "partner-test")))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(forwarded).matches("traceparent 00-[0-9a-f]{32}-[0-9a-f]{16}-01");
	}
}
