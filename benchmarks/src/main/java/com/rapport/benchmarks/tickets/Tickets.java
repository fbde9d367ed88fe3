package com.rapport.benchmarks.tickets;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;
import com.rapport.benchmarks.writes.Writes;

/**
 * Tickets opened per second through the gateway: {@code POST /api/tickets/v1/tickets} with the partner's token and
 * an {@code Idempotency-Key}, each a new ticket of one organisation (ticket-service numbers it, reads the
 * organisation's tier from customer-service, writes it with its timeline event and an audit entry), at 1, 4 and 16
 * calls at once. A call counts when it answers {@code 201}. (The console queue page with 200,000 tickets is not
 * measured here yet.)
 */
public final class Tickets implements Scenario {

	static final String TICKETS = "/api/tickets/v1/tickets";

	@Override
	public String name() {
		return "tickets";
	}

	@Override
	public String summary() {
		return "partner tickets opened through the gateway at 1, 4, 16 at once: tickets/s and latency";
	}

	@Override
	public String usage() {
		return """
				  --concurrency-levels L   calls at once, one measurement each (1,4,16); --concurrency is not used
				  --customer-id ID         the organisation the tickets are for; it must exist (acme-retail, demo data)
				  --partner NAME --partner-secret SECRET
				                           the partner client (partner-demo / partner-demo-secret; needs tickets.write)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		if (options.string("concurrency", null) != null) {
			throw new Options.UsageException("tickets measures at each of --concurrency-levels (1,4,16), not "
					+ "--concurrency");
		}
		List<Integer> levels = Writes.levels(options.string("concurrency-levels", "1,4,16"));
		String customerId = options.string("customer-id", "acme-retail");
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		return () -> {
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
			for (int level : levels) {
				Load.Settings settings = new Load.Settings(run.settings().warmup(), run.settings().requests(), level);
				run.measure("ticket-open-c" + level, settings,
						new OpenTicket(http, partner, run.gateway().resolve(TICKETS), customerId, tag + "-C" + level));
			}
			run.concurrency(levels.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
					+ " requests at once (-cN)");
			run.fact("tickets/s is 'per s': answered 201 a second, all threads together; through the gateway");
		};
	}

	/** The body of one partner ticket: a delivery complaint about an order, raised by a named person. */
	static Map<String, Object> body(String customerId, String tag, int index) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customerId);
		body.put("subject", "Bench " + tag + " " + index + ": pallet arrived damaged");
		body.put("body", "Pallet " + (index % 7 + 1) + " of the delivery arrived with a broken corner.");
		body.put("kind", index % 3 == 0 ? "COMPLAINT" : "REQUEST");
		body.put("category", "DELIVERY");
		if (index % 3 == 0) {
			body.put("severity", "MINOR");
		}
		body.put("priority", "NORMAL");
		body.put("requester", Map.of("name", "Bench Buyer", "email", "bench.buyer@example.com"));
		return body;
	}

	private record OpenTicket(Http http, PartnerToken partner, URI tickets, String customerId, String tag)
			implements Load.Call {

		@Override
		public HttpResponse<String> send(int index) {
			return http.send(Http.request(tickets).header("Authorization", partner.authorization())
				.header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + tag + "-" + index)
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(body(customerId, tag, index)))).build());
		}

		@Override
		public String check(int index, HttpResponse<String> response) {
			return response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
		}
	}
}
