package com.rapport.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.systemtests.WriteLoad.Acknowledged;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash under load keeps every acknowledged write: partner writers post distinct writes through the gateway
 * from {@value #WRITERS} threads; after {@value #ACKNOWLEDGED_BEFORE_KILL} of them are answered 2xx the
 * service's JVM is killed with {@code kill -9} (its pid from {@code ./platform}'s pid file), the writers go on
 * for a moment (those writes fail: not acknowledged), then stop; {@code ./platform start} brings the service
 * back. Every acknowledged write must then read back through the partner API with what was sent, every outbox
 * event of those writes must reach customer-service's timeline, and the restarted service must answer new
 * writes with nothing in its log but a normal start.
 *
 * <p>Covered, the services that take writes from people or partners today:
 * <ul>
 * <li>order-tracking-service: partner orders ({@code POST /api/orders/v1/orders} with an Idempotency-Key), and
 * their {@code ORDER_PLACED} events on the organisation's timeline (the order's outbox);</li>
 * <li>customer-service: partner organisations ({@code POST}, {@code PUT .../external/{id}},
 * {@code organisations:batch} with contacts) and contacts; the console's edits go over gRPC to the same
 * organisation service and store. It is also the receiving end of every outbox: orders posted during its crash
 * must still reach the timeline, which catches an entry it acknowledged to the relay and then lost.</li>
 * <li>the gateway: the sessions of people who signed in, written at the sign-in's last step (a graceful restart:
 * {@link TokenAndSessionSystemTests}). Its rate-limit counters are written without waiting for the disk on
 * purpose (a crash may forget a few requests of the current minute).</li>
 * </ul>
 * Not yet: ticket-service and feedback-service have no REST API and only read over gRPC (their tickets and
 * answers come from the demo data until the ticket workflow and survey collection arrive); their one write
 * from people is an admin's personal-data erasure, idempotent and run again until done. portal-web keeps no
 * data.
 */
@ExtendWith(RunningPlatform.class)
// After the tests that read the demo's lists (this adds organisations and orders), before the one that spends a budget.
@Order(Integer.MAX_VALUE - 3)
@DisabledIfSystemProperty(named = "rapport.useRunningPlatform", matches = "true")
class CrashSystemTests {

	static final int WRITERS = 6;

	static final int ACKNOWLEDGED_BEFORE_KILL = 50;

	/** Bounds the load however slow the platform is; well above what reaching the kill takes. */
	static final int WRITES_PER_WRITER = 40;

	static final Duration WRITING_ON_AFTER_KILL = Duration.ofSeconds(1);

	/**
	 * The relays deliver every 2 s, but a relay killed mid-round holds its lease until its liveness runs out
	 * ({@code MongoLease.LIVENESS}, 20 s) before the restarted one may take it over; a bound well above that.
	 */
	static final Duration OUTBOX_DELIVERY = Duration.ofSeconds(150);

	private static final String DUPLICATE_KEY = "de.bwaldvogel.mongo.exception.DuplicateKeyError";

	/** partner-demo; a fresh token after the restart, as the first may be near its 5 minutes by then. */
	private volatile Partner partner = Partner.demo();

	/** Ids and numbers of this run, so that nothing collides with another run's or the demo's. */
	private final String run = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void orderTrackingKilledMidStreamKeepsEveryAcknowledgedOrderAndTellsTheTimelineOfEach(
			RunningPlatform.Started platform) throws InterruptedException {
		String organisation = createOrganisation("crash-" + run + "-orders");

		List<Acknowledged> acknowledged = crashUnderLoad(platform, "order-tracking-service",
				(thread, n) -> order(organisation, thread, n));

		awaitPartnerApi("/api/orders/v1/orders?customerId=" + organisation + "&size=1");
		assertNoneLost("order-tracking-service", acknowledged);
		assertEveryOutboxEventOnTheTimeline("order-tracking-service", acknowledged);
		assertAnswersNormally(platform, "order-tracking-service", order(organisation, WRITERS, 0));
	}

	@Test
	void customerServiceKilledMidStreamKeepsEveryAcknowledgedOrganisationContactAndTimelineEntry(
			RunningPlatform.Started platform) throws InterruptedException {
		List<String> contactsOf = List.of(createOrganisation("crash-" + run + "-contacts-0"),
				createOrganisation("crash-" + run + "-contacts-1"));
		String ordered = createOrganisation("crash-" + run + "-relay");

		// Two writers each: organisations (single, upsert, batch), contacts, and orders whose events the relay
		// delivers into customer-service while it is killed.
		List<Acknowledged> acknowledged = crashUnderLoad(platform, "customer-service", (thread, n) -> switch (thread % 3) {
			case 0 -> organisations(thread, n);
			case 1 -> contact(contactsOf.get(thread / 3), thread, n);
			default -> order(ordered, thread, n);
		});

		awaitPartnerApi("/api/customers/v1/organisations/" + ordered);
		assertNoneLost("customer-service", acknowledged);
		assertEveryOutboxEventOnTheTimeline("customer-service", acknowledged);
		assertAnswersNormally(platform, "customer-service", organisations(WRITERS, 0));
	}

	@Test
	void gatewayKilledRightAfterPeopleSignInKeepsThemSignedIn(RunningPlatform.Started platform) {
		try (Browser customer = Browser.open().login("acme.buyer", "acme-demo-26");
				Browser agent = Browser.open().login("agent.li", "agent-demo-26")) {
			// The agent's sign-in answered a moment ago: its session is the newest write of the gateway.
			try {
				platform.kill("gateway");
			}
			finally {
				platform.start("gateway");
			}
			customer.go("/portal");
			assertThat(customer.text(By.tagName("h1"))).isEqualTo("Your orders");
			agent.go("/console/organisations/acme-retail");
			assertThat(agent.text(By.tagName("h1"))).isEqualTo("Acme Retail");
			assertThat(platform.log("gateway")).doesNotContain(" ERROR ");
		}
	}

	/** Writers on, {@code kill -9} after enough acknowledgements, writers off, the module started again. */
	private static List<Acknowledged> crashUnderLoad(RunningPlatform.Started platform, String module,
			WriteLoad.Writer writer) {
		WriteLoad load = WriteLoad.start(WRITERS, WRITES_PER_WRITER, writer);
		try {
			load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, Duration.ofSeconds(90));
			platform.kill(module);
			load.stopAfter(WRITING_ON_AFTER_KILL);
		}
		finally {
			load.close();
			// Whatever happened, the module runs again for the tests after this one (a no-op if never killed).
			platform.start(module);
		}
		System.out.printf("Crash test, %s: %d writes acknowledged before kill -9; refused or failed: %s%n", module,
				load.acknowledged().size(), load.unacknowledged());
		return load.acknowledged();
	}

	private List<Acknowledged> order(String organisation, int thread, int n) {
		String number = "CRASH-" + run.toUpperCase() + "-" + thread + "-" + n;
		HttpResponse<String> answer = partner.postOrder(Partner.orderJson(organisation, number), "crash-" + number);
		if (answer.statusCode() != 201) {
			throw new WriteLoad.Refused(answer);
		}
		String id = JsonPath.read(answer.body(), "$.id");
		Map<String, Object> shows = Map.of("$.orderNumber", number, "$.customerId", organisation, "$.lines[0].sku",
				"STOOL-SYS-01", "$.milestones[1].note", "Confirmed by the plant");
		return List.of(new Acknowledged("order " + number, "/api/orders/v1/orders/" + id, shows, organisation,
				"order:" + id));
	}

	/** One organisation created, one upserted by its external id, or a batch of three with a contact each. */
	private List<Acknowledged> organisations(int thread, int n) {
		String id = "crash-" + run + "-" + thread + "-" + n;
		String name = "Crash " + run + " " + thread + "-" + n;
		return switch (n % 3) {
			case 0 -> {
				HttpResponse<String> answer = partner.send("POST", "/api/customers/v1/organisations", """
						{"id": "%s", "name": "%s", "country": "CN", "industry": "Furniture"}""".formatted(id, name));
				if (answer.statusCode() != 201) {
					throw new WriteLoad.Refused(answer);
				}
				yield List.of(Acknowledged.of("organisation " + id, "/api/customers/v1/organisations/" + id,
								Map.of("$.name", name, "$.industry", "Furniture")));
			}
			case 1 -> {
				String externalId = "ERP-" + id;
				HttpResponse<String> answer = partner.send("PUT", "/api/customers/v1/organisations/external/" + externalId,
						"""
								{"name": "%s", "country": "DE", "region": "Bavaria"}""".formatted(name));
				if (answer.statusCode() != 201) {
					throw new WriteLoad.Refused(answer);
				}
				yield List.of(Acknowledged.of("organisation " + externalId, "/api/customers/v1/organisations/"
								+ JsonPath.read(answer.body(), "$.id"),
								Map.of("$.externalId", externalId, "$.name", name, "$.region", "Bavaria")));
			}
			default -> batch(id, name);
		};
	}

	private List<Acknowledged> batch(String id, String name) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			items.add("""
					{"externalId": "ERP-%1$s-%2$d", "id": "%1$s-%2$d", "name": "%3$s-%2$d", "country": "CN",
					 "contacts": [{"externalId": "CRM-%1$s-%2$d", "name": "Contact %3$s-%2$d",
					               "email": "%1$s-%2$d@crash.example"}]}""".formatted(id, i, name));
		}
		HttpResponse<String> answer = partner.send("POST", "/api/customers/v1/organisations:batch",
				"[" + String.join(",", items) + "]");
		if (answer.statusCode() != 200) {
			throw new WriteLoad.Refused(answer);
		}
		List<Acknowledged> acknowledged = new ArrayList<>();
		List<Map<String, Object>> answers = JsonPath.read(answer.body(), "$.items");
		for (Map<String, Object> item : answers) {
			if (Integer.valueOf(201).equals(item.get("status"))) {
				int i = (Integer) item.get("index");
				acknowledged.add(Acknowledged.of("batch organisation " + id + "-" + i,
						"/api/customers/v1/organisations/" + item.get("id"), Map.of("$.name", name + "-" + i,
								"$.contacts[0].email", id + "-" + i + "@crash.example")));
			}
		}
		return acknowledged;
	}

	private List<Acknowledged> contact(String organisation, int thread, int n) {
		String name = "Crash Contact " + thread + "-" + n;
		String email = "crash-" + run + "-" + thread + "-" + n + "@crash.example";
		HttpResponse<String> answer = partner.send("POST", "/api/customers/v1/organisations/" + organisation + "/contacts",
				"""
						{"name": "%s", "email": "%s", "jobTitle": "Buyer"}""".formatted(name, email));
		if (answer.statusCode() != 201) {
			throw new WriteLoad.Refused(answer);
		}
		return List.of(Acknowledged.of("contact " + email, "/api/customers/v1/organisations/" + organisation
				+ "/contacts/" + JsonPath.read(answer.body(), "$.id"), Map.of("$.name", name, "$.email", email)));
	}

	private String createOrganisation(String id) {
		HttpResponse<String> answer = partner.send("POST", "/api/customers/v1/organisations", """
				{"id": "%s", "name": "Crash test %s", "country": "CN"}""".formatted(id, id));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return id;
	}

	/**
	 * Waits until the restarted service answers through the gateway, whose circuit breaker may still be open
	 * from the crash for a few seconds; with a fresh token.
	 */
	private void awaitPartnerApi(String path) throws InterruptedException {
		partner = Partner.demo();
		int status = 0;
		for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
			status = partner.get(path).statusCode();
			if (status != 200) {
				Thread.sleep(1000);
			}
		}
		assertThat(status).as("GET " + path + " after the restart").isEqualTo(200);
	}

	private void assertNoneLost(String module, List<Acknowledged> acknowledged) {
		List<String> lost = acknowledged.stream().map(write -> write.lossOn(partner)).filter(Objects::nonNull).toList();
		assertThat(lost).as("%d of %d writes %s acknowledged before kill -9 lost or changed after its restart",
				lost.size(), acknowledged.size(), module).isEmpty();
	}

	/** Each acknowledged write's outbox event on its organisation's timeline, waiting for the relays. */
	private static void assertEveryOutboxEventOnTheTimeline(String module, List<Acknowledged> acknowledged)
			throws InterruptedException {
		Map<String, Set<String>> owed = new LinkedHashMap<>();
		acknowledged.stream().filter(write -> write.reference() != null).forEach(
				write -> owed.computeIfAbsent(write.timelineOrganisation(), o -> new HashSet<>()).add(write.reference()));
		int events = owed.values().stream().mapToInt(Set::size).sum();
		assertThat(events).as("acknowledged writes with an outbox event").isPositive();
		Set<String> missing = new HashSet<>();
		long deadline = System.nanoTime() + OUTBOX_DELIVERY.toNanos();
		try (Timeline timeline = Timeline.open()) {
			do {
				missing.clear();
				for (Map.Entry<String, Set<String>> organisation : owed.entrySet()) {
					Set<String> waiting = new HashSet<>(organisation.getValue());
					try {
						waiting.removeAll(timeline.references(organisation.getKey(), InteractionKind.INTERACTION_KIND_ORDER_PLACED));
					}
					catch (StatusRuntimeException ex) {
						// customer-service still starting its gRPC side: everything still counts as missing
					}
					missing.addAll(waiting);
				}
				if (!missing.isEmpty()) {
					Thread.sleep(1000);
				}
			}
			while (!missing.isEmpty() && System.nanoTime() < deadline);
		}
		assertThat(missing).as("%d of %d outbox events of writes acknowledged around the kill -9 of %s not on "
				+ "customer-service's timeline within %s", missing.size(), events, module, OUTBOX_DELIVERY).isEmpty();
	}

	/**
	 * A new write is acknowledged and reads back, and the restarted service logged no error (no repair, no lost
	 * file). The store refusing a duplicate key is an answer, not an error, though mongo-java-server logs it as
	 * one: the relay's lease, still held by the killed process until it expires, is refused so.
	 */
	private void assertAnswersNormally(RunningPlatform.Started platform, String module, List<Acknowledged> newWrite) {
		List<String> lost = newWrite.stream().map(write -> write.lossOn(partner)).filter(Objects::nonNull).toList();
		assertThat(lost).as("a write acknowledged by the restarted " + module + " and read back").isEmpty();
		List<String> log = platform.log(module).lines().filter(line -> !line.isBlank()).toList();
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < log.size(); i++) {
			if (log.get(i).contains(" ERROR ")
					&& !(i + 1 < log.size() && log.get(i + 1).startsWith(DUPLICATE_KEY))) {
				errors.add(log.get(i));
			}
		}
		assertThat(errors).as("errors in the log of the restarted " + module).isEmpty();
	}
}
