package com.rapport.benchmarks.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;

import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * One organisation's newest orders with a million orders in order-tracking-service's store:
 * {@code GET /api/orders/v1/orders?customerId=<org>&size=<n>} straight to the service with a partner token (what
 * the portal's order page and the console's 360 page ask for, over gRPC, through the same query).
 * <ul>
 * <li>{@code list-small}: random organisations among the many with about a hundred orders each;</li>
 * <li>{@code list-big}: the few organisations with ten thousand orders each.</li>
 * </ul>
 * A call fails unless it answers {@code 200} with the organisation's newest orders, newest first, and the
 * organisation's whole count as {@code total}.
 * <p>
 * Seeding a million orders through the API would take hours, so they are written into the store file: a few
 * real orders are posted through the partner API first (templates, one per stage and line count), the service
 * is stopped ({@code ./platform stop order-tracking-service}), the templates are read raw from its store and
 * cloned by {@link StoreSeeder} through the same embedded backend, and the service is started again on the
 * seeded store, where its own indexes (declared on {@code Order}) serve the queries.
 */
public final class Orders implements Scenario {

	private static final String ORDERS = "/api/orders/v1/orders";

	private static final String SERVICE = "order-tracking-service";

	@Override
	public String name() {
		return "orders";
	}

	@Override
	public String summary() {
		return "seed a million orders into order-tracking-service's store; time one organisation's newest orders";
	}

	@Override
	public String usage() {
		return """
				  --orders N               seeded orders the store must hold (1000000)
				  --organisations N        small organisations sharing the orders left after the big ones (10000)
				  --big-organisations N    organisations with --big-orders orders each (2)
				  --big-orders N           orders of each big organisation (10000)
				  --size N                 the page asked for, newest first (20; the API's most is 100)
				  --sample N               small organisations listed, chosen at random (200)
				  --seed-batch N           orders a store write while seeding (2000)
				  --seed-only              seed, do not measure
				  --seed-minutes M         stop seeding after M minutes; the same command goes on where it stopped
				  --seed-offline           seed the store file of a stopped service (no platform, no lock needed)
				                           with the templates an earlier run posted; measures nothing
				  --order-tracking-url URL order-tracking-service's own address (http://localhost:8084)
				  --store-dir DIR          order-tracking-service's store directory (<--data-dir>/order-tracking-service,
				                           else $RAPPORT_DATA_DIR/order-tracking-service)
				  --platform PATH          the ./platform script that stops and starts the service for seeding
				                           (the repository's, which run.sh passes)
				  --template-customer-id ID
				                           the existing organisation the template orders are posted for (acme-retail)
				  --partner NAME --partner-secret SECRET
				                           the partner client (partner-demo / partner-demo-secret; needs orders.read
				                           and orders.write)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		int orders = options.integer("orders", 1_000_000, 1);
		int organisations = options.integer("organisations", 10_000, 1);
		int bigOrganisations = options.integer("big-organisations", 2, 0);
		int bigOrders = options.integer("big-orders", 10_000, 1);
		int size = options.integer("size", 20, 1, 100);
		int sample = options.integer("sample", 200, 1);
		int seedBatch = options.integer("seed-batch", 2000, 1, 100_000);
		boolean seedOnly = options.flag("seed-only");
		int seedMinutes = options.integer("seed-minutes", 0, 0);
		boolean seedOffline = options.flag("seed-offline");
		URI service = URI.create(options.string("order-tracking-url", "http://localhost:8084"));
		String dataDir = options.string("data-dir", System.getenv("RAPPORT_DATA_DIR"));
		String storeDir = options.string("store-dir", dataDir == null ? null : dataDir + "/" + SERVICE);
		String platform = options.string("platform",
				System.getProperty("bench.repo") == null ? null : System.getProperty("bench.repo") + "/platform");
		String templateCustomer = options.string("template-customer-id", "acme-retail");
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		OrderPlan plan;
		try {
			plan = new OrderPlan(orders, organisations, bigOrganisations, bigOrders);
		}
		catch (IllegalArgumentException ex) {
			throw new Options.UsageException(ex.getMessage());
		}
		if (seedOffline && storeDir == null) {
			throw new Options.UsageException("--seed-offline needs --store-dir, --data-dir or RAPPORT_DATA_DIR");
		}
		return () -> {
			if (seedOffline) {
				seedOffline(run, plan, templateCustomer, storeDir, seedBatch, seedMinutes);
				return;
			}
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			Lister lister = new Lister(http, partner, service, size);
			boolean complete = seed(run, plan, lister, templateCustomer, storeDir, platform, seedBatch, seedMinutes);
			if (seedOnly || !complete) {
				return;
			}
			Random random = new Random(run.randomSeed());
			List<Integer> small = new ArrayList<>();
			for (int i = 0; i < sample; i++) {
				small.add(bigOrganisations + random.nextInt(organisations));
			}
			run.out().println("Measuring:");
			run.measure("list-small", lister.call(plan, n -> small.get(n % small.size())));
			if (bigOrganisations > 0) {
				run.measure("list-big", lister.call(plan, n -> n % bigOrganisations));
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("seededOrders", orders);
			data.put("smallOrganisations", organisations);
			data.put("ordersPerSmallOrganisation", minMax(plan, bigOrganisations, bigOrganisations + organisations));
			data.put("bigOrganisations", bigOrganisations);
			data.put("ordersPerBigOrganisation", bigOrders);
			data.put("pageSize", size);
			run.put("data", data);
			run.fact(String.format(Locale.ROOT, "data: %,d seeded orders: %,d organisations with %s orders each, %d with "
					+ "%,d; page of %d newest first, straight to %s", orders, organisations,
					minMax(plan, bigOrganisations, bigOrganisations + organisations), bigOrganisations, bigOrders, size,
					service));
		};
	}

	private static String minMax(OrderPlan plan, int from, int to) {
		int min = Integer.MAX_VALUE;
		int max = 0;
		for (int organisation = from; organisation < to; organisation++) {
			min = Math.min(min, plan.ordersOf(organisation));
			max = Math.max(max, plan.ordersOf(organisation));
		}
		return min == max ? String.valueOf(min) : min + "–" + max;
	}

	/**
	 * Seeds unless the store holds the whole plan (the big organisation and the last order's have all theirs);
	 * answers whether it does now.
	 */
	private static boolean seed(Run run, OrderPlan plan, Lister lister, String templateCustomer, String storeDir,
			String platform, int batch, int minutes) throws IOException, InterruptedException {
		Map<String, Object> seeding = new LinkedHashMap<>();
		int last = plan.organisationOf(plan.orders() - 1);
		boolean complete = lister.total(plan.customerId(0)) == plan.ordersOf(0)
				&& lister.total(plan.customerId(last)) == plan.ordersOf(last);
		if (complete) {
			run.out().printf("The store holds the plan's %,d orders: seeding skipped.%n", plan.orders());
			seeding.put("skipped", true);
			run.put("seeding", seeding);
			return true;
		}
		if (storeDir == null || platform == null) {
			throw new Options.UsageException("seeding writes into order-tracking-service's store while it is stopped: "
					+ "give --data-dir (run.sh --up does) or --store-dir, and --platform");
		}
		Map<String, PartnerOrders.Stage> stageOf = postTemplates(run, lister, templateCustomer);
		run.out().printf("Stopping %s to write into its store %s%n", SERVICE, storeDir);
		platform(platform, "stop");
		StoreSeeder.Result result;
		try (EmbeddedStore store = EmbeddedStore.open(Path.of(storeDir, "mongo.mv"))) {
			Map<PartnerOrders.Stage, List<Document>> templates = StoreSeeder.templates(store, templateCustomer,
					List.copyOf(stageOf.keySet()), stageOf);
			result = new StoreSeeder(run.out()).seed(store, plan, templates, batch, minutes);
		}
		finally {
			run.out().printf("Starting %s again%n", SERVICE);
			platform(platform, "start");
		}
		report(run, seeding, result, batch);
		if (result.complete() && lister.total(plan.customerId(0)) != plan.ordersOf(0)) {
			throw new IllegalStateException("after seeding, the service does not list " + plan.customerId(0) + "'s "
					+ plan.ordersOf(0) + " orders");
		}
		return result.complete();
	}

	/** Seeds the store file with no platform: the templates must be in it (posted by an earlier run). */
	private static void seedOffline(Run run, OrderPlan plan, String templateCustomer, String storeDir, int batch,
			int minutes) {
		Map<String, PartnerOrders.Stage> stageOf = new LinkedHashMap<>();
		for (PartnerOrders.Stage stage : PartnerOrders.Stage.values()) {
			for (int variant = 0; variant < 3; variant++) {
				stageOf.put(templateNumber(stage, variant), stage);
			}
		}
		StoreSeeder.Result result;
		try (EmbeddedStore store = EmbeddedStore.open(Path.of(storeDir, "mongo.mv"))) {
			Map<PartnerOrders.Stage, List<Document>> templates = StoreSeeder.templates(store, templateCustomer,
					List.copyOf(stageOf.keySet()), stageOf);
			result = new StoreSeeder(run.out()).seed(store, plan, templates, batch, minutes);
		}
		report(run, new LinkedHashMap<>(), result, batch);
	}

	private static void report(Run run, Map<String, Object> seeding, StoreSeeder.Result result, int batch) {
		run.out().printf(Locale.ROOT, "Seeded %,d orders in %.1f s: %.0f orders/s%s%n", result.ordersSeeded(),
				result.seconds(), result.ordersPerSecond(), result.complete() ? ""
						: "; stopped at the time limit, nothing measured: the same command goes on");
		seeding.put("skipped", false);
		seeding.put("result", result);
		seeding.put("batch", batch);
		run.put("seeding", seeding);
		run.fact(String.format(Locale.ROOT, "seeding: %,d orders straight into the store file in %.1f s, %.0f orders/s "
				+ "(%,d a batch)%s", result.ordersSeeded(), result.seconds(), result.ordersPerSecond(), batch,
				result.complete() ? "" : ", stopped at the time limit"));
	}

	static String templateNumber(PartnerOrders.Stage stage, int variant) {
		return "BENCH-TEMPLATE-" + stage + "-" + (variant + 1);
	}

	/**
	 * One real order per stage and line count, posted as a partner would (a repeat finds them by their
	 * Idempotency-Key); answers their numbers with their stages.
	 */
	private static Map<String, PartnerOrders.Stage> postTemplates(Run run, Lister lister, String customerId) {
		Map<String, PartnerOrders.Stage> stageOf = new LinkedHashMap<>();
		Instant placed = Instant.now().minus(Duration.ofDays(7));
		for (PartnerOrders.Stage stage : PartnerOrders.Stage.values()) {
			for (int variant = 0; variant < 3; variant++) {
				String number = templateNumber(stage, variant);
				lister.post(PartnerOrders.body(customerId, number, placed, stage, variant), "bench-template-" + number);
				stageOf.put(number, stage);
			}
		}
		run.out().printf("Posted %d template orders for %s through the partner API%n", stageOf.size(), customerId);
		return stageOf;
	}

	private static void platform(String script, String action) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(script, action, SERVICE).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(script + " " + action + " " + SERVICE + " failed (exit code "
					+ process.exitValue() + ")");
		}
	}

	/** Which organisation call {@code n} lists. */
	private interface Choice {

		int organisation(int n);
	}

	/** The partner's calls to the service's REST API. */
	private record Lister(Http http, PartnerToken partner, URI service, int size) {

		long total(String customerId) {
			HttpResponse<String> response = get(customerId, 1);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + ORDERS + "?customerId=" + customerId + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return Json.read(response.body()).path("total").asLong();
		}

		HttpResponse<String> get(String customerId, int pageSize) {
			return http.send(Http.request(service.resolve(ORDERS + "?customerId=" + Http.encode(customerId) + "&size="
					+ pageSize)).header("Authorization", partner.authorization()).build());
		}

		void post(Map<String, Object> body, String idempotencyKey) {
			HttpResponse<String> response = http.send(Http.request(service.resolve(ORDERS))
				.header("Authorization", partner.authorization())
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", idempotencyKey)
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
				.build());
			if (response.statusCode() != 201 && response.statusCode() != 200) {
				throw new IllegalStateException("POST " + ORDERS + " answered " + response.statusCode() + ": "
						+ response.body());
			}
		}

		Load.Call call(OrderPlan plan, Choice choice) {
			return new Load.Call() {
				@Override
				public HttpResponse<String> send(int index) {
					return get(plan.customerId(choice.organisation(index)), size);
				}

				@Override
				public String check(int index, HttpResponse<String> response) {
					if (response.statusCode() != 200) {
						return "HTTP " + response.statusCode();
					}
					int organisation = choice.organisation(index);
					return Orders.check(Json.read(response.body()), plan.customerId(organisation),
							plan.ordersOf(organisation), size);
				}
			};
		}
	}

	/** Why a page is not the organisation's newest orders, or {@code null}. */
	static String check(JsonNode page, String customerId, int orders, int size) {
		if (page.path("total").asLong() != orders) {
			return "total is not the organisation's count";
		}
		JsonNode items = page.path("items");
		if (items.size() != Math.min(size, orders)) {
			return "not a full page";
		}
		String previous = null;
		for (JsonNode item : items) {
			if (!customerId.equals(item.path("customerId").asString())) {
				return "another organisation's order";
			}
			String placed = item.path("placedAt").asString();
			if (previous != null && Instant.parse(placed).isAfter(Instant.parse(previous))) {
				return "not newest first";
			}
			previous = placed;
		}
		return null;
	}
}
