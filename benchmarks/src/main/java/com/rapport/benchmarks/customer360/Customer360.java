package com.rapport.benchmarks.customer360;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.rapport.benchmarks.harness.BrowserSession;
import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;

import tools.jackson.databind.JsonNode;

/**
 * The console's customer search and 360° page on many organisations. Seeds the organisations (unless the store
 * holds enough), signs an agent in through Keycloak like a browser, and times:
 * <ul>
 * <li>{@code search-page}: {@code GET /console?q=...} through the gateway (gateway, portal-web, gRPC, the search
 * in customer-service, the rendered page);</li>
 * <li>{@code 360-page}: {@code GET /console/organisations/{id}} for random organisations of the store (profile
 * and contacts, orders from order-tracking-service, the timeline);</li>
 * <li>{@code rest-search}: the same terms at customer-service's REST API with a partner token, 50 a page like the
 * console, which leaves out the gateway, portal-web and the page, so the search itself shows.</li>
 * </ul>
 * Search terms are of five kinds, taken from random organisations of the sample: a brand (few matches), an
 * industry (thousands at 100,000), a contact's name, an email and eight digits of a phone number.
 */
public final class Customer360 implements Scenario {

	private static final String ORGANISATIONS = "/api/customers/v1/organisations";

	/** The most organisations {@code POST .../organisations:batch} takes at once. */
	private static final int MAX_BATCH = 500;

	/** Organisations whose five terms make the search's term list. */
	private static final int TERM_SOURCES = 20;

	@Override
	public String name() {
		return "customer360";
	}

	@Override
	public String summary() {
		return "seed organisations with contacts; time the console search, the 360 page and the REST search";
	}

	@Override
	public String usage() {
		return """
				  --organisations N        organisations the store must hold; seeded when it holds fewer (100000)
				  --seed-threads N         seeding requests at once (4)
				  --seed-batch N           organisations with their contacts a seeding request (POST
				                           .../organisations:batch, at most 500); 0: one PUT per organisation and
				                           per contact (200)
				  --seed-only              seed, do not measure
				  --seed-minutes M         stop seeding after M minutes; a run stopped so measures nothing, and
				                           the same command goes on where it stopped
				  --sample N               organisations whose 360 page is fetched, chosen at random (1000)
				  --customer-service-url URL
				                           customer-service's own address for rest-search (http://localhost:8082)
				  --agent NAME --agent-password PASSWORD
				                           the console user (agent.li / agent-demo-26)
				  --partner NAME --partner-secret SECRET
				                           the partner client that seeds and searches (partner-demo / partner-demo-secret)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		int organisations = options.integer("organisations", 100_000, 1);
		int seedThreads = options.integer("seed-threads", 4, 1);
		int seedBatch = options.integer("seed-batch", 200, 0, MAX_BATCH);
		boolean seedOnly = options.flag("seed-only");
		int seedMinutes = options.integer("seed-minutes", 0, 0);
		int sample = Math.min(options.integer("sample", 1000, 1), organisations);
		URI customerService = URI.create(options.string("customer-service-url", "http://localhost:8082"));
		String agent = options.string("agent", "agent.li");
		String agentPassword = options.string("agent-password", "agent-demo-26");
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		return () -> {
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			SampleData data = new SampleData();
			Seeder seeder = new Seeder(http, partner, run.gateway(), data, run.out());
			AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(organisations);
			boolean complete = seed(run, http, partner, seeder, organisations, seedBatch, seedThreads, seedMinutes,
					ids);
			if (seedOnly || !complete) {
				return;
			}
			List<String> sampleIds = sampleIds(run, http, partner, ids, organisations, sample);
			List<SampleData.Term> terms = terms(data, new Random(run.randomSeed()), organisations);
			run.out().printf("Signing in as %s through Keycloak%n", agent);
			BrowserSession console = BrowserSession.login(run.gateway(), "/console", agent, agentPassword);
			Map<SampleData.Term, Long> matches = new ConcurrentHashMap<>();
			run.out().println("Measuring:");
			measure(run, console, http, partner, customerService, terms, sampleIds, matches);
			report(run, terms, matches);
		};
	}

	/** Seeds what the store lacks; answers whether it now holds the whole sample. */
	private static boolean seed(Run run, Http http, PartnerToken partner, Seeder seeder, int organisations, int batch,
			int threads, int minutes, AtomicReferenceArray<String> ids) throws InterruptedException {
		long before = total(run.gateway(), http, partner);
		Map<String, Object> seeding = new LinkedHashMap<>();
		seeding.put("organisationsInStoreBefore", before);
		// The count includes organisations that are not the sample's (the demo's): the last one must be there too.
		boolean skip = before >= organisations && seeder.existed(organisations - 1);
		boolean complete = true;
		if (skip) {
			run.out().printf("The store holds %,d organisations (%,d wanted): seeding skipped.%n", before, organisations);
			seeding.put("skipped", true);
		}
		else {
			// Organisation i is seeded after most of those before it; starting a little before the count re-does
			// the last ones an interrupted run may have left out (a thread's batch) or without all their contacts
			// (one at a time); repeats change nothing.
			long margin = (long) threads * Math.max(batch, 10) + 100;
			int from = (int) Math.max(0, Math.min(organisations, before - margin));
			run.out().printf("The store holds %,d organisations: seeding %,d to %,d with %d threads, %s, through %s%n",
					before, from + 1, organisations, threads,
					batch > 0 ? batch + " organisations a request" : "one request per organisation and contact",
					run.gateway());
			Seeder.Result result = seeder.seed(from, organisations, batch, threads, minutes, ids);
			run.out().printf(Locale.ROOT, "Seeded %,d organisations with %,d contacts (%,d requests) in %s: "
					+ "%.1f organisations/s, %.1f requests/s%s%n", result.organisations(), result.contacts(),
					result.requests(), Seeder.duration(result.seconds()), result.organisationsPerSecond(),
					result.requestsPerSecond(), result.throttled() == 0 ? ""
							: String.format(Locale.ROOT, "; told to wait %d times (%.0f s in all)", result.throttled(),
									result.throttledSeconds()));
			seeding.put("skipped", false);
			seeding.put("result", result);
			complete = result.complete();
			seeding.put("batch", batch);
			run.fact(String.format(Locale.ROOT,
					"seeding: %,d organisations with %,d contacts in %s, %.1f organisations/s (%.1f requests/s, %d "
							+ "threads, %s)",
					result.organisations(), result.contacts(), Seeder.duration(result.seconds()),
					result.organisationsPerSecond(), result.requestsPerSecond(), threads,
					batch > 0 ? batch + " organisations a request" : "one request per organisation and contact"));
		}
		long after = skip ? before : total(run.gateway(), http, partner);
		seeding.put("organisationsInStore", after);
		seeding.put("complete", complete);
		run.put("seeding", seeding);
		int contacts = 0;
		for (int i = 0; i < organisations; i++) {
			contacts += seeder.data().organisation(i).contacts().size();
		}
		Map<String, Object> size = new LinkedHashMap<>();
		size.put("organisationsInStore", after);
		size.put("sampleOrganisations", organisations);
		size.put("sampleContacts", contacts);
		run.put("data", size);
		run.fact(String.format(Locale.ROOT, "data: %,d organisations in the store, %,d of them the sample's with %,d "
				+ "contacts", after, organisations, contacts));
		if (!complete) {
			run.fact(String.format(Locale.ROOT, "seeding stopped after %d minutes, %,d organisations in the store, "
					+ "%,d wanted: nothing measured; run the same command again to go on", minutes, after, organisations));
		}
		return complete;
	}

	/** The store's organisation count, as the REST API's page answers it. */
	private static long total(URI gateway, Http http, PartnerToken partner) {
		return get(gateway, http, partner, "?size=1").path("total").asLong();
	}

	/** A page of the REST API's organisation list through the gateway. */
	private static JsonNode get(URI gateway, Http http, PartnerToken partner, String query) {
		HttpResponse<String> response = http.sendPolitely(Http.request(gateway.resolve(ORGANISATIONS + query))
			.header("Authorization", partner.authorization())
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + ORGANISATIONS + query + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return Json.read(response.body());
	}

	/**
	 * Random organisations for the 360 page: from the ids seeding answered when it seeded them all in this run,
	 * else from random pages of the REST API's list (read-only, the whole store).
	 */
	private static List<String> sampleIds(Run run, Http http, PartnerToken partner, AtomicReferenceArray<String> ids,
			int organisations, int sample) {
		Random random = new Random(run.randomSeed());
		List<String> chosen = new ArrayList<>(sample);
		if (ids.get(0) != null && ids.get(organisations - 1) != null) {
			for (int n = 0; n < sample; n++) {
				chosen.add(ids.get(random.nextInt(organisations)));
			}
			return chosen;
		}
		long started = System.nanoTime();
		int pageSize = 200;
		int pages = (int) Math.max(1, (total(run.gateway(), http, partner) + pageSize - 1) / pageSize);
		Set<String> seen = new HashSet<>();
		for (int attempt = 0; chosen.size() < sample && attempt < 4 * (sample / pageSize + 1); attempt++) {
			JsonNode page = get(run.gateway(), http, partner, "?size=" + pageSize + "&page=" + random.nextInt(pages));
			for (JsonNode organisation : page.path("items")) {
				if (chosen.size() < sample && seen.add(organisation.path("id").asString())) {
					chosen.add(organisation.path("id").asString());
				}
			}
		}
		Collections.shuffle(chosen, random);
		run.out().printf(Locale.ROOT, "Took %,d organisations from random pages of the list in %.1f s%n", chosen.size(),
				(System.nanoTime() - started) / 1e9);
		return chosen;
	}

	/** Five kinds of term from random organisations, interleaved so that every kind gets its share of calls. */
	static List<SampleData.Term> terms(SampleData data, Random random, int organisations) {
		List<SampleData.Term> terms = new ArrayList<>();
		for (int n = 0; n < TERM_SOURCES; n++) {
			terms.addAll(data.organisation(random.nextInt(organisations)).terms());
		}
		return List.copyOf(terms);
	}

	private static void measure(Run run, BrowserSession console, Http http, PartnerToken partner, URI customerService,
			List<SampleData.Term> terms, List<String> sampleIds, Map<SampleData.Term, Long> matches) {
		run.measure("search-page", new TermCall(terms) {
			@Override
			public HttpResponse<String> send(int index) {
				return console.get("/console?q=" + Http.encode(term(index).text()));
			}

			@Override
			public String check(int index, HttpResponse<String> response) {
				String failure = super.check(index, response);
				if (failure == null && !response.body().contains("class=\"search-count\"")
						&& !response.body().contains("class=\"empty\"")) {
					return "200 without a search result";
				}
				return failure;
			}
		});
		run.measure("360-page", new Load.Call() {
			@Override
			public HttpResponse<String> send(int index) {
				return console.get("/console/organisations/" + Http.encode(sampleIds.get(index % sampleIds.size())));
			}

			@Override
			public String check(int index, HttpResponse<String> response) {
				String failure = Load.Call.super.check(index, response);
				if (failure == null && response.body().contains("class=\"notice orders-unavailable\"")) {
					return "200 without orders (order-tracking-service unavailable)";
				}
				if (failure == null && response.body().contains("class=\"notice timeline-unavailable\"")) {
					return "200 without the timeline (unavailable)";
				}
				return failure;
			}
		});
		run.measure("rest-search", new TermCall(terms) {
			@Override
			public HttpResponse<String> send(int index) {
				return http.send(Http.request(customerService.resolve(ORGANISATIONS + "?size=50&q="
						+ Http.encode(term(index).text()))).header("Authorization", partner.authorization()).build());
			}

			@Override
			public String check(int index, HttpResponse<String> response) {
				String failure = super.check(index, response);
				if (failure == null) {
					matches.putIfAbsent(term(index), Json.read(response.body()).path("total").asLong());
				}
				return failure;
			}
		});
	}

	/** A search: call {@code i} uses term {@code i} of the list (round the list again), counted under its kind. */
	private abstract static class TermCall implements Load.Call {

		private final List<SampleData.Term> terms;

		TermCall(List<SampleData.Term> terms) {
			this.terms = terms;
		}

		SampleData.Term term(int index) {
			return terms.get(index % terms.size());
		}

		@Override
		public String group(int index) {
			return term(index).kind();
		}
	}

	/** The terms with their number of matches, and per kind the fewest and most. */
	private static void report(Run run, List<SampleData.Term> terms, Map<SampleData.Term, Long> matches) {
		List<Map<String, Object>> listed = new ArrayList<>();
		Map<String, long[]> range = new TreeMap<>();
		for (SampleData.Term term : terms) {
			Long count = matches.get(term);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kind", term.kind());
			row.put("term", term.text());
			row.put("matches", count);
			listed.add(row);
			if (count != null) {
				range.merge(term.kind(), new long[] { count, count },
						(a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
			}
		}
		run.put("terms", listed);
		StringBuilder line = new StringBuilder("search terms: " + terms.size() + ", organisations matched per kind:");
		range.forEach((kind, r) -> line.append(String.format(Locale.ROOT, " %s %,d–%,d;", kind, r[0], r[1])));
		run.fact(line.substring(0, line.length() - 1));
	}
}
