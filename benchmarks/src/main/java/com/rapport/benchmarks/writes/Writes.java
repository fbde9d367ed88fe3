package com.rapport.benchmarks.writes;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import com.rapport.benchmarks.orders.NewOrderCall;

/**
 * The durable write rate of each service that takes partner writes, straight to the service (no gateway), with
 * the partner's client-credentials token, from 1, 4 and 16 threads at once (each its own request):
 * <ul>
 * <li>{@code order-create-cN}: {@code POST /api/orders/v1/orders} to order-tracking-service, with an
 * {@code Idempotency-Key} as partners are asked to send; each a new order of one organisation (the service
 * asks customer-service over gRPC whether it exists, and writes the order with its outbox event and an audit
 * entry);</li>
 * <li>{@code organisation-create-cN}: {@code POST /api/customers/v1/organisations} to customer-service, each a
 * new organisation (with its search keys and an audit entry).</li>
 * </ul>
 * A call counts when it answers {@code 201}. Every run writes new orders and organisations under a tag of its own,
 * so runs never collide; the store grows by what they write (measure on a fresh store for comparable figures).
 */
public final class Writes implements Scenario {

	private static final String ORDERS = "/api/orders/v1/orders";

	private static final String ORGANISATIONS = "/api/customers/v1/organisations";

	@Override
	public String name() {
		return "writes";
	}

	@Override
	public String summary() {
		return "partner writes straight to each service at 1, 4, 16 at once: writes/s and latency";
	}

	@Override
	public String usage() {
		return """
				  --concurrency-levels L   threads writing at once, one measurement each (1,4,16); --concurrency
				                           is not used here
				  --services S             which: orders (order-tracking-service), organisations (customer-service)
				                           (orders,organisations)
				  --order-tracking-url URL order-tracking-service's own address (http://localhost:8084)
				  --customer-service-url URL
				                           customer-service's own address (http://localhost:8082)
				  --customer-id ID         the organisation the orders are for; it must exist (acme-retail, demo data)
				  --partner NAME --partner-secret SECRET
				                           the partner client (partner-demo / partner-demo-secret; needs
				                           orders.write and customers.write)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		if (options.string("concurrency", null) != null) {
			throw new Options.UsageException("writes measures at each of --concurrency-levels (1,4,16), not "
					+ "--concurrency");
		}
		List<Integer> levels = levels(options.string("concurrency-levels", "1,4,16"));
		List<String> services = List.of(options.string("services", "orders,organisations").split(","));
		for (String service : services) {
			if (!service.equals("orders") && !service.equals("organisations")) {
				throw new Options.UsageException("--services takes orders and/or organisations, not '" + service + "'");
			}
		}
		URI orderTracking = URI.create(options.string("order-tracking-url", "http://localhost:8084"));
		URI customerService = URI.create(options.string("customer-service-url", "http://localhost:8082"));
		String customerId = options.string("customer-id", "acme-retail");
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		return () -> {
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			// A tag of this run: numbers and names unique across runs on the same store.
			String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
			Map<String, Object> before = new LinkedHashMap<>();
			if (services.contains("orders")) {
				before.put("ordersInStore", total(http, partner, orderTracking.resolve(ORDERS + "?size=1")));
			}
			if (services.contains("organisations")) {
				before.put("organisationsInStore", total(http, partner, customerService.resolve(ORGANISATIONS + "?size=1")));
			}
			run.put("storeBefore", before);
			run.fact("store before: " + before + "; run tag " + tag);
			run.out().printf("Measuring (run tag %s):%n", tag);
			for (String service : services) {
				for (int level : levels) {
					Load.Settings settings = new Load.Settings(run.settings().warmup(), run.settings().requests(), level);
					if (service.equals("orders")) {
						run.measure("order-create-c" + level, settings,
								new NewOrderCall(http, partner, orderTracking.resolve(ORDERS), customerId,
										"W-" + tag + "-C" + level));
					}
					else {
						run.measure("organisation-create-c" + level, settings,
								new OrganisationCreate(http, partner, customerService, tag + " c" + level));
					}
				}
			}
			run.put("concurrencyLevels", levels);
			run.concurrency(levels.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
					+ " requests at once (-cN)");
			run.fact("writes/s is 'per s': answered 201 a second, all threads together; straight to the services");
		};
	}

	public static List<Integer> levels(String text) {
		List<Integer> levels = new ArrayList<>();
		for (String part : text.split(",")) {
			try {
				int level = Integer.parseInt(part.strip());
				if (level < 1 || level > 256) {
					throw new NumberFormatException();
				}
				levels.add(level);
			}
			catch (NumberFormatException ex) {
				throw new Options.UsageException("--concurrency-levels takes numbers from 1 to 256 such as 1,4,16, not '"
						+ text + "'");
			}
		}
		return List.copyOf(levels);
	}

	private static long total(Http http, PartnerToken partner, URI uri) {
		HttpResponse<String> response = http.send(Http.request(uri).header("Authorization", partner.authorization())
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return Json.read(response.body()).path("total").asLong();
	}

	/** A new organisation a call: {@code Bench Writer <tag> <i> GmbH}, its id made from the name. */
	private record OrganisationCreate(Http http, PartnerToken partner, URI service, String tag)
			implements Load.Call {

		@Override
		public HttpResponse<String> send(int index) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", "Bench Writer " + tag + " " + index + " GmbH");
			body.put("country", "DE");
			body.put("industry", "logistics");
			body.put("sizeBand", "MEDIUM");
			return http.send(Http.request(service.resolve(ORGANISATIONS))
				.header("Authorization", partner.authorization())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
				.build());
		}

		@Override
		public String check(int index, HttpResponse<String> response) {
			return response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
		}
	}
}
