package com.rapport.benchmarks.customer360;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.PartnerToken;

import tools.jackson.databind.JsonNode;

/**
 * Seeds the sample organisations as a partner system would, from a few threads, through the gateway: in batches
 * of organisations with their contacts ({@code POST .../organisations:batch}, a supplier's ERP loading its
 * customers at go-live), or one at a time ({@code PUT .../organisations/external/{key}}, the idempotent upsert,
 * then each contact with {@code PUT .../contacts/external/{key}}). A repeat of an organisation already there
 * changes nothing, so an interrupted seeding can simply run again. Over the partner's request budget the gateway
 * answers {@code 429}: the seeder waits as {@code Retry-After} says.
 */
final class Seeder {

	private static final String ORGANISATIONS = "/api/customers/v1/organisations";

	/** Failed organisations after which seeding stops: the data would not be the data the report names. */
	private static final int MAX_FAILURES = 20;

	private static final int TRANSPORT_ATTEMPTS = 3;

	private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

	/** The gateway gives up on a request after 30 s; a batch gets as long, the harness waits a little longer. */
	private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(45);

	private final Http http;

	private final PartnerToken partner;

	private final URI gateway;

	private final SampleData data;

	private final PrintStream out;

	Seeder(Http http, PartnerToken partner, URI gateway, SampleData data, PrintStream out) {
		this.http = http;
		this.partner = partner;
		this.gateway = gateway;
		this.data = data;
		this.out = out;
	}

	SampleData data() {
		return data;
	}

	/**
	 * What seeding did; {@code complete} is false when it stopped at its time limit, {@code throttled} counts the
	 * answers that said to wait ({@code 429}, {@code 503}).
	 */
	record Result(int from, int to, boolean complete, int organisations, int contacts, int requests, double seconds,
			double organisationsPerSecond, double requestsPerSecond, long throttled, double throttledSeconds) {
	}

	/**
	 * Upserts organisations {@code from} (inclusive) to {@code to} with their contacts, their ids going to
	 * {@code ids}, {@code batch} organisations a request (0: one request per organisation and per contact); no
	 * new organisation is started after {@code minutes} (0: no limit), and those started are finished.
	 */
	Result seed(int from, int to, int batch, int threads, int minutes, AtomicReferenceArray<String> ids)
			throws InterruptedException {
		long deadline = minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + minutes * 60_000_000_000L;
		AtomicInteger next = new AtomicInteger(from);
		AtomicInteger organisations = new AtomicInteger();
		AtomicInteger contacts = new AtomicInteger();
		AtomicInteger requests = new AtomicInteger();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long throttledBefore = http.throttled();
		long throttledMillisBefore = http.throttledMillis();
		long started = System.nanoTime();
		int step = Math.max(batch, 1);
		Runnable worker = () -> {
			for (int i = next.getAndAdd(step); i < to && failures.size() < MAX_FAILURES
					&& System.nanoTime() < deadline; i = next.getAndAdd(step)) {
				int end = Math.min(i + step, to);
				try {
					if (batch > 0) {
						Stored stored = batch(i, end, ids, failures);
						requests.incrementAndGet();
						organisations.addAndGet(stored.organisations());
						contacts.addAndGet(stored.contacts());
					}
					else {
						contacts.addAndGet(oneByOne(i, ids, requests));
						organisations.incrementAndGet();
					}
				}
				catch (RuntimeException ex) {
					failures.add(SampleData.externalId(i) + (end - i > 1 ? " to " + SampleData.externalId(end - 1) : "")
							+ ": " + ex.getMessage());
				}
			}
		};
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(worker, "seeder-" + t);
			thread.start();
			workers.add(thread);
		}
		long lastProgress = started;
		for (Thread thread : workers) {
			while (thread.isAlive()) {
				thread.join(500);
				if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
					lastProgress = System.nanoTime();
					progress(organisations.get(), to - from, requests.get(), lastProgress - started);
				}
			}
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("seeding failed for " + failures.size() + " organisation(s), stopped:\n  "
					+ String.join("\n  ", failures.stream().limit(5).toList()));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Result(from, to, organisations.get() == to - from, organisations.get(), contacts.get(),
				requests.get(), round(seconds),
				round(organisations.get() / seconds), round(requests.get() / seconds), http.throttled() - throttledBefore,
				round((http.throttledMillis() - throttledMillisBefore) / 1000.0));
	}

	/** Organisation {@code i} and then its contacts, one request each; answers the number of contacts. */
	private int oneByOne(int i, AtomicReferenceArray<String> ids, AtomicInteger requests) {
		SampleData.Organisation organisation = data.organisation(i);
		HttpResponse<String> answer = upsert(organisation);
		requests.incrementAndGet();
		String id = Json.read(answer.body()).path("id").asString();
		ids.set(i, id);
		for (SampleData.Contact contact : organisation.contacts()) {
			send("PUT", ORGANISATIONS + "/" + Http.encode(id) + "/contacts/external/" + contact.externalId(),
					Json.write(contact), Http.REQUEST_TIMEOUT);
			requests.incrementAndGet();
		}
		return organisation.contacts().size();
	}

	/**
	 * Organisations {@code from} to {@code to} (exclusive) with their contacts in one request; an item the
	 * service refused goes to {@code failures}.
	 */
	private Stored batch(int from, int to, AtomicReferenceArray<String> ids, ConcurrentLinkedQueue<String> failures) {
		List<SampleData.BatchItem> items = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			items.add(data.organisation(i).batchItem());
		}
		JsonNode answer = Json.read(send("POST", ORGANISATIONS + ":batch", Json.write(items), BATCH_TIMEOUT).body());
		int organisations = 0;
		int contacts = 0;
		for (JsonNode item : answer.path("items")) {
			int i = from + item.path("index").asInt();
			int status = item.path("status").asInt();
			if (status == 200 || status == 201) {
				ids.set(i, item.path("id").asString());
				organisations++;
				contacts += items.get(i - from).contacts().size();
			}
			else {
				failures.add(SampleData.externalId(i) + ": " + status + " " + item);
			}
		}
		return new Stored(organisations, contacts);
	}

	/** What one request stored. */
	private record Stored(int organisations, int contacts) {
	}

	/**
	 * Whether organisation {@code index} was in the store already: its upsert answers {@code 200}, not {@code 201}
	 * (then it is there now, without its contacts, which seeding adds when it gets to it).
	 */
	boolean existed(int index) {
		return upsert(data.organisation(index)).statusCode() == 200;
	}

	private HttpResponse<String> upsert(SampleData.Organisation organisation) {
		return send("PUT", ORGANISATIONS + "/external/" + organisation.externalId(), Json.write(organisation.profile()),
				Http.REQUEST_TIMEOUT);
	}

	/** A {@code 200} or {@code 201}, after waiting as told and a retry of a broken connection; else it throws. */
	private HttpResponse<String> send(String method, String path, String json, Duration timeout) {
		for (int attempt = 1;; attempt++) {
			try {
				HttpResponse<String> response = http.sendPolitely(Http.request(gateway.resolve(path))
					.timeout(timeout)
					.header("Authorization", partner.authorization())
					.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json))
					.build());
				if (response.statusCode() != 200 && response.statusCode() != 201) {
					throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
							+ abbreviated(response.body()));
				}
				return response;
			}
			catch (UncheckedIOException ex) {
				if (attempt >= TRANSPORT_ATTEMPTS) {
					throw ex;
				}
				Http.sleep(1000L * attempt);
			}
		}
	}

	private static String abbreviated(String body) {
		return body.length() <= 500 ? body : body.substring(0, 500) + "...";
	}

	private void progress(int done, int total, int requests, long nanos) {
		double seconds = nanos / 1e9;
		double rate = done / seconds;
		out.printf(Locale.ROOT, "  seeded %,d/%,d organisations, %,d requests, %.0f requests/s, %.1f organisations/s,"
				+ " about %s to go%n", done, total, requests, requests / seconds, rate,
				rate > 0 ? duration((total - done) / rate) : "?");
	}

	static String duration(double seconds) {
		long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
				: s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + " s";
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
