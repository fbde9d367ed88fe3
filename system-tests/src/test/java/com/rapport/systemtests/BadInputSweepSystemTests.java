package com.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated bad-input sweep (issue 14): at least 10,000 malformed requests per run across every REST route
 * of the authorization matrices, through the gateway, mostly with a partner token that may write everything,
 * some with the read-only one, none or a bad one. No answer may be a 5xx, every error answer must be an RFC 9457
 * problem document with a {@code code}, no write may succeed, and what a partner sees must be the same after as
 * before. The seed is printed; {@code -Drapport.sweep.seed=...} replays a run, {@code -Drapport.sweep.size=...}
 * changes its size. It runs after the rate-limit test: it lifts the partner request budget (restarting the gateway),
 * which would spoil it; only the two-replica test, which restarts the gateway with the tests' budget, comes after.
 */
@ExtendWith(RunningPlatform.class)
@Order(Integer.MAX_VALUE - 1)
class BadInputSweepSystemTests {

	private static final int SIZE = Integer.getInteger("rapport.sweep.size", 10_000);

	private static final int CONNECTIONS = Integer.getInteger("rapport.sweep.connections", 24);

	@Test
	void noMalformedRequestGetsA5xxOrAnythingButAProblemDocumentAndNothingChanges(RunningPlatform.Started platform)
			throws Exception {
		if (platform.owned()) {
			platform.restart("gateway", Map.of("RATE_LIMIT_PARTNER_REQUESTS", String.valueOf(SIZE * 10)));
		}
		long seed = Long.getLong("rapport.sweep.seed", new Random().nextLong());
		System.out.println("Bad-input sweep: seed " + seed + " (replay with -Drapport.sweep.seed=" + seed + "), "
				+ SIZE + " requests, " + CONNECTIONS + " connections");
		Partner writer = Partner.demo();
		Partner reader = Partner.login("partner-readonly", "partner-readonly-secret");
		String before = partnerVisibleState(writer);
		MalformedRequests requests = new MalformedRequests(
				MalformedRequests.routesFromMatrices(Path.of(System.getProperty("rapport.repo", ".."))), ids(writer),
				Map.of(MalformedRequests.Caller.PARTNER_WRITE, writer.token(), MalformedRequests.Caller.PARTNER_READ,
						reader.token(), MalformedRequests.Caller.BAD_TOKEN, "not-a-token"));

		List<MalformedRequests.Case> cases = requests.generate(SIZE, seed);

		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		Map<MalformedRequests.Kind, Map<Integer, LongAdder>> byKind = Collections.synchronizedMap(
				new EnumMap<>(MalformedRequests.Kind.class));
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failureCount = new AtomicInteger();
		Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
		for (MalformedRequests.Case sweepCase : cases) {
			pool.execute(() -> {
				String problem;
				int status;
				try {
					RawHttp.Response response = RawHttp.send("localhost", 8080, sweepCase.request());
					status = response.status();
					problem = judge(sweepCase, response);
				}
				catch (Exception ex) {
					status = 0;
					problem = "no answer: " + ex;
				}
				statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
				byKind.computeIfAbsent(sweepCase.kind(), k -> new ConcurrentHashMap<>())
					.computeIfAbsent(status, s -> new LongAdder()).increment();
				if (problem != null) {
					reasons.computeIfAbsent(problem.replaceAll(":.*", ""), r -> new LongAdder()).increment();
				}
				if (problem != null && failureCount.incrementAndGet() <= 40) {
					failures.add(sweepCase.kind() + " " + sweepCase.caller() + " -> " + status + ": " + problem
							+ "\n      " + sweepCase.request().describe());
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).as("the sweep finished").isTrue();
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

		System.out.println("Bad-input sweep: " + SIZE + " requests in " + seconds + " s, seed " + seed);
		System.out.println("  status histogram: " + histogram(statuses));
		byKind.forEach((kind, counts) -> System.out.println("  " + kind + ": " + histogram(counts)));
		reasons.forEach((reason, count) -> System.out.println("  bad answers, " + reason + ": " + count.sum()));
		failures.forEach(failure -> System.out.println("  FAILED " + failure));
		String after = partnerVisibleState(Partner.demo());

		assertThat(failures).as("bad answers (%d in all; seed %d)", failureCount.get(), seed).isEmpty();
		assertThat(after).as("what a partner sees after the sweep").isEqualTo(before);
		assertThat(SIZE).isGreaterThanOrEqualTo(Integer.getInteger("rapport.sweep.size", 10_000));
	}

	/** Why an answer is wrong, or null when it is right. */
	private static String judge(MalformedRequests.Case sweepCase, RawHttp.Response response) {
		int status = response.status();
		if (status >= 500) {
			return "a server error: " + shorten(response.body());
		}
		if (status < 400) {
			// A batch answers 200 with each item's own status; it wrote nothing when it created and updated none.
			boolean batchRefusedAll = sweepCase.route().template().endsWith(":batch")
					&& response.body().contains("\"created\":0,\"updated\":0");
			return MalformedRequests.Route.isWrite(sweepCase.request().method()) && !batchRefusedAll
					? "a malformed write was accepted: " + shorten(response.body()) : null;
		}
		if (!response.contentType().startsWith("application/problem+json")) {
			return "not a problem document (" + response.contentType() + "): " + shorten(response.body());
		}
		try {
			Map<String, Object> problem = JsonPath.read(response.body(), "$");
			if (!(problem.get("type") instanceof String) || !(problem.get("title") instanceof String)
					|| !(problem.get("code") instanceof String)
					|| !Integer.valueOf(status).equals(problem.get("status"))) {
				return "a problem document without type, title, status " + status + " or code: " + shorten(response.body());
			}
		}
		catch (RuntimeException ex) {
			return "a problem document that is not JSON: " + shorten(response.body());
		}
		return null;
	}

	/** The organisations (with their versions and contacts) and the orders a partner sees. */
	private static String partnerVisibleState(Partner partner) {
		var organisations = partner.get("/api/customers/v1/organisations?size=200");
		var orders = partner.get("/api/orders/v1/orders?size=200");
		assertThat(organisations.statusCode()).isEqualTo(200);
		assertThat(orders.statusCode()).isEqualTo(200);
		List<Object> organisationState = JsonPath.read(organisations.body(),
				"$.items[*]['id','externalId','name','version','updatedAt','contacts']");
		List<Object> orderIds = JsonPath.read(orders.body(), "$.items[*].id");
		return "organisations " + JsonPath.read(organisations.body(), "$.total") + " " + organisationState
				+ "\norders " + JsonPath.read(orders.body(), "$.total") + " " + new TreeMap<>(Map.of("ids", orderIds));
	}

	private static MalformedRequests.Ids ids(Partner partner) {
		var contacts = partner.get("/api/customers/v1/organisations/acme-retail/contacts");
		var orders = partner.get("/api/orders/v1/orders?customerId=acme-retail&size=1");
		List<String> contactIds = JsonPath.read(contacts.body(), "$[*].id");
		List<String> orderIds = JsonPath.read(orders.body(), "$.items[*].id");
		return new MalformedRequests.Ids("acme-retail", contactIds.isEmpty() ? "no-contact" : contactIds.get(0),
				orderIds.isEmpty() ? "no-order" : orderIds.get(0));
	}

	private static String histogram(Map<Integer, LongAdder> counts) {
		Map<Integer, Long> sorted = new TreeMap<>();
		counts.forEach((status, count) -> sorted.put(status, count.sum()));
		return sorted.toString();
	}

	private static String shorten(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
	}
}
