package com.rapport.benchmarks.milestones;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Recording;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;
import com.rapport.benchmarks.orders.NewOrderCall;

/**
 * Issue 12's two figures, through the gateway with the partner's token:
 * <ul>
 * <li>{@code milestone-to-mail}: at {@code --rate} milestones a second (50), sent on a fixed schedule whatever the
 * answers (open loop), the time from the moment the partner's {@code POST .../milestones} is sent to the moment
 * its mail is in the recipient's box at the mail catcher (GreenMail accepts a message into the box before it
 * answers the SMTP {@code DATA}), watched over IMAP every {@code --mail-poll-ms} (20); target p99 ≤ 1 s.
 * {@code milestone-paced} is the same calls' answers.</li>
 * <li>{@code milestone-write-cN}: milestones written back to back from {@code --throughput-concurrency} (16)
 * threads, {@code --requests} of them; its {@code per s} is the write rate, target ≥ 300/s.</li>
 * </ul>
 * Orders of {@code --customer-id} (initech-logistics of the demo, whose contact Petra Vogel,
 * {@code --mail-to}, takes every order mail in English by default) are created first ({@code order-create}), each
 * paced milestone a step none of its order's earlier ones is above, so that every one is notified. Run with the
 * gateway's partner budget raised ({@code --up} does).
 */
public final class Milestones implements Scenario {

	static final String ORDERS = "/api/orders/v1/orders";

	/** The steps the paced milestones take, in rank order; each is mailed, none goes backwards. */
	static final List<String> STEPS = List.of("CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "PACKED", "SHIPPED",
			"OUT_FOR_DELIVERY");

	/** How the English mail names each step: its subject is {@code Order <number>: <step>}. */
	static final Map<String, String> SAID = Map.of("CONFIRMED", "confirmed", "IN_PRODUCTION", "in production",
			"QUALITY_CHECK", "in quality check", "PACKED", "packed", "SHIPPED", "shipped", "OUT_FOR_DELIVERY",
			"out for delivery", "EXCEPTION", "held up by an exception");

	@Override
	public String name() {
		return "milestones";
	}

	@Override
	public String summary() {
		return "milestone writes/s through the gateway, and at 50/s the time from the partner's request to its mail";
	}

	@Override
	public String usage() {
		return """
				  --customer-id ID         the organisation of the orders (initech-logistics, demo data)
				  --mail-to ADDRESS        its contact whose mails are watched (petra.vogel@initech.example)
				  --imap-host H --imap-port P
				                           the mail catcher's IMAP (localhost, 3143)
				  --rate N                 paced milestones a second (50)
				  --seconds N              how long they are paced (20)
				  --mail-poll-ms N         how often the box is looked at (20)
				  --mail-wait-seconds N    how long after the last paced milestone its mails may take (30)
				  --throughput-concurrency C
				                           threads writing at once in the rate pass (16); --concurrency is not used
				  --partner NAME --partner-secret SECRET
				                           the partner client (partner-demo / partner-demo-secret; needs orders.write)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		if (options.string("concurrency", null) != null) {
			throw new Options.UsageException("milestones paces its calls (--rate) and writes at --throughput-concurrency,"
					+ " not --concurrency");
		}
		String customerId = options.string("customer-id", "initech-logistics");
		String mailTo = options.string("mail-to", "petra.vogel@initech.example");
		String imapHost = options.string("imap-host", "localhost");
		int imapPort = options.integer("imap-port", 3143, 1, 65535);
		int rate = options.integer("rate", 50, 1, 1000);
		int seconds = options.integer("seconds", 20, 1, 600);
		int pollMillis = options.integer("mail-poll-ms", 20, 1, 1000);
		int mailWait = options.integer("mail-wait-seconds", 30, 1, 600);
		int concurrency = options.integer("throughput-concurrency", 16, 1, 256);
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		return () -> {
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			URI orders = run.gateway().resolve(ORDERS);
			String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
			run.fact("load average at the start: " + loadAverage());
			int paced = rate * seconds;
			// Enough orders that one order's paced milestones are seconds apart (never two in flight at once).
			int orderCount = Math.max(1, Math.min(paced, Math.max(rate * 3, (paced + STEPS.size() - 1) / STEPS.size())));
			String prefix = "M-" + tag;
			run.out().printf("Creating %d orders of %s (run tag %s)%n", orderCount, customerId, tag);
			Recording created = run.measure("order-create", new Load.Settings(0, orderCount, 8),
					new NewOrderCall(http, partner, orders, customerId, prefix));
			if (created.summary().errors() > 0) {
				throw new IllegalStateException("orders could not be created: " + created.summary().errorsByReason());
			}

			Recording answers = new Recording("milestone-paced");
			Recording toMail = new Recording("milestone-to-mail");
			Map<String, Long> sentAt = new ConcurrentHashMap<>();
			Map<String, Long> seenAt = new ConcurrentHashMap<>();
			try (MailWatch mail = new MailWatch(imapHost, imapPort, mailTo)) {
				mail.skipExisting();
				ScheduledExecutorService senders = Executors.newScheduledThreadPool(32);
				long start = System.nanoTime();
				long interval = 1_000_000_000L / rate;
				AtomicLong done = new AtomicLong();
				for (int k = 0; k < paced; k++) {
					int call = k;
					senders.schedule(() -> {
						String number = prefix + "-" + (call % orderCount);
						String step = STEPS.get(Math.min(call / orderCount, STEPS.size() - 1));
						String key = "Order " + number + ": " + SAID.get(step);
						long t0 = System.nanoTime();
						sentAt.put(key, t0);
						try {
							HttpResponse<String> response = milestone(http, partner, orders, customerId, number,
									prefix + "-p" + call, step);
							answers.record(null, System.nanoTime() - t0,
									response.statusCode() == 201 ? null : "HTTP " + response.statusCode());
						}
						catch (RuntimeException ex) {
							answers.record(null, System.nanoTime() - t0, ex.getClass().getSimpleName());
						}
						done.incrementAndGet();
					}, start + k * interval - System.nanoTime(), TimeUnit.NANOSECONDS);
				}
				long mailDeadline = start + (long) seconds * 1_000_000_000L + (long) mailWait * 1_000_000_000L;
				while (System.nanoTime() < mailDeadline && (done.get() < paced || seenAt.size() < paced)) {
					mail.poll((seen, subject) -> {
						if (sentAt.containsKey(subject)) {
							seenAt.putIfAbsent(subject, seen);
						}
					});
					Http.sleep(pollMillis);
				}
				senders.shutdown();
				senders.awaitTermination(30, TimeUnit.SECONDS);
				long elapsed = System.nanoTime() - start;
				sentAt.forEach((subject, t0) -> {
					Long seen = seenAt.get(subject);
					toMail.record(null, seen == null ? 0 : seen - t0, seen == null ? "no mail within " + mailWait + " s" : null);
				});
				run.add(answers, elapsed);
				run.add(toMail, elapsed);
			}

			Recording writes = run.measure("milestone-write-c" + concurrency,
					new Load.Settings(run.settings().warmup(), run.settings().requests(), concurrency),
					new MilestoneCall(http, partner, orders, customerId, prefix, orderCount));
			run.fact("load average at the end: " + loadAverage());
			Recording.Summary mailed = toMail.summary();
			Recording.Summary rated = writes.summary();
			Map<String, Object> targets = new LinkedHashMap<>();
			targets.put("writesPerSecond", rated.perSecond());
			targets.put("writesTargetPerSecond", 300);
			targets.put("requestToMailP99Ms", mailed.p99Ms());
			targets.put("requestToMailTargetP99Ms", 1000);
			targets.put("pacedRatePerSecond", rate);
			targets.put("ordersCreated", orderCount);
			run.put("targets", targets);
			run.concurrency(rate + " milestones/s paced (open loop), then " + concurrency + " writers at once");
			run.fact(String.format(Locale.ROOT, "writes: %s /s (target ≥ 300); request to mail at %d/s: p99 %s ms "
					+ "(target ≤ 1000)", rated.perSecond(), rate, mailed.p99Ms()));
			run.fact("through the gateway " + run.gateway() + "; mails of " + mailTo + " watched over IMAP "
					+ imapHost + ":" + imapPort + " every " + pollMillis + " ms");
		};
	}

	static HttpResponse<String> milestone(Http http, PartnerToken partner, URI orders, String customerId,
			String number, String eventId, String code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customerId);
		body.put("eventId", eventId);
		body.put("code", code);
		body.put("occurredAt", Instant.now().toString());
		body.put("place", "Berlin");
		return http.send(Http.request(orders.resolve(ORDERS + "/" + number + "/milestones"))
			.header("Authorization", partner.authorization()).header("Content-Type", "application/json")
			.header("Idempotency-Key", eventId).POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
	}

	/** The system's load average (1, 5, 15 min), as the run saw it; empty where /proc is not. */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/** A milestone a call to one of the orders in turn, each a new event (an exception report, always told). */
	private record MilestoneCall(Http http, PartnerToken partner, URI orders, String customerId, String prefix,
			int orderCount) implements Load.Call {

		@Override
		public HttpResponse<String> send(int index) {
			return milestone(http, partner, orders, customerId, prefix + "-" + (index % orderCount), prefix + "-w" + index,
					"EXCEPTION");
		}

		@Override
		public String check(int index, HttpResponse<String> response) {
			return response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
		}
	}
}
