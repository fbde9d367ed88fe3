package com.rapport.benchmarks.tickets;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.benchmarks.harness.BrowserSession;
import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;
import com.rapport.benchmarks.orders.EmbeddedStore;
import com.rapport.benchmarks.writes.Writes;

/**
 * Tickets opened per second through the gateway: {@code POST /api/tickets/v1/tickets} with the partner's token and
 * an {@code Idempotency-Key}, each a new ticket of one organisation (ticket-service numbers it, reads the
 * organisation's tier from customer-service, writes it with its timeline event and an audit entry), at 1, 4 and 16
 * calls at once. A call counts when it answers {@code 201}.
 * <p>
 * With {@code --queue}, the second figure instead: the console's queue page ({@link QueuePage}) with
 * 200,000 tickets of which 2,000 open, signed in as staff. The tickets are seeded straight into ticket-service's
 * store file while the platform is down ({@code --seed-offline}, {@link TicketSeeder}), as the {@code orders}
 * scenario seeds its orders: the queue run measures whatever the store holds and says how many are open.
 */
public final class Tickets implements Scenario {

	static final String TICKETS = "/api/tickets/v1/tickets";

	static final String SERVICE = "ticket-service";

	/** The demo's organisations, which the seeded tickets belong to in turn. */
	static final String DEMO_ORGANISATIONS = "acme-retail,globex-trading,initech-logistics,stark-components,"
			+ "wayne-hardware,umbrella-supplies";

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
				The console queue page (the issue's second figure):
				  --queue                  measure the console's queue page (/console/tickets) instead, signed in as
				                           --staff in turn; requests queue-open (the page as it opens: open tickets,
				                           most urgent first), queue-mine, queue-closed (newest first)
				  --staff U:P,U:P          the staff who sign in (agent.li:agent-demo-26,manager.wang:manager-demo-26)
				  --expect-open N          fail before measuring unless the open queue holds at least N (--open)
				  --seed-offline           seed --tickets into ticket-service's store file (no platform: it must be
				                           down), cloned from the demo's tickets in it; measures nothing
				  --tickets N              tickets the seeded store holds (200000), --open N of them open (2000)
				  --organisations A,B,...  the organisations they belong to, in turn (the demo's six)
				  --agents U:NAME,...      the staff they are assigned to, in turn, and nobody's after each round
				                           (agent.li:Li Na,manager.wang:Wang Fang)
				  --seed-batch N           tickets a store write while seeding (2000)
				  --seed-minutes M         stop seeding after M minutes; the same command goes on where it stopped
				  --store-dir DIR          ticket-service's store directory (<--data-dir>/ticket-service, else
				                           $RAPPORT_DATA_DIR/ticket-service)
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		if (options.flag("seed-offline")) {
			return seedOffline(run, options);
		}
		if (options.flag("queue")) {
			return queue(run, options);
		}
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

	/** The plan of seeded tickets the options describe. */
	static TicketPlan plan(Options options) {
		int tickets = options.integer("tickets", 200_000, 1, 100_000_000);
		int open = options.integer("open", 2_000, 0, tickets);
		List<String> organisations = Arrays.stream(options.string("organisations", DEMO_ORGANISATIONS).split(","))
			.map(String::strip).filter(id -> !id.isEmpty()).toList();
		if (organisations.isEmpty()) {
			throw new Options.UsageException("--organisations names at least one organisation");
		}
		List<TicketPlan.Agent> agents = new ArrayList<>();
		for (String agent : options.string("agents", "agent.li:Li Na,manager.wang:Wang Fang").split(",")) {
			String[] parts = agent.split(":", 2);
			if (parts.length != 2 || parts[0].isBlank()) {
				throw new Options.UsageException("--agents lists user:name pairs, not '" + agent + "'");
			}
			agents.add(new TicketPlan.Agent(parts[0].strip(), parts[1].strip()));
		}
		return new TicketPlan(tickets, open, organisations, agents);
	}

	private static Measurement seedOffline(Run run, Options options) {
		TicketPlan plan = plan(options);
		int batch = options.integer("seed-batch", 2000, 1, 100_000);
		int minutes = options.integer("seed-minutes", 0, 0);
		String dataDir = options.string("data-dir", System.getenv("RAPPORT_DATA_DIR"));
		String storeDir = options.string("store-dir", dataDir == null ? null : dataDir + "/" + SERVICE);
		if (storeDir == null) {
			throw new Options.UsageException("--seed-offline needs --store-dir, --data-dir or RAPPORT_DATA_DIR");
		}
		return () -> {
			TicketSeeder.Result result;
			try (EmbeddedStore store = EmbeddedStore.open(Path.of(storeDir, "mongo.mv"))) {
				result = new TicketSeeder(run.out()).seed(store, plan, batch, minutes, Instant.now());
			}
			run.out().printf(Locale.ROOT, "Seeded %,d tickets in %.1f s: %.0f tickets/s%s%n", result.ticketsSeeded(),
					result.seconds(), result.ticketsPerSecond(), result.complete() ? ""
							: "; stopped at the time limit: the same command goes on");
			Map<String, Object> seeding = new LinkedHashMap<>();
			seeding.put("result", result);
			seeding.put("batch", batch);
			seeding.put("plan", Map.of("tickets", plan.tickets(), "open", plan.open(), "organisations",
					plan.organisations(), "agents", plan.agents()));
			run.put("seeding", seeding);
			run.fact(String.format(Locale.ROOT, "seeding: %,d tickets (%,d open) straight into %s in %.1f s, %.0f/s",
					result.ticketsSeeded(), plan.open(), storeDir, result.seconds(), result.ticketsPerSecond()));
		};
	}

	private static Measurement queue(Run run, Options options) {
		int expectOpen = options.integer("expect-open", plan(options).open(), 0);
		List<String[]> staff = new ArrayList<>();
		for (String each : options.string("staff", "agent.li:agent-demo-26,manager.wang:manager-demo-26").split(",")) {
			String[] parts = each.split(":", 2);
			if (parts.length != 2 || parts[0].isBlank()) {
				throw new Options.UsageException("--staff lists user:password pairs, not '" + each + "'");
			}
			staff.add(parts);
		}
		return () -> {
			List<BrowserSession> sessions = new ArrayList<>();
			for (String[] user : staff) {
				sessions.add(BrowserSession.login(run.gateway(), QueuePage.QUEUE, user[0].strip(), user[1]));
			}
			long open = QueuePage.total(sessions.get(0).get(QueuePage.QUEUE).body());
			long done = QueuePage.total(sessions.get(0).get(QueuePage.QUEUE + "?view=closed").body());
			if (open < expectOpen) {
				throw new IllegalStateException("the open queue holds " + open + " tickets, fewer than " + expectOpen
						+ ": seed the store first (--seed-offline, with the platform down)");
			}
			run.out().printf(Locale.ROOT, "The queue holds %,d open and %,d resolved or closed tickets%n", open, done);
			run.out().println("Measuring:");
			run.measure("queue-open", new QueuePage(sessions, QueuePage.QUEUE));
			run.measure("queue-mine", new QueuePage(sessions, QueuePage.QUEUE + "?view=mine"));
			run.measure("queue-closed", new QueuePage(sessions, QueuePage.QUEUE + "?view=closed"));
			run.put("data", Map.of("openTickets", open, "doneTickets", done));
			run.fact(String.format(Locale.ROOT, "data: %,d open and %,d resolved or closed tickets; signed in as %s in "
					+ "turn, through the gateway", open, done,
					String.join(", ", staff.stream().map(s -> s[0]).toList())));
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
