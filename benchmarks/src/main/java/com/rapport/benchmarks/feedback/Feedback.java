package com.rapport.benchmarks.feedback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.rapport.benchmarks.harness.BrowserSession;
import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;
import com.rapport.benchmarks.orders.EmbeddedStore;
import com.rapport.benchmarks.writes.Writes;
import org.jsoup.Jsoup;

/**
 * Issue 10's two figures of the feedback service:
 * <ul>
 * <li>{@code dashboard}, {@code dashboard-region}: the console's KPI dashboard ({@code /console/dashboard}, by tier
 * and by region) signed in as a manager, with a million answers in feedback-service's store; the page reads the
 * monthly roll-ups, never the answers;</li>
 * <li>{@code answer-post-cN}: answers recorded a second through the gateway, {@code POST /api/feedback/v1/responses}
 * with the partner's token at 1, 4 and 16 calls at once, each a new response id ({@code 201}, not replayed), and
 * {@code answer-replay-c1}: the first level's answers sent again ({@code 201} with {@code Idempotent-Replayed}).</li>
 * </ul>
 * The million answers are written straight into the service's store file while it is stopped ({@link AnswerSeeder}),
 * with the roll-ups the service would have kept for them.
 */
public final class Feedback implements Scenario {

	static final String RESPONSES = "/api/feedback/v1/responses";

	static final String SERVICE = "feedback-service";

	@Override
	public String name() {
		return "feedback";
	}

	@Override
	public String summary() {
		return "a million answers seeded into feedback-service's store: the console dashboard's p95; answers/s through "
				+ "the gateway at 1, 4, 16 at once";
	}

	@Override
	public String usage() {
		return """
				  --answers N              seeded answers the store must hold (1000000)
				  --until INSTANT          the seeded answers are given over --days before it (2026-12-08T00:00:00Z)
				  --days N                 (365)
				  --growth-organisations N spread the answers over the growth clones growth-000001..N (a growth store)
				                           instead of the six demo organisations (0)
				  --seed-batch N           answers a store write while seeding (2000)
				  --seed-only              seed, do not measure
				  --seed-minutes M         stop seeding after M minutes; the same command goes on where it stopped
				  --seed-offline           seed the store file of a stopped feedback-service (no platform, no lock);
				                           measures nothing
				  --store-dir DIR          feedback-service's store directory (<--data-dir>/feedback-service, else
				                           $RAPPORT_DATA_DIR/feedback-service)
				  --platform PATH          the ./platform script that stops and starts the service for seeding
				  --only WHAT              dashboard or answers: measure only that part (both)
				  --concurrency-levels L   calls at once of answer-post, one measurement each (1,4,16)
				  --manager, --manager-password
				                           the console user of the dashboard (manager.wang / manager-demo-26)
				  --partner NAME --partner-secret SECRET
				                           the partner client (partner-demo / partner-demo-secret; feedback.read and
				                           feedback.write)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		int answers = options.integer("answers", 1_000_000, 1, 9_999_999);
		Instant until;
		try {
			until = Instant.parse(options.string("until", "2026-12-08T00:00:00Z"));
		}
		catch (DateTimeParseException ex) {
			throw new Options.UsageException("--until takes an instant such as 2026-12-08T00:00:00Z");
		}
		int days = options.integer("days", 365, 1, 3660);
		int growth = options.integer("growth-organisations", 0, 0, 999_999);
		int seedBatch = options.integer("seed-batch", 2000, 1, 100_000);
		boolean seedOnly = options.flag("seed-only");
		int seedMinutes = options.integer("seed-minutes", 0, 0);
		boolean seedOffline = options.flag("seed-offline");
		String dataDir = options.string("data-dir", System.getenv("RAPPORT_DATA_DIR"));
		String storeDir = options.string("store-dir", dataDir == null ? null : dataDir + "/" + SERVICE);
		String platform = options.string("platform",
				System.getProperty("bench.repo") == null ? null : System.getProperty("bench.repo") + "/platform");
		String only = options.string("only", "");
		if (!only.isEmpty() && !only.equals("dashboard") && !only.equals("answers")) {
			throw new Options.UsageException("--only takes dashboard or answers, not '" + only + "'");
		}
		List<Integer> levels = Writes.levels(options.string("concurrency-levels", "1,4,16"));
		String manager = options.string("manager", "manager.wang");
		String managerPassword = options.string("manager-password", "manager-demo-26");
		String partnerClient = options.string("partner", "partner-demo");
		String partnerSecret = options.string("partner-secret", "partner-demo-secret");
		AnswerPlan plan = new AnswerPlan(answers,
				growth > 0 ? AnswerPlan.growthClones(growth) : AnswerPlan.DEMO_ORGANISATIONS, until, days);
		if (seedOffline && storeDir == null) {
			throw new Options.UsageException("--seed-offline needs --store-dir, --data-dir or RAPPORT_DATA_DIR");
		}
		return () -> {
			if (seedOffline) {
				AnswerSeeder.Result result;
				try (EmbeddedStore store = EmbeddedStore.open(Path.of(storeDir, "mongo.mv"))) {
					result = new AnswerSeeder(run.out()).seed(store, plan, seedBatch, seedMinutes,
							segments(store, storeDir, run.out()));
				}
				report(run, new LinkedHashMap<>(), result, seedBatch);
				return;
			}
			Http http = Http.plain();
			PartnerToken partner = new PartnerToken(http, run.keycloak(), partnerClient, partnerSecret);
			Partner api = new Partner(http, partner, run.gateway().resolve(RESPONSES));
			boolean complete = seed(run, plan, api, storeDir, platform, seedBatch, seedMinutes);
			if (seedOnly || !complete) {
				return;
			}
			run.out().println("Measuring:");
			if (!only.equals("answers")) {
				BrowserSession session = BrowserSession.login(run.gateway(), "/console/dashboard", manager,
						managerPassword);
				run.measure("dashboard", new Dashboard(session, "/console/dashboard"));
				run.measure("dashboard-region", new Dashboard(session, "/console/dashboard?by=region"));
			}
			if (!only.equals("dashboard")) {
				String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
				for (int level : levels) {
					Load.Settings settings = new Load.Settings(run.settings().warmup(), run.settings().requests(),
							level);
					run.measure("answer-post-c" + level, settings, api.post(tag + "-C" + level, false));
				}
				int first = levels.get(0);
				run.measure("answer-replay-c" + first,
						new Load.Settings(run.settings().warmup(), run.settings().requests(), first),
						api.post(tag + "-C" + first, true));
				run.fact("answers/s is 'per s' of answer-post-cN: answered 201 (a new answer, not replayed) a second, "
						+ "all threads together; through the gateway");
			}
			String dashboardAtOnce = "dashboard " + run.settings().concurrency() + " at once";
			String postsAtOnce = "answer-post at " + levels.stream().map(String::valueOf)
				.collect(Collectors.joining(", ")) + " at once (-cN)";
			run.concurrency(only.equals("dashboard") ? dashboardAtOnce
					: only.equals("answers") ? postsAtOnce : dashboardAtOnce + "; " + postsAtOnce);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("seededAnswers", answers);
			data.put("organisations", plan.organisations().size());
			data.put("from", plan.answeredAt(0).toString());
			data.put("until", plan.until().toString());
			run.put("data", data);
			run.fact(String.format(Locale.ROOT, "data: %,d seeded answers of %,d organisations from %s to %s, with "
					+ "their monthly roll-ups", answers, plan.organisations().size(), plan.answeredAt(0), until));
		};
	}

	/** Seeds unless the plan's last answer is stored; answers whether the store holds the whole plan now. */
	private static boolean seed(Run run, AnswerPlan plan, Partner api, String storeDir, String platform, int batch,
			int minutes) throws IOException, InterruptedException {
		Map<String, Object> seeding = new LinkedHashMap<>();
		if (api.exists(plan.id(plan.answers() - 1))) {
			run.out().printf("The store holds the plan's %,d answers: seeding skipped.%n", plan.answers());
			seeding.put("skipped", true);
			run.put("seeding", seeding);
			return true;
		}
		if (storeDir == null || platform == null) {
			throw new Options.UsageException("seeding writes into feedback-service's store while it is stopped: give "
					+ "--data-dir (run.sh --up does) or --store-dir, and --platform");
		}
		run.out().printf("Stopping %s to write into its store %s%n", SERVICE, storeDir);
		platform(platform, "stop");
		AnswerSeeder.Result result;
		try (EmbeddedStore store = EmbeddedStore.open(Path.of(storeDir, "mongo.mv"))) {
			result = new AnswerSeeder(run.out()).seed(store, plan, batch, minutes, segments(store, storeDir, run.out()));
		}
		finally {
			run.out().printf("Starting %s again%n", SERVICE);
			platform(platform, "start");
		}
		report(run, seeding, result, batch);
		if (result.complete() && !api.exists(plan.id(plan.answers() - 1))) {
			throw new IllegalStateException("after seeding, the service does not find the answer " + plan.id(
					plan.answers() - 1));
		}
		return result.complete();
	}

	/**
	 * The organisations' segments for the roll-ups by segment: feedback-service's copy in its store, else
	 * customer-service's organisations from that service's store file beside it ({@code <data dir>/customer-service},
	 * readable only while customer-service is stopped: with the platform up the copy alone serves).
	 */
	static SeedSegments segments(EmbeddedStore store, String storeDir, java.io.PrintStream out) {
		com.mongodb.client.MongoCollection<org.bson.Document> copy = store.databaseOf("survey_responses")
			.getCollection("organisation_segments");
		Path customers = Path.of(storeDir).toAbsolutePath().resolveSibling("customer-service").resolve("mongo.mv");
		if (java.nio.file.Files.exists(customers)) {
			try (EmbeddedStore customerService = EmbeddedStore.open(customers)) {
				return SeedSegments.of(copy, customerService.collection("organisations"));
			}
			catch (RuntimeException ex) {
				out.printf("customer-service's store not read (%s): the segments of feedback-service's copy alone%n",
						ex.getMessage());
			}
		}
		return SeedSegments.of(copy, null);
	}

	private static void report(Run run, Map<String, Object> seeding, AnswerSeeder.Result result, int batch) {
		run.out().printf(Locale.ROOT, "Seeded %,d answers in %.1f s: %.0f answers/s, %,d roll-up writes, %,d answers "
				+ "stored before counted by segment%s%n",
				result.answersSeeded(), result.seconds(), result.answersPerSecond(), result.rollupWrites(),
				result.answersRecountedBySegment(),
				result.complete() ? "" : "; stopped at the time limit, nothing measured: the same command goes on");
		seeding.put("skipped", false);
		seeding.put("result", result);
		seeding.put("batch", batch);
		run.put("seeding", seeding);
		run.fact(String.format(Locale.ROOT, "seeding: %,d answers with their roll-ups straight into the store file in "
				+ "%.1f s, %.0f answers/s (%,d a batch)%s", result.answersSeeded(), result.seconds(),
				result.answersPerSecond(), batch, result.complete() ? "" : ", stopped at the time limit"));
	}

	private static void platform(String script, String action) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(script, action, SERVICE).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(script + " " + action + " " + SERVICE + " failed (exit code "
					+ process.exitValue() + ")");
		}
	}

	/**
	 * The body of answer {@code index} of a run: one of the demo organisations in turn, each survey in turn, a score
	 * that asks for no follow-up ticket (CSAT 3–5, NPS 7–10, CES 1–7: a low one would open a ticket in ticket-service
	 * per answer, which is not what is measured), about the relationship, by phone, no comment.
	 */
	static Map<String, Object> body(String responseId, int index) {
		String kind = List.of("CSAT", "NPS", "CES").get(index % 3);
		int low = switch (kind) {
			case "CSAT" -> 3;
			case "NPS" -> 7;
			default -> 1;
		};
		int score = low + (index / 3) % (AnswerPlan.max(kind) - low + 1);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("responseId", responseId);
		body.put("customerId", AnswerPlan.DEMO_ORGANISATIONS.get(index % AnswerPlan.DEMO_ORGANISATIONS.size()));
		body.put("kind", kind);
		body.put("score", score);
		body.put("channel", "PHONE");
		return body;
	}

	/** Why a page is not the dashboard with its figures, or {@code null}. */
	static String checkDashboard(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return "HTTP " + response.statusCode();
		}
		org.jsoup.nodes.Document page = Jsoup.parse(response.body());
		if (page.selectFirst("#kpi-title") == null) {
			return page.selectFirst("#no-organisation") != null ? "no organisation" : "no figures";
		}
		if (page.selectFirst("#breakdown-chart") == null) {
			return "no breakdown";
		}
		return null;
	}

	/** Why an answer to a posted answer is not what was asked ({@code replayed}: the same id again), or {@code null}. */
	static String checkPost(HttpResponse<String> response, boolean replayed) {
		if (response.statusCode() != 201) {
			return "HTTP " + response.statusCode();
		}
		boolean wasReplayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
			.orElse(false);
		if (wasReplayed != replayed) {
			return replayed ? "stored again" : "replayed";
		}
		return null;
	}

	private record Dashboard(BrowserSession session, String path) implements Load.Call {

		@Override
		public HttpResponse<String> send(int index) {
			return session.get(path);
		}

		@Override
		public String check(int index, HttpResponse<String> response) {
			return checkDashboard(response);
		}
	}

	/** The partner's calls through the gateway. */
	private record Partner(Http http, PartnerToken partner, URI responses) {

		boolean exists(String id) {
			HttpResponse<String> response = http.send(Http.request(URI.create(responses + "/" + Http.encode(id)))
				.header("Authorization", partner.authorization()).build());
			if (response.statusCode() != 200 && response.statusCode() != 404) {
				throw new IllegalStateException("GET " + RESPONSES + "/" + id + " answered " + response.statusCode()
						+ ": " + response.body());
			}
			return response.statusCode() == 200;
		}

		/** Answer {@code i} of the run tagged {@code tag}; {@code replayed}: each must have been stored before. */
		Load.Call post(String tag, boolean replayed) {
			return new Load.Call() {
				@Override
				public HttpResponse<String> send(int index) {
					return http.send(Http.request(responses).header("Authorization", partner.authorization())
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(
								com.rapport.benchmarks.harness.Json.write(body("bench-post-" + tag + "-" + index, index))))
						.build());
				}

				@Override
				public String check(int index, HttpResponse<String> response) {
					return checkPost(response, replayed);
				}
			};
		}
	}
}
