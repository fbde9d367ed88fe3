package com.rapport.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One partner request followed through every process it crossed by its trace id alone, as an operator would
 * with the logs: a ticket opened through the gateway with a W3C {@code traceparent} is in the gateway's log, in
 * ticket-service's (the request, and the outbox relay's delivery seconds later), and in customer-service's (the
 * gRPC read of the organisation's tier during the request, and the timeline entry the relay recorded).
 */
@ExtendWith(RunningPlatform.class)
class TracingSystemTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static String hex(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	@Test
	void aPartnerRequestsTraceIdIsInTheLogOfEveryProcessItCrossed(RunningPlatform.Started platform)
			throws InterruptedException {
		String traceId = hex(16);
		Partner partner = Partner.demo();
		HttpResponse<String> opened = Partner.anonymous(HttpRequest
			.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/tickets/v1/tickets"))
			.header("Authorization", "Bearer " + partner.token())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "trace-" + UUID.randomUUID())
			.header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"customerId": "acme-retail", "subject": "Traced request %s", "body": "Where is pallet 4?",
					 "kind": "REQUEST", "category": "DELIVERY",
					 "requester": {"name": "Alice Chen", "email": "alice.chen@acme-retail.example"}}""".formatted(traceId))));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String ticketId = JsonPath.read(opened.body(), "$.id");

		String traced = "," + traceId + ",";
		// The relay delivers within a few seconds (rapport.relay.interval 2s); logs are written as it goes.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)
				&& !linesOf(platform, "customer-service", traced).stream().anyMatch(line -> line.contains("RecordInteraction"))) {
			Thread.sleep(1000);
		}

		assertThat(linesOf(platform, "gateway", traced)).as("gateway")
			.anyMatch(line -> line.contains("POST /api/tickets/v1/tickets 201"));
		assertThat(linesOf(platform, "ticket-service", traced)).as("ticket-service")
			.anyMatch(line -> line.contains("POST /api/tickets/v1/tickets 201"))
			.anyMatch(line -> line.contains("(TICKET_OPENED) of ticket " + ticketId + " delivered to customer-service"));
		assertThat(linesOf(platform, "customer-service", traced)).as("customer-service")
			.anyMatch(line -> line.contains("rapport.customer.v1.OrganisationService/") && line.contains(" OK "))
			.anyMatch(line -> line.contains("TimelineService/RecordInteraction OK"));
		assertThat(linesOf(platform, "order-tracking-service", traced)).as("a process the request did not cross").isEmpty();
	}

	private static List<String> linesOf(RunningPlatform.Started platform, String module, String traced) {
		return platform.log(module).lines().filter(line -> line.contains(traced)).toList();
	}
}
