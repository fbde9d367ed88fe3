package com.rapport.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.rapport.systemtests.Mailbox.Mail;
import com.rapport.systemtests.WriteLoad.Acknowledged;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe at two replicas (issue 11), on this machine: every module that does background work (customer-service,
 * ticket-service, order-tracking-service, feedback-service) and the gateway runs as two instances on ONE shared store
 * ({@code ./platform pair}: the module's embedded store served by platform-mongo's {@code StoreServer} in a process of
 * its own, both instances on it through {@code MONGODB_URI}, the second on the module's ports + 10000), with the
 * background work's intervals short. Then, as an operator would notice it:
 * <ul>
 * <li>under partner load spread over both instances of each service, every order notification, survey invitation,
 * birthday greeting and escalation mail reaches its mailbox in the mail catcher once (by Message-ID and by subject and
 * text), and every webhook delivery reaches the receiver once (by {@code Rapport-Delivery-Id} and by event);</li>
 * <li>automatic assignment, racing on two ticket-service instances, keeps a team's rotation fair and no agent above
 * their cap;</li>
 * <li>two gateways hold a partner to one request budget, within the bound gateway/README states;</li>
 * <li>writes acknowledged by an instance that is then killed with {@code kill -9} read back through the other;</li>
 * <li>a browser session signed in on one gateway is served by the other, also after the first one stops.</li>
 * </ul>
 * Runs last: it restarts five modules. At the end the second instances stop and the first ones stay on the shared
 * stores (usable; {@code ./platform down} stops the stores too).
 */
@ExtendWith(RunningPlatform.class)
@Order(Integer.MAX_VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "rapport.useRunningPlatform", matches = "true")
class TwoReplicasSystemTests {

	static final List<String> PAIRED = List.of("customer-service", "ticket-service", "order-tracking-service",
			"feedback-service", "gateway");

	/** The second instance's ports: the first one's + this ({@code ./platform pair}). */
	static final int SECOND = 10_000;

	static final String GATEWAY_2 = "http://localhost:" + (8080 + SECOND);

	/**
	 * The background work's intervals, short, on both instances of each (the settings each service reads: its
	 * README's "Settings"). The rest is quick already: order notifications, webhooks and their fan-outs every second,
	 * survey invitations every 2 s, the outbox relays every 2 s.
	 */
	static final Map<String, String> QUICK_BACKGROUND_WORK = Map.of(
			// the start of ten JVMs at once on two cores, with the services' start-up work
			"RAPPORT_START_TIMEOUT", "600",
			"RAPPORT_TICKETS_ESCALATION_INTERVAL", "1s",
			"RAPPORT_TICKETS_ASSIGNMENT_INTERVAL", "1s",
			"RAPPORT_CARE_GREETINGS_INTERVAL", "2s",
			"RAPPORT_CARE_GREETINGS_INITIALDELAY", "2s",
			// the nightly growth recompute (care tasks), every 20 s on whichever instance holds its lease
			"RAPPORT_GROWTH_NIGHTLY_CRON", "*/20 * * * * *");

	static final int NOTIFIED_ORGANISATIONS = 6;

	static final int GREETED_CONTACTS = 3;

	static final int CRITICAL_COMPLAINTS = 4;

	/** Billing requests for the test's own team: agents A and B (cap 50) and C (cap {@value #SMALL_CAP}). */
	static final int BILLING_REQUESTS = 9;

	static final int SMALL_CAP = 2;

	static final Duration BACKGROUND_WORK = Duration.ofSeconds(150);

	/** After everything arrived once: how long a second copy would still have to show up. */
	static final Duration AFTERWARDS = Duration.ofSeconds(6);

	static final String MANAGER_MAILBOX = "support-manager@rapport.example";

	/** {@code RATE_LIMIT_SYNC_INTERVAL} (200 ms) and a store round trip on a loaded machine, generously. */
	static final Duration SYNC_BOUND = Duration.ofSeconds(1);

	/** One webhook request as the receiver got it. */
	record Hook(String deliveryId, String type, String orderNumber, String eventId) {
	}

	/** One partner request of the budget burst: which gateway, when it was sent, what it got. */
	record Sent(int gateway, long atMillis, int status) {
	}

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final List<Hook> hooks = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService threads = Executors.newFixedThreadPool(6);

	private final ExecutorService receiving = Executors.newFixedThreadPool(4);

	private final String team = "0-replicas-" + run;

	private final List<String> agents = List.of("rep-a-" + run, "rep-b-" + run, "rep-c-" + run);

	private long started;

	private RunningPlatform.Started platform;

	private HttpServer receiver;

	private Browser admin;

	/** A client whose service account has the realm role agent: staff, for reading the care tasks. */
	private String staff;

	private RealmAdmin realm;

	@BeforeAll
	void twoInstancesOfEachOnOneStore(RunningPlatform.Started platform) throws Exception {
		started = System.nanoTime();
		this.platform = platform;
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				hooks.add(new Hook(exchange.getRequestHeaders().getFirst("Rapport-Delivery-Id"),
						JsonPath.read(body, "$.type"), JsonPath.read(body, "$.order.orderNumber"),
						JsonPath.read(body, "$.eventId")));
			}
			catch (RuntimeException ex) {
				hooks.add(new Hook("unreadable", ex.toString(), "", ""));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.setExecutor(receiving);
		receiver.start();
		// Before the restarts, on the instances the platform started: what the admin sets up is in the stores the
		// pairs then share.
		realm = RealmAdmin.login();
		staff = realm.createServiceClient("st-replicas-staff", "{}", "basic", "roles", "service_account", "rapport-api");
		realm.grantRealmRole(staff, "agent");
		admin = Browser.open().login("admin", "admin-demo-26");
		subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/replicas-" + run);
		saveTeam();

		long pairing = System.nanoTime();
		platform.pair(PAIRED, QUICK_BACKGROUND_WORK, Duration.ofMinutes(15));
		System.out.printf("Two-replica test: %s paired (two instances each on one store) in %d s%n", PAIRED,
				seconds(pairing));
	}

	@Test
	@Order(1)
	void underLoadEveryMailWebhookEscalationAndAssignmentHappensOnce() throws Exception {
		Partner partner = Partner.demo();
		Partner[] customers = both(partner, 8082);
		Partner[] orders = both(partner, 8084);
		Partner[] tickets = both(partner, 8083);

		// Organisations and contacts, every other one through the second instance.
		Map<String, String> notified = new LinkedHashMap<>();   // organisation -> its contact's address
		for (int i = 0; i < NOTIFIED_ORGANISATIONS; i++) {
			String organisation = organisation(customers[i % 2], "rep-" + run + "-n" + i, "CN");
			String address = "rep-" + run + "-n" + i + "@replicas.example";
			contact(customers[(i + 1) % 2], organisation, """
					{"name": "Replica Buyer %d", "email": "%s", "surveyConsent": true}""".formatted(i, address));
			notified.put(organisation, address);
		}
		List<String> greeted = new ArrayList<>();
		String zone = zoneAtNoonNow();
		LocalDate today = LocalDate.now(ZoneId.of(zone));
		for (int i = 0; i < GREETED_CONTACTS; i++) {
			String organisation = organisation(customers[i % 2], "rep-" + run + "-g" + i, "DE");
			String address = "rep-" + run + "-g" + i + "@replicas.example";
			contact(customers[(i + 1) % 2], organisation, """
					{"name": "Replica Birthday %d", "email": "%s", "marketingConsent": true, "birthday": "1990-%s",
					 "timeZone": "%s"}""".formatted(i, address, today.toString().substring(5), zone));
			greeted.add(address);
		}
		// A regular buyer (one product every 30 days, the latest 35 days ago): its reorder is due, a care task.
		String rhythm = "rep-" + run + "-rhythm";
		expect(customers[1].send("POST", "/api/customers/v1/organisations", """
				{"id": "%s", "name": "Replica test %s", "country": "CN", "accountManager": "agent.li"}"""
			.formatted(rhythm, rhythm)), 201, rhythm);
		String desk = organisation(customers[0], "rep-" + run + "-desk", "CN");
		String deskAddress = "rep-" + run + "-desk@replicas.example";
		contact(customers[1], desk, """
				{"name": "Replica Requester", "email": "%s"}""".formatted(deskAddress));

		// The load: orders with their milestones, billing requests for the team, critical complaints; each write to
		// one instance or the other, from six threads at once.
		Map<String, String> orderOf = new LinkedHashMap<>();   // order number -> its organisation
		List<String> delivered = new ArrayList<>();
		List<Callable<String>> writes = new ArrayList<>();
		int n = 0;
		for (String organisation : notified.keySet()) {
			for (int k = 0; k < 2; k++) {
				String number = "REP-" + run.toUpperCase() + "-" + n;
				int instance = n++ % 2;
				boolean deliver = k == 0;
				orderOf.put(number, organisation);
				if (deliver) {
					delivered.add(number);
				}
				writes.add(() -> orderWithMilestones(orders, instance, organisation, number, deliver));
			}
		}
		for (int k = 0; k < 3; k++) {
			Partner to = orders[k % 2];
			Instant placed = Instant.now().minus(95 - 30 * k, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
			String json = """
					{"customerId": "%s", "orderNumber": "REP-%s-R%d", "promisedDate": "2030-01-15",
					 "total": {"currency": "CNY", "amount": "8000.00"},
					 "lines": [{"sku": "REP-CHAIR-%s", "description": "Replica chair", "quantity": 10}],
					 "milestones": [{"code": "PLACED", "occurredAt": "%s"}, {"code": "DELIVERED", "occurredAt": "%s"}]}"""
				.formatted(rhythm, run.toUpperCase(), k, run.toUpperCase(), placed, placed.plus(2, ChronoUnit.DAYS));
			String key = "rep-" + run + "-r" + k;
			writes.add(() -> {
				expect(retried(() -> to.postOrder(json, key)), 201, "regular order " + key);
				return null;
			});
		}
		List<String> billing = Collections.synchronizedList(new ArrayList<>());
		List<String> critical = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < BILLING_REQUESTS; i++) {
			Partner to = tickets[i % 2];
			String json = """
					{"customerId": "%s", "subject": "Replica invoice question %d (%s)", "body": "Invoice %d is unclear.",
					 "kind": "REQUEST", "category": "BILLING", "priority": "NORMAL",
					 "requester": {"name": "Replica Requester", "email": "%s"}}""".formatted(desk, i, run, i, deskAddress);
			writes.add(() -> {
				billing.add(ticket(to, json));
				return null;
			});
		}
		for (int i = 0; i < CRITICAL_COMPLAINTS; i++) {
			Partner to = tickets[(i + 1) % 2];
			String json = """
					{"customerId": "%s", "subject": "Replica pallets collapsed %d (%s)", "body": "Pallet %d collapsed.",
					 "kind": "COMPLAINT", "category": "DELIVERY", "severity": "CRITICAL", "priority": "HIGH",
					 "requester": {"name": "Replica Requester", "email": "%s"}}""".formatted(desk, i, run, i, deskAddress);
			writes.add(() -> {
				critical.add(ticket(to, json));
				return null;
			});
		}
		List<String> refused = new ArrayList<>();
		for (Future<String> write : threads.invokeAll(writes)) {
			try {
				write.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				refused.add(ex.getCause().getMessage());
			}
		}
		assertThat(refused).as("partner writes refused or failed (of %d)", writes.size()).isEmpty();
		System.out.printf("Two-replica test: %d organisations, %d orders, %d tickets written over both instances%n",
				notified.size() + greeted.size() + 2, orderOf.size() + 3, billing.size() + critical.size());

		List<String> watched = new ArrayList<>(notified.values());
		watched.addAll(greeted);
		watched.add(deskAddress);
		Supplier<Map<String, List<Mail>>> mailboxes = () -> {
			Map<String, List<Mail>> mails = new LinkedHashMap<>();
			for (String address : watched) {
				mails.put(address, Mailbox.of(address));
			}
			mails.put(MANAGER_MAILBOX, Mailbox.of(MANAGER_MAILBOX).stream()
				.filter(mail -> critical.stream().anyMatch(number -> mentions(mail, number))).toList());
			return mails;
		};

		// Until every piece of background work has happened at least once, then a little longer.
		long deadline = System.nanoTime() + BACKGROUND_WORK.toNanos();
		List<String> missing;
		do {
			Thread.sleep(2000);
			missing = missing(mailboxes.get(), notified, orderOf, delivered, greeted, critical);
			if (tasksOf(rhythm).stream().noneMatch(task -> task.startsWith("reorder:"))) {
				missing.add("the reorder care task of " + rhythm);
			}
		}
		while (!missing.isEmpty() && System.nanoTime() < deadline);
		assertThat(missing).as("background work not done within %s on two instances of each service", BACKGROUND_WORK)
			.isEmpty();
		Thread.sleep(AFTERWARDS.toMillis());

		// Exactly once, where it lands.
		Map<String, List<Mail>> mails = mailboxes.get();
		List<String> repeated = new ArrayList<>();
		mails.forEach((address, received) -> repeated.addAll(Mailbox.repeated(address, received)));
		for (String address : notified.values()) {
			long surveys = mails.get(address).stream().filter(TwoReplicasSystemTests::isSurveyInvitation).count();
			if (surveys != 1) {
				repeated.add(address + ": " + surveys + " survey invitations (one delivered order: one)");
			}
		}
		for (String address : greeted) {
			if (mails.get(address).size() != 1) {
				repeated.add(address + ": " + mails.get(address).size() + " birthday greetings");
			}
		}
		for (String number : critical) {
			long escalations = mails.get(MANAGER_MAILBOX).stream().filter(mail -> mentions(mail, number)).count();
			if (escalations != 1) {
				repeated.add(MANAGER_MAILBOX + ": " + escalations + " escalation mails of " + number);
			}
		}
		assertThat(repeated).as("mails sent more than once by two instances of each service").isEmpty();

		List<Hook> ours = ours(orderOf);
		Map<String, Integer> byDelivery = new LinkedHashMap<>();
		Map<String, Integer> byEvent = new LinkedHashMap<>();
		for (Hook hook : ours) {
			byDelivery.merge(hook.deliveryId(), 1, Integer::sum);
			byEvent.merge(hook.type() + " " + hook.eventId(), 1, Integer::sum);
		}
		List<String> twice = new ArrayList<>();
		byDelivery.forEach((id, count) -> {
			if (count > 1) {
				twice.add("delivery " + id + " " + count + " times");
			}
		});
		byEvent.forEach((event, count) -> {
			if (count > 1) {
				twice.add(event + " delivered " + count + " times");
			}
		});
		assertThat(twice).as("webhook deliveries received more than once (of %d)", ours.size()).isEmpty();

		List<String> tasks = tasksOf(rhythm);
		Map<String, Integer> byTask = new LinkedHashMap<>();
		// One task per organisation, kind (and product) however often and wherever recomputed; ids end with the day.
		tasks.forEach(task -> byTask.merge(task.replaceFirst(":\\d{4}-\\d{2}-\\d{2}$", ""), 1, Integer::sum));
		assertThat(byTask).as("open care tasks of %s: %s", rhythm, tasks).allSatisfy((task, count) -> assertThat(count)
			.as(task).isEqualTo(1));

		Map<String, Integer> load = teamLoad();
		int a = load.get(agents.get(0));
		int b = load.get(agents.get(1));
		int c = load.get(agents.get(2));
		assertThat(c).as("open tickets of %s (cap %d): %s", agents.get(2), SMALL_CAP, load).isEqualTo(SMALL_CAP);
		assertThat(a + b).as("the other billing requests, each assigned once: %s", load).isEqualTo(BILLING_REQUESTS - SMALL_CAP);
		assertThat(Math.abs(a - b)).as("the rotation's spread between the agents with room: %s", load).isLessThanOrEqualTo(1);
		System.out.printf("Two-replica test: %d mails, %d webhook deliveries, team load %s, all once%n",
				mails.values().stream().mapToInt(List::size).sum(), ours.size(), load);
	}

	@Test
	@Order(2)
	void twoGatewaysHoldAPartnerToOneBudget() throws Exception {
		Partner readOnly = Partner.login("partner-readonly", "partner-readonly-secret");
		Partner[] gateways = { readOnly, readOnly.at(GATEWAY_2) };
		List<Sent> burst = null;
		for (int attempt = 0; attempt < 2 && (burst == null || !withinOneWindow(burst)); attempt++) {
			// Again after a burst that straddled two windows: in a window of its own.
			awaitEarlyInAMinute(attempt > 0);
			burst = burst(gateways, RunningPlatform.PARTNER_BUDGET * 2 + 60);
		}
		assertThat(withinOneWindow(burst)).as("the burst within one budget window (a minute)").isTrue();
		int budget = RunningPlatform.PARTNER_BUDGET;
		long accepted = burst.stream().filter(sent -> sent.status() == 200).count();
		List<Sent> other = burst.stream().filter(sent -> sent.status() != 200 && sent.status() != 429).toList();
		int beyond = mostToOneGatewayWithin(burst, SYNC_BOUND);
		System.out.printf("Two-replica test: %d requests over two gateways, %d accepted; budget %d, bound %d + %d%n",
				burst.size(), accepted, budget, budget, beyond);
		assertThat(other).as("answers other than 200 and 429").isEmpty();
		// Meaningful only if each gateway alone (counting for itself) would have let more through than the bound.
		assertThat(budget + beyond).as("the bound, below what two unshared budgets let through").isLessThan(2 * budget);
		assertThat(accepted).as("requests accepted by two gateways together (budget %d; gateway README: beyond it at "
				+ "most what went to the other replica within one sync interval, here %d)", budget, beyond)
			.isBetween((long) budget * 9 / 10, (long) budget + beyond);
		for (int gateway = 0; gateway < 2; gateway++) {
			int g = gateway;
			assertThat(burst.stream().anyMatch(sent -> sent.gateway() == g && sent.status() == 429))
				.as("gateway %d refused the partner once the shared budget was spent", g + 1).isTrue();
		}
	}

	@Test
	@Order(3)
	void writesAcknowledgedByAnInstanceKilledWithKillNineReadBackThroughTheOther() {
		Partner partner = Partner.demo();
		String organisation = organisation(partner.at("http://localhost:8082"), "rep-" + run + "-kill", "CN");
		Partner secondOrders = partner.at("http://localhost:" + (8084 + SECOND));
		Partner secondCustomers = partner.at("http://localhost:" + (8082 + SECOND));
		List<Acknowledged> acknowledged = new ArrayList<>();
		acknowledged.addAll(killUnderLoad("order-tracking-service.2", (thread, n) -> {
			String number = "REP-KILL-" + run.toUpperCase() + "-" + thread + "-" + n;
			HttpResponse<String> answer = secondOrders.postOrder(Partner.orderJson(organisation, number), "rep-" + number);
			if (answer.statusCode() != 201) {
				throw new WriteLoad.Refused(answer);
			}
			return List.of(Acknowledged.of("order " + number, "/api/orders/v1/orders/" + JsonPath.read(answer.body(), "$.id"),
					Map.of("$.orderNumber", number, "$.customerId", organisation)));
		}));
		acknowledged.addAll(killUnderLoad("customer-service.2", (thread, n) -> {
			String id = "rep-" + run + "-kill-" + thread + "-" + n;
			HttpResponse<String> answer = secondCustomers.send("POST", "/api/customers/v1/organisations", """
					{"id": "%s", "name": "Replica kill %s", "country": "CN"}""".formatted(id, id));
			if (answer.statusCode() != 201) {
				throw new WriteLoad.Refused(answer);
			}
			return List.of(Acknowledged.of("organisation " + id, "/api/customers/v1/organisations/" + id,
					Map.of("$.name", "Replica kill " + id)));
		}));
		// Through the gateway, to the instances that live on (same stores).
		Partner reader = Partner.demo();
		List<String> lost = acknowledged.stream().map(write -> write.lossOn(reader)).filter(Objects::nonNull).toList();
		assertThat(lost).as("%d of %d writes acknowledged by an instance killed with kill -9, not read back through "
				+ "the other", lost.size(), acknowledged.size()).isEmpty();
	}

	@Test
	@Order(4)
	void aSignedInSessionOutlivesTheGatewayItSignedInOn() throws Exception {
		try (Browser customer = Browser.open().login("acme.buyer", "acme-demo-26")) {
			customer.driver.get(GATEWAY_2 + "/portal");
			assertThat(customer.text(By.tagName("h1"))).as("the portal through the other gateway").isEqualTo("Your orders");
			Cookie session = customer.driver.manage().getCookieNamed("SESSION");
			assertThat(session).as("the session cookie").isNotNull();

			platform.stop("gateway");
			customer.driver.get(GATEWAY_2 + "/portal");
			assertThat(customer.driver.getCurrentUrl()).as("still signed in").startsWith(GATEWAY_2 + "/portal");
			assertThat(customer.text(By.tagName("h1"))).isEqualTo("Your orders");

			// The same session cookie replayed with plain HTTP: the signed-in page, and without it the way to sign in.
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(URI.create(GATEWAY_2 + "/portal"))
				.header("Cookie", "SESSION=" + session.getValue()).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(replayed.statusCode()).isEqualTo(200);
			assertThat(replayed.body()).contains("Your orders");
			HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(GATEWAY_2 + "/portal"))
				.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).isEqualTo(302);
		}
	}

	@AfterAll
	void backToOneInstanceEach() throws Exception {
		try {
			if (admin != null) {
				admin.close();
			}
			if (staff != null) {
				realm.deleteClient(staff);
			}
			if (receiver != null) {
				receiver.stop(0);
			}
			if (platform != null) {
				List<Callable<Void>> steps = new ArrayList<>();
				for (String module : PAIRED) {
					steps.add(() -> {
						platform.stop(module + ".2");
						return null;
					});
				}
				// The first gateway, stopped by the session test (a no-op when it runs).
				steps.add(() -> {
					platform.start("gateway");
					return null;
				});
				for (Future<Void> step : threads.invokeAll(steps)) {
					step.get();
				}
			}
		}
		finally {
			threads.shutdownNow();
			receiving.shutdownNow();
			System.out.printf("Two-replica test: %d s in all%n", seconds(started));
		}
	}

	// --- the load ---------------------------------------------------------------------------------

	/** The same partner against the first instance of a service ({@code port}) and the second. */
	private static Partner[] both(Partner partner, int port) {
		return new Partner[] { partner.at("http://localhost:" + port), partner.at("http://localhost:" + (port + SECOND)) };
	}

	private static String organisation(Partner to, String id, String country) {
		HttpResponse<String> answer = to.send("POST", "/api/customers/v1/organisations", """
				{"id": "%s", "name": "Replica test %s", "country": "%s"}""".formatted(id, id, country));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return id;
	}

	private static void contact(Partner to, String organisation, String json) {
		HttpResponse<String> answer = to.send("POST", "/api/customers/v1/organisations/" + organisation + "/contacts", json);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
	}

	/** An order placed on one instance, shipped on the other, delivered (if asked) on the first. */
	private static String orderWithMilestones(Partner[] orders, int instance, String organisation, String number,
			boolean deliver) {
		String order = Partner.orderJson(organisation, number);
		expect(retried(() -> orders[instance].postOrder(order, "rep-" + number)), 201, number);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String shipped = """
				{"customerId": "%s", "eventId": "ship-%s", "code": "SHIPPED", "occurredAt": "%s",
				 "carrier": "SF Express", "trackingNumber": "SF-%s"}""".formatted(organisation, number,
				now.minus(2, ChronoUnit.MINUTES), number);
		// A milestone sent again (after a time-out) is the same event by its eventId: 200, nothing twice.
		expectOneOf(retried(() -> orders[1 - instance].post("/api/orders/v1/orders/" + number + "/milestones", shipped,
				null)), number + " shipped", 201, 200);
		if (deliver) {
			String delivered = """
					{"customerId": "%s", "eventId": "deliver-%s", "code": "DELIVERED", "occurredAt": "%s"}"""
				.formatted(organisation, number, now.minus(1, ChronoUnit.MINUTES));
			expectOneOf(retried(() -> orders[instance].post("/api/orders/v1/orders/" + number + "/milestones",
					delivered, null)), number + " delivered", 201, 200);
		}
		return number;
	}

	private static String ticket(Partner to, String json) {
		String key = "rep-ticket-" + UUID.randomUUID();
		HttpResponse<String> answer = retried(() -> to.postTicket(json, key));
		expect(answer, 201, "ticket");
		return JsonPath.read(answer.body(), "$.number");
	}

	/**
	 * A partner write sent again with the same Idempotency-Key (or event id) when it timed out, as a partner's system
	 * would: on two cores running ten JVMs one write of the load may wait longer than the client's 20 s, and what
	 * the test counts is that the write then happens once, not that it was quick.
	 */
	private static HttpResponse<String> retried(Supplier<HttpResponse<String>> write) {
		for (int attempt = 1;; attempt++) {
			try {
				HttpResponse<String> answer = write.get();
				if (attempt > 1 && answer.statusCode() == 409 && answer.body().contains("idempotency.in-flight")
						&& attempt < 6) {
					// The first try is still being answered: "retry shortly".
					Thread.sleep(2000);
					continue;
				}
				return answer;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (IllegalStateException ex) {
				if (!(ex.getCause() instanceof java.net.http.HttpTimeoutException) || attempt >= 3) {
					throw ex;
				}
				System.out.printf("Two-replica test: a partner write timed out (%s), sent again with its key%n", ex);
			}
		}
	}

	private static void expectOneOf(HttpResponse<String> answer, String what, int... statuses) {
		if (java.util.Arrays.stream(statuses).noneMatch(status -> status == answer.statusCode())) {
			expect(answer, statuses[0], what);
		}
	}

	private static void expect(HttpResponse<String> answer, int status, String what) {
		if (answer.statusCode() != status) {
			throw new IllegalStateException(what + ": " + answer.request().method() + " " + answer.request().uri() + " answered "
					+ answer.statusCode() + " " + answer.body());
		}
	}

	/** A zone (a fixed offset of the IANA {@code Etc} area) where it is about noon now, after the 09:00 of greetings. */
	private static String zoneAtNoonNow() {
		int offset = 12 - Instant.now().atZone(ZoneOffset.UTC).getHour();
		return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset;
	}

	// --- what has to be there, once ---------------------------------------------------------------

	/** What has not happened yet at least once; empty when all has. */
	private List<String> missing(Map<String, List<Mail>> mails, Map<String, String> notified, Map<String, String> orderOf,
			List<String> delivered, List<String> greeted, List<String> critical) throws Exception {
		List<String> missing = new ArrayList<>();
		orderOf.forEach((number, organisation) -> {
			long notifications = mails.get(notified.get(organisation)).stream()
				.filter(mail -> mail.subject().startsWith("Order " + number + ":")).count();
			if (notifications < (delivered.contains(number) ? 2 : 1)) {
				missing.add("notifications of " + number + " (" + notifications + " so far)");
			}
		});
		notified.values().forEach(address -> {
			if (mails.get(address).stream().noneMatch(TwoReplicasSystemTests::isSurveyInvitation)) {
				missing.add("survey invitation to " + address);
			}
		});
		greeted.forEach(address -> {
			if (mails.get(address).isEmpty()) {
				missing.add("birthday greeting to " + address);
			}
		});
		critical.forEach(number -> {
			if (mails.get(MANAGER_MAILBOX).stream().noneMatch(mail -> mentions(mail, number))) {
				missing.add("escalation mail of " + number);
			}
		});
		List<Hook> ours = ours(orderOf);
		orderOf.keySet().forEach(number -> {
			for (String type : delivered.contains(number) ? List.of("ORDER_PLACED", "ORDER_DELIVERED") : List.of("ORDER_PLACED")) {
				if (ours.stream().noneMatch(hook -> hook.orderNumber().equals(number) && hook.type().equals(type))) {
					missing.add(type + " webhook of " + number);
				}
			}
			if (ours.stream().noneMatch(hook -> hook.type().equals("MILESTONE_REACHED") && hook.eventId().contains("ship-" + number))) {
				missing.add("MILESTONE_REACHED webhook of " + number + " shipped");
			}
		});
		Map<String, Integer> load = teamLoad();
		int assigned = load.values().stream().mapToInt(Integer::intValue).sum();
		if (assigned < BILLING_REQUESTS) {
			missing.add("billing requests assigned: " + assigned + " of " + BILLING_REQUESTS + " " + load);
		}
		return missing;
	}

	private List<Hook> ours(Map<String, String> orderOf) {
		synchronized (hooks) {
			return hooks.stream().filter(hook -> orderOf.containsKey(hook.orderNumber())).toList();
		}
	}

	private static boolean isSurveyInvitation(Mail mail) {
		return mail.subject().startsWith("How easy was it to receive");
	}

	private static boolean mentions(Mail mail, String ticketNumber) {
		return Pattern.compile("\\b" + Pattern.quote(ticketNumber) + "\\b").matcher(mail.content()).find();
	}

	/** The ids of an organisation's open care tasks, as staff read them from customer-service. */
	private List<String> tasksOf(String organisation) {
		HttpResponse<String> answer = Partner.login(staff, staff).at("http://localhost:8082").get("/api/customers/v1/care-tasks");
		expect(answer, 200, "care tasks");
		return JsonPath.<List<String>>read(answer.body(), "$.items[?(@.organisationId == '" + organisation + "')].id");
	}

	// --- the admin's console ----------------------------------------------------------------------

	private void subscribe(String url) {
		admin.go("/console/webhooks/new");
		admin.driver.findElement(By.id("url")).sendKeys(url);
		for (String event : List.of("ORDER_PLACED", "MILESTONE_REACHED", "ORDER_DELIVERED")) {
			admin.driver.findElement(By.cssSelector("input[name=events][value=" + event + "]")).click();
		}
		admin.driver.findElement(By.id("description")).sendKeys("Two-replica test " + run);
		admin.driver.findElement(By.cssSelector("form.webhook-form button[type=submit]")).click();
		admin.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".webhook-secret")));
	}

	/**
	 * The test's own support team, first by id, taking billing requests (no demo team does): agents A and B with
	 * room, C with a cap of {@value #SMALL_CAP}; nobody holds a ticket yet.
	 */
	private void saveTeam() {
		admin.go("/console/teams/new");
		((JavascriptExecutor) admin.driver).executeScript("""
				const [id, users, smallCap] = arguments;
				const f = document.querySelector('form.team-form');
				f.querySelector('[name=id]').value = id;
				f.querySelector('[name=name]').value = 'Replica test ' + id;
				f.querySelectorAll('input[name=categories]').forEach(c => c.checked = c.value === 'TICKET_CATEGORY_BILLING');
				users.forEach((user, i) => {
				  const at = 'agents[' + i + '].';
				  f.querySelector('[name="' + at + 'userName"]').value = user;
				  f.querySelector('[name="' + at + 'displayName"]').value = 'Replica agent ' + user;
				  f.querySelector('[name="' + at + 'maxOpenTickets"]').value = i === 2 ? smallCap : 50;
				  f.querySelector('[name="' + at + 'available"]').checked = true;
				  f.querySelectorAll('[name="' + at + 'categories"], [name="' + at + 'languages"]').forEach(c => c.checked = false);
				});
				f.submit();""", team, agents, SMALL_CAP);
		admin.waitFor(ExpectedConditions.urlContains("saved=" + team));
		admin.go("/console/teams");
		assertThat(admin.text(By.cssSelector("section[data-team='" + team + "'] .team-categories")))
			.as("what the test's team takes, as the Teams page shows it").matches("Takes:\\s+Billing");
	}

	/** Each of the team's agents' open tickets, as the console's Teams page shows them ("3 / 50"). */
	private Map<String, Integer> teamLoad() {
		admin.go("/console/teams");
		Map<String, Integer> load = new LinkedHashMap<>();
		for (String agent : agents) {
			String shown = admin.text(By.cssSelector("section[data-team='" + team + "'] tr[data-agent='" + agent
					+ "'] td.agent-load"));
			load.put(agent, Integer.parseInt(shown.substring(0, shown.indexOf('/')).strip()));
		}
		return load;
	}

	// --- the budget ---------------------------------------------------------------------------------

	/** Waits for the next minute (a budget window) when asked or when the current one is past its 40th second. */
	private static void awaitEarlyInAMinute(boolean next) throws InterruptedException {
		long intoMinute = System.currentTimeMillis() % 60_000;
		if (next || intoMinute > 40_000) {
			Thread.sleep(60_000 - intoMinute + 500);
		}
	}

	/** {@code total} reads as the partner, alternating between the two gateways, from six threads, a little paced. */
	private List<Sent> burst(Partner[] gateways, int total) throws InterruptedException {
		List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		List<Callable<Void>> senders = new ArrayList<>();
		for (int t = 0; t < 6; t++) {
			senders.add(() -> {
				for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
					int gateway = i % 2;
					long at = System.currentTimeMillis();
					int status = gateways[gateway].get("/api/orders/v1/orders?size=1").statusCode();
					sent.add(new Sent(gateway, at, status));
					Thread.sleep(15);
				}
				return null;
			});
		}
		threads.invokeAll(senders);
		return List.copyOf(sent);
	}

	private static boolean withinOneWindow(List<Sent> burst) {
		return burst.stream().map(sent -> sent.atMillis() / 60_000).distinct().count() == 1;
	}

	/** The most requests that went to one gateway within any span of {@code span}. */
	private static int mostToOneGatewayWithin(List<Sent> burst, Duration span) {
		int most = 0;
		for (int gateway = 0; gateway < 2; gateway++) {
			int g = gateway;
			List<Long> times = burst.stream().filter(sent -> sent.gateway() == g).map(Sent::atMillis).sorted().toList();
			for (int from = 0, to = 0; to < times.size(); to++) {
				while (times.get(to) - times.get(from) > span.toMillis()) {
					from++;
				}
				most = Math.max(most, to - from + 1);
			}
		}
		return most;
	}

	// --- kill -9 ------------------------------------------------------------------------------------

	/** Writers on one instance, {@code kill -9} of it after 30 acknowledged writes, writers off. */
	private List<Acknowledged> killUnderLoad(String instance, WriteLoad.Writer writer) {
		WriteLoad load = WriteLoad.start(4, 40, writer);
		try {
			load.awaitAcknowledged(30, Duration.ofSeconds(90));
			platform.kill(instance);
			load.stopAfter(Duration.ofSeconds(1));
		}
		finally {
			load.close();
		}
		System.out.printf("Two-replica test, %s: %d writes acknowledged before kill -9; refused or failed: %s%n", instance,
				load.acknowledged().size(), load.unacknowledged());
		return load.acknowledged();
	}

	private static long seconds(long sinceNanos) {
		return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
	}
}
