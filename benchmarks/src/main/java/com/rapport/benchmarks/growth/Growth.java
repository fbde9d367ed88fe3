package com.rapport.benchmarks.growth;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.benchmarks.harness.BrowserSession;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;
import com.rapport.benchmarks.orders.EmbeddedStore;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * customer-service's nightly growth recompute at 100,000 organisations. The recompute itself is timed by the
 * service (its log line {@code Growth recompute: N organisations in M ms}); this scenario builds the store it runs
 * on and checks that the services read the clones as they read the demo:
 * <ul>
 * <li>by default it <b>seeds</b>, offline (the platform down: the store files are locked while a service has them
 * open): the demo's organisations, their timeline entries of orders placed and delivered and their orders are read
 * from the two store files of a platform that ran once on fresh demo data, and cloned ({@link GrowthClones}) into
 * the same files ({@link GrowthSeeder});</li>
 * <li>{@code --check}, with the platform up on that data after a recompute, signs in to the console and compares
 * some clones' 360 pages with their template's (the same historical value and delivered orders; a regular buyer's
 * reorders predicted, an irregular one's not) and looks for clones among the customers at risk.</li>
 * </ul>
 */
public final class Growth implements Scenario {

	@Override
	public String name() {
		return "growth";
	}

	@Override
	public String summary() {
		return "clone the demo's customers and their orders offline into a store for the nightly growth recompute; "
				+ "--check their pages";
	}

	@Override
	public String usage() {
		return """
				  --organisations N        organisations the store must hold besides the demo's (100000)
				  --chunk N                organisations a seeding step, their history first (500)
				  --seed-minutes M         stop seeding after M minutes; the same command goes on where it stopped
				  --data-dir DIR           the platform's RAPPORT_DATA_DIR: customer-service/ and
				                           order-tracking-service/ hold the store files (else $RAPPORT_DATA_DIR)
				  --check                  the platform is up on that data after a recompute: compare clones' 360
				                           pages with the demo's and look for clones at risk (seeds nothing)
				  --sample N               clones of each kind checked (3)
				  --agent, --agent-password
				                           the console user for --check (agent.li / agent-demo-26)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		int organisations = options.integer("organisations", 100_000, 1, 999_999);
		int chunk = options.integer("chunk", 500, 1, 100_000);
		int minutes = options.integer("seed-minutes", 0, 0);
		String dataDir = options.string("data-dir", System.getenv("RAPPORT_DATA_DIR"));
		boolean check = options.flag("check");
		int sample = options.integer("sample", 3, 1);
		String agent = options.string("agent", "agent.li");
		String agentPassword = options.string("agent-password", "agent-demo-26");
		GrowthPlan plan = new GrowthPlan(organisations);
		if (!check && dataDir == null) {
			throw new Options.UsageException("seeding needs --data-dir or RAPPORT_DATA_DIR");
		}
		return () -> {
			if (check) {
				check(run, plan, sample, agent, agentPassword);
			}
			else {
				seed(run, plan, Path.of(dataDir), chunk, minutes);
			}
		};
	}

	private static void seed(Run run, GrowthPlan plan, Path dataDir, int chunk, int minutes) {
		GrowthSeeder.Result result;
		try (EmbeddedStore customers = EmbeddedStore.open(dataDir.resolve("customer-service/mongo.mv"));
				EmbeddedStore orders = EmbeddedStore.open(dataDir.resolve("order-tracking-service/mongo.mv"))) {
			GrowthTemplates templates = GrowthTemplates.read(customers.collection("organisations"),
					customers.collection("interactions"), orders.collection("orders"));
			result = new GrowthSeeder(run.out()).seed(customers, orders, templates, plan, chunk, minutes);
		}
		run.out().printf(Locale.ROOT, "Seeded %,d organisations (%,d orders, %,d timeline entries) in %.1f s: %.0f "
				+ "organisations/s%s%n", result.organisationsSeeded(), result.orders(), result.entries(),
				result.seconds(), result.organisationsPerSecond(),
				result.complete() ? "" : "; stopped at the time limit: the same command goes on");
		Map<String, Object> seeding = new LinkedHashMap<>();
		seeding.put("result", result);
		seeding.put("chunk", chunk);
		seeding.put("kinds", GrowthPlan.DECK);
		run.put("seeding", seeding);
		run.fact(String.format(Locale.ROOT, "seeding: %,d organisations with %,d orders and %,d timeline entries "
				+ "straight into the store files in %.1f s, %.0f organisations/s%s", result.organisationsSeeded(),
				result.orders(), result.entries(), result.seconds(), result.organisationsPerSecond(),
				result.complete() ? "" : ", stopped at the time limit"));
	}

	/** What the 360 page says of an organisation's growth figures. */
	record Figures(String historical, String deliveredOrders, int reorders, String risk) {

		static Figures read(String html) {
			var page = Jsoup.parse(html);
			if (!page.select(".value-unavailable, .orders-unavailable, .timeline-unavailable").isEmpty()) {
				throw new IllegalStateException("the 360 page says a part is unavailable");
			}
			Element historical = page.selectFirst("dd.value-historical");
			Element orders = page.selectFirst("dd.value-orders span");
			Element risk = page.selectFirst(".risk-score");
			return new Figures(historical == null ? "" : historical.text(),
					orders == null ? "0" : orders.text().split("[ ,]")[0], page.select("li.reorder").size(),
					risk == null ? "" : risk.text());
		}
	}

	private static void check(Run run, GrowthPlan plan, int sample, String agent, String password) {
		BrowserSession console = BrowserSession.login(run.gateway(), "/console", agent, password);
		Map<GrowthPlan.Kind, List<Integer>> byKind = new EnumMap<>(GrowthPlan.Kind.class);
		for (int n = 1; n <= plan.organisations(); n++) {
			List<Integer> some = byKind.computeIfAbsent(GrowthPlan.kind(n), k -> new ArrayList<>());
			if (some.size() < sample) {
				some.add(n);
			}
		}
		Map<String, Figures> templates = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		Map<String, Object> checked = new LinkedHashMap<>();
		for (Map.Entry<GrowthPlan.Kind, List<Integer>> kind : byKind.entrySet()) {
			String templateId = kind.getKey().template();
			Figures template = templates.computeIfAbsent(templateId, id -> figures(console, id));
			for (int n : kind.getValue()) {
				Figures clone = figures(console, GrowthPlan.id(n));
				checked.put(GrowthPlan.id(n), Map.of("kind", kind.getKey(), "clone", clone, "template", template));
				run.out().printf("  %s (%s of %s): %s%n", GrowthPlan.id(n), kind.getKey(), templateId, clone);
				if (!clone.historical().equals(template.historical())
						|| !clone.deliveredOrders().equals(template.deliveredOrders())) {
					failures.add(GrowthPlan.id(n) + ": value " + clone + ", its template's " + template);
				}
				// The demo's prospect is never recomputed before the first nightly run; every clone is by it.
				if (clone.risk().isEmpty()) {
					failures.add(GrowthPlan.id(n) + ": no churn risk computed (" + clone + ")");
				}
				if (kind.getKey().irregular() && clone.reorders() > 0) {
					failures.add(GrowthPlan.id(n) + ": an irregular buyer with a predicted reorder");
				}
				if (kind.getKey() == GrowthPlan.Kind.REGULAR_ACME && clone.reorders() == 0) {
					failures.add(GrowthPlan.id(n) + ": a regular buyer without a predicted reorder");
				}
			}
		}
		HttpResponse<String> atRisk = console.get("/console/at-risk");
		long clonesAtRisk = Jsoup.parse(atRisk.body()).select("tr.at-risk-row").stream()
			.filter(row -> row.attr("data-organisation").startsWith("growth-"))
			.count();
		run.out().printf("Clones among the customers at risk (at most 200 listed): %d%n", clonesAtRisk);
		if (atRisk.statusCode() != 200 || clonesAtRisk == 0) {
			failures.add("no clone among the customers at risk (HTTP " + atRisk.statusCode() + ")");
		}
		run.put("check", Map.of("organisations", checked, "clonesAtRisk", clonesAtRisk, "failures", failures));
		run.fact("check: " + checked.size() + " clones' 360 pages against their templates', " + clonesAtRisk
				+ " clones at risk; " + (failures.isEmpty() ? "all as expected" : failures.size() + " failures"));
		if (!failures.isEmpty()) {
			failures.forEach(f -> run.out().println("  FAILED " + f));
			throw new IllegalStateException(failures.size() + " clones are not read as their templates");
		}
	}

	private static Figures figures(BrowserSession console, String id) {
		HttpResponse<String> page = console.get("/console/organisations/" + id);
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET /console/organisations/" + id + " answered " + page.statusCode());
		}
		return Figures.read(page.body());
	}
}
