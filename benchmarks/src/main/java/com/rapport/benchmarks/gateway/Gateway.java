package com.rapport.benchmarks.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Recording;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;

/**
 * What the gateway costs a partner: each request made straight to order-tracking-service and through the gateway
 * with the same client-credentials token, interleaved in rounds (direct then gateway, then gateway then direct,
 * ...) so that both see the same machine, once one call at a time (latency: the p50 the gateway adds) and once
 * {@code --concurrency} calls at once (throughput: the share of the direct rate the gateway keeps):
 * <ul>
 * <li>{@code order-read}: {@code GET /api/orders/v1/orders?customerId=…&size=5}, a real read;</li>
 * <li>{@code order-list}: {@code GET /api/orders/v1/orders?customerId=…}, the issue's own request: the API's
 * default page (20 orders);</li>
 * <li>{@code order-create}: {@code POST /api/orders/v1/orders}, a real write (a new order each call, with an
 * {@code Idempotency-Key});</li>
 * <li>{@code trivial}: {@code GET /api/orders/v1/orders/<unknown id>}, answered 404 after one indexed look-up:
 * what is left is mostly the token check and the two hops.</li>
 * </ul>
 * Each call is made through the typed client generated from the order API's document ({@link ClientCalls}), as a
 * partner makes it.
 * With {@code --bare-proxy PORT} each request is also made through {@link BareProxy}, a proxy that does nothing but
 * forward, started by the scenario in a process of its own on that port and warmed first: the share no proxy keeps
 * more of on this machine, beside the gateway's.
 * Run it with the gateway's budgets raised ({@code --up} does), or every call past the budget is a 429.
 */
public final class Gateway implements Scenario {

	static final String ORDERS = "/api/orders/v1/orders";

	static final List<String> REQUESTS = List.of("order-read", "order-list", "order-create", "trivial");

	@Override
	public String name() {
		return "gateway";
	}

	@Override
	public String summary() {
		return "the same partner requests straight to the service and through the gateway: p50 added, share of throughput kept";
	}

	@Override
	public String usage() {
		return """
				  --order-tracking-url URL order-tracking-service's own address (http://localhost:8084)
				  --customer-id ID         the organisation whose orders are read and written (acme-retail)
				  --rounds N               interleaved rounds of each request, each way (3)
				  --throughput-concurrency C
				                           calls at once in the throughput pass (8); --concurrency is not used
				  --only R                 some of order-read,order-list,order-create,trivial
				                           (all)
				  --bare-proxy PORT        also through a proxy that does nothing (BareProxy), started on PORT (off)
				  --bare-proxy-warmup N    calls of each read through it before measuring, 8 at once (5000)
				  --partner NAME --partner-secret SECRET
				                           the partner client (partner-demo / partner-demo-secret; needs orders.read
				                           and orders.write)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		if (options.string("concurrency", null) != null) {
			throw new Options.UsageException("gateway measures one at a time and at --throughput-concurrency, not "
					+ "--concurrency");
		}
		URI direct = URI.create(options.string("order-tracking-url", "http://localhost:8084"));
		URI gateway = run.gateway();
		String customerId = options.string("customer-id", "acme-retail");
		int rounds = options.integer("rounds", 3, 1, 20);
		int concurrency = options.integer("throughput-concurrency", 8, 2, 256);
		List<String> only = List.of(options.string("only", String.join(",", REQUESTS)).split(","));
		for (String request : only) {
			if (!REQUESTS.contains(request)) {
				throw new Options.UsageException("--only takes some of " + String.join(",", REQUESTS) + ", not '"
						+ request + "'");
			}
		}
		int bareProxyPort = options.integer("bare-proxy", 0, 0, 65535);
		int bareProxyWarmup = options.integer("bare-proxy-warmup", 5000, 0, 1_000_000);
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		return () -> {
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			Map<String, ClientCalls> clients = new LinkedHashMap<>();
			clients.put("direct", new ClientCalls(direct, partner));
			clients.put("gateway", new ClientCalls(gateway, partner));
			Process bare = null;
			if (bareProxyPort > 0) {
				bare = startBareProxy(bareProxyPort, direct);
				URI bareUri = URI.create("http://localhost:" + bareProxyPort);
				clients.put("bare", new ClientCalls(bareUri, partner));
				warm(clients.get("bare"), only, customerId, bareProxyWarmup, concurrency);
				run.fact("a proxy that does nothing (BareProxy, its own JVM: " + javaCommand() + " -Xmx256m): " + bareUri
						+ ", warmed by " + bareProxyWarmup + " calls of each read");
			}
			List<String> allWays = List.copyOf(clients.keySet());
			try {
			String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
			Load.Settings latency = new Load.Settings(run.settings().warmup(), run.settings().requests(), 1);
			Load.Settings throughput = new Load.Settings(run.settings().warmup(), run.settings().requests(), concurrency);
			Map<String, Map<String, List<Recording.Summary>>> results = new LinkedHashMap<>();
			for (String request : only) {
				for (String pass : List.of("latency", "throughput")) {
					Load.Settings settings = pass.equals("latency") ? latency : throughput;
					for (int round = 1; round <= rounds; round++) {
						// Rotate who goes first, so that none always runs on a warmer or a busier machine.
						List<String> ways = rotated(allWays, round - 1);
						for (String way : ways) {
							String name = request + "-" + pass + "-" + way + "-r" + round;
							// Order numbers and keys stay short: G-<run tag>-<request><pass><way><round>-<i>.
							String code = (REQUESTS.indexOf(request) + pass.substring(0, 1) + way.substring(0, 1) + round)
								.toUpperCase(Locale.ROOT);
							Load.Call call = call(request, clients.get(way), customerId, tag + "-" + code);
							Recording recording = run.measure(name, settings, call);
							results.computeIfAbsent(request + " " + pass, k -> new LinkedHashMap<>())
								.computeIfAbsent(way, k -> new ArrayList<>()).add(recording.summary());
						}
					}
				}
			}
			List<Map<String, Object>> ratios = ratios(results);
			run.put("ratios", ratios);
			for (Map<String, Object> row : ratios) {
				run.fact(String.format(Locale.ROOT, "%-26s %s", row.get("request"), row.get("says")));
			}
			run.concurrency("1 (latency) and " + concurrency + " (throughput) requests at once, " + rounds
					+ " interleaved rounds each way");
			run.fact("direct: " + direct + "; through the gateway: " + gateway + "; same partner token");
			}
			finally {
				if (bare != null) {
					bare.destroy();
					bare.waitFor(10, TimeUnit.SECONDS);
				}
			}
		};
	}

	static List<String> rotated(List<String> ways, int by) {
		List<String> rotated = new ArrayList<>(ways);
		java.util.Collections.rotate(rotated, -(by % ways.size()));
		return rotated;
	}

	private static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** {@link BareProxy} in a JVM of its own, from the harness's own jar, once it accepts connections. */
	private static Process startBareProxy(int port, URI target) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(javaCommand(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				"-Dloader.main=" + BareProxy.class.getName(), "org.springframework.boot.loader.launch.PropertiesLauncher",
				String.valueOf(port), target.toString().replaceAll("/$", ""))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < until) {
			if (!process.isAlive()) {
				throw new IllegalStateException("BareProxy ended with " + process.exitValue() + " (port " + port
						+ " taken?)");
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 500);
				return process;
			}
			catch (IOException notYet) {
				Thread.sleep(200);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("BareProxy did not listen on " + port + " within 60 s");
	}

	/** {@code calls} calls of each read among {@code requests} through {@code client}, {@code concurrency} at once. */
	private static void warm(ClientCalls client, List<String> requests, String customerId, int calls, int concurrency)
			throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		try {
			for (String request : requests) {
				if (request.equals("order-create")) {
					continue; // no orders made only to warm up
				}
				Load.Call call = call(request, client, customerId, "warm");
				AtomicInteger next = new AtomicInteger();
				for (int t = 0; t < concurrency; t++) {
					threads.submit(() -> {
						for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
							call.send(i);
						}
						return null;
					});
				}
			}
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(10, TimeUnit.MINUTES);
		}
	}

	static Load.Call call(String request, ClientCalls client, String customerId, String tag) {
		return switch (request) {
			case "order-read" -> client.read(customerId);
			case "order-list" -> client.list(customerId);
			case "order-create" -> client.create(customerId, "G-" + tag);
			case "trivial" -> client.unknown("no-such-order-" + tag);
			default -> throw new IllegalArgumentException(request);
		};
	}

	/**
	 * Per request and pass: the median over the rounds of each way's p50, the p50 the gateway adds, both ways'
	 * rates (all rounds' successful calls over their time) and the share of the direct rate the gateway keeps.
	 */
	static List<Map<String, Object>> ratios(Map<String, Map<String, List<Recording.Summary>>> results) {
		List<Map<String, Object>> rows = new ArrayList<>();
		results.forEach((key, ways) -> {
			List<Recording.Summary> direct = ways.getOrDefault("direct", List.of());
			List<Recording.Summary> gateway = ways.getOrDefault("gateway", List.of());
			Double directP50 = median(direct.stream().map(Recording.Summary::p50Ms).toList());
			Double gatewayP50 = median(gateway.stream().map(Recording.Summary::p50Ms).toList());
			Double directRate = rate(direct);
			Double gatewayRate = rate(gateway);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("request", key);
			row.put("directP50Ms", directP50);
			row.put("gatewayP50Ms", gatewayP50);
			Double added = directP50 == null || gatewayP50 == null ? null : round(gatewayP50 - directP50);
			row.put("p50AddedMs", added);
			row.put("directPerSecond", directRate);
			row.put("gatewayPerSecond", gatewayRate);
			Double kept = directRate == null || gatewayRate == null || directRate == 0 ? null
					: round(100 * gatewayRate / directRate);
			row.put("throughputKeptPercent", kept);
			String says = String.format(Locale.ROOT, "p50 %s → %s ms (+%s); %s → %s /s (%s %% kept)", directP50,
					gatewayP50, added, directRate, gatewayRate, kept);
			List<Recording.Summary> bare = ways.getOrDefault("bare", List.of());
			if (!bare.isEmpty()) {
				Double bareP50 = median(bare.stream().map(Recording.Summary::p50Ms).toList());
				Double bareRate = rate(bare);
				Double bareAdded = directP50 == null || bareP50 == null ? null : round(bareP50 - directP50);
				Double bareKept = directRate == null || bareRate == null || directRate == 0 ? null
						: round(100 * bareRate / directRate);
				row.put("bareP50Ms", bareP50);
				row.put("bareP50AddedMs", bareAdded);
				row.put("barePerSecond", bareRate);
				row.put("bareKeptPercent", bareKept);
				says += String.format(Locale.ROOT, "; a proxy doing nothing: +%s ms, %s %% kept", bareAdded, bareKept);
			}
			row.put("says", says);
			rows.add(row);
		});
		return rows;
	}

	static Double median(List<Double> values) {
		List<Double> known = values.stream().filter(v -> v != null).sorted().toList();
		if (known.isEmpty()) {
			return null;
		}
		int middle = known.size() / 2;
		return known.size() % 2 == 1 ? known.get(middle) : round((known.get(middle - 1) + known.get(middle)) / 2);
	}

	/** All rounds together: the mean of the rounds' rates, each over its own wall-clock time. */
	static Double rate(List<Recording.Summary> rounds) {
		List<Double> rates = rounds.stream().map(Recording.Summary::perSecond).filter(r -> r != null).toList();
		return rates.isEmpty() ? null : round(rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
