package com.rapport.benchmarks.tickets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.rapport.benchmarks.orders.EmbeddedStore;
import com.rapport.support.mongo.store.StoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seeding tickets into a real store file (platform-mongo's backend) with the queue's indexes, from templates shaped
 * as ticket-service stores its demo's tickets, and reading them back by the queue's own filters and sorts.
 */
class TicketSeederTests {

	static final Instant LOADED = Instant.parse("2026-12-01T02:00:00Z");

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	static final org.bson.conversions.Bson SEEDED = Filters.regex("number", "^T-1\\d{6}$");

	@TempDir
	Path dir;

	private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	private final TicketPlan plan = new TicketPlan(300, 30, List.of("acme-retail", "globex-trading", "initech-logistics"),
			List.of(new TicketPlan.Agent("agent.li", "Li Na"), new TicketPlan.Agent("manager.wang", "Wang Fang")));

	@Test
	void seedsThePlanFromTheStoresOwnTicketsAndTheQueueReadsItFromItsIndexes() {
		Path file = dir.resolve("ticket-service.mv");
		demo(file, List.of(running("T-1001", "acme-retail", LOADED.minus(Duration.ofHours(30)), Duration.ofHours(24)),
				running("T-1002", "acme-retail", LOADED.minus(Duration.ofHours(1)), Duration.ofHours(24)), paused("T-1003"),
				resolved("T-1004")));

		TicketSeeder.Result result;
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			result = new TicketSeeder(out).seed(store, plan, 64, 0, NOW);
		}
		assertThat(result.ticketsSeeded()).isEqualTo(300);
		assertThat(result.complete()).isTrue();

		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			MongoCollection<Document> tickets = store.collection("tickets");
			assertThat(new TicketSeeder(out).seed(store, plan, 64, 0, NOW).ticketsSeeded()).as("a second run").isZero();
			List<Document> seeded = tickets.find(SEEDED).into(new ArrayList<>());
			assertThat(seeded).hasSize(300);
			assertThat(seeded.stream().map(t -> t.getString("number")).distinct()).hasSize(300);
			assertThat(seeded).filteredOn(TicketClones::isOpen).hasSize(30).allSatisfy(t -> {
				assertThat(t.getDate("openedAt").toInstant()).isBetween(NOW.minus(Duration.ofDays(3)), NOW);
				assertThat(t.getList("outbox", Document.class, List.of())).isEmpty();
			});
			assertThat(seeded).filteredOn(t -> !TicketClones.isOpen(t)).hasSize(270).allSatisfy(t -> {
				assertThat(t.getString("status")).isIn("RESOLVED", "CLOSED");
				assertThat(t.get("queue", Document.class).getString("lane")).isEqualTo("DONE");
				assertThat(t.getDate("openedAt").toInstant()).isBefore(NOW.minus(Duration.ofDays(2)))
					.isAfter(NOW.minus(Duration.ofDays(733)));
			});
			assertThat(seeded).extracting(t -> t.getString("status")).contains("CLOSED", "RESOLVED", "OPEN", "PENDING");
			// The queue's assignee key follows the ticket's, and nobody's tickets are "" (indexable).
			assertThat(seeded).allSatisfy(t -> assertThat(t.get("queue", Document.class).getString("assignee"))
				.isEqualTo(t.getString("assigneeId") == null ? "" : t.getString("assigneeId")));
			assertThat(seeded).extracting(t -> t.getString("customerId")).containsOnly(plan.organisations().toArray(String[]::new));
			// A clone of another organisation names no contact of the template's.
			assertThat(seeded).filteredOn(t -> !"acme-retail".equals(t.getString("customerId")))
				.allSatisfy(t -> assertThat(t.get("requester", Document.class).get("contactId")).isNull());

			// The breached segment, as ticket-service reads it: lane RUNNING, due before now, by index queue_due's order.
			List<Document> breached = tickets.find(Filters.and(Filters.eq("queue.lane", "RUNNING"),
					Filters.lt("queue.slaDueAt", Date.from(NOW)), SEEDED)).sort(Sorts.ascending("queue.slaDueAt", "_id"))
				.into(new ArrayList<>());
			assertThat(breached).isNotEmpty().allSatisfy(t -> {
				assertThat(t.getList("escalations", Document.class)).anySatisfy(e -> {
					assertThat(e.getString("kind")).isEqualTo("BREACH");
					assertThat(e.getBoolean("mailPending")).isFalse();
				});
			});
			assertThat(tickets.countDocuments(Filters.and(Filters.eq("escalations.mailPending", true), SEEDED))).isZero();
			// Every clone is one of the queue's lanes; the paused keep the working time the template kept.
			assertThat(tickets.countDocuments(Filters.eq("queue.lane", "PAUSED"))).isEqualTo(1 + 10);
			assertThat(tickets.find(Filters.and(Filters.eq("queue.lane", "PAUSED"), SEEDED))
				.first().get("queue", Document.class).getLong("pausedLeftSeconds")).isEqualTo(7_200L);
			Set<String> indexes = new HashSet<>();
			tickets.listIndexes().forEach(index -> indexes.add(index.getString("name")));
			assertThat(indexes).contains("number", "queue_due", "queue_assignee_due", "queue_paused", "queue_done");
		}
	}

	@Test
	void refusesAStoreWithMoreTicketsThanTheDemosWhichWouldAllBeInTheQueue() {
		Path file = dir.resolve("ticket-service.mv");
		List<Document> many = new ArrayList<>();
		for (int i = 0; i <= TicketSeeder.MOST_TEMPLATES; i++) {
			many.add(running("T-" + (2000 + i), "acme-retail", LOADED, Duration.ofHours(24)));
		}
		many.add(resolved("T-1999"));
		demo(file, many);
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			assertThatThrownBy(() -> new TicketSeeder(out).seed(store, plan, 64, 0, NOW))
				.hasMessageContaining("demo's tickets only");
		}
	}

	@Test
	void doneTicketsAreOpenedOldestFirstOverTwoYearsAndOpenOnesOverTheLastDays() {
		assertThat(plan.age(0)).isEqualTo(TicketPlan.DONE_SPAN);
		assertThat(plan.age(269)).isEqualTo(TicketPlan.DONE_NEWEST);
		assertThat(plan.age(100)).isLessThan(plan.age(99));
		assertThat(plan.age(270)).isZero();
		assertThat(plan.age(299)).isEqualTo(TicketPlan.OPEN_STEP.multipliedBy(29));
		assertThat(plan.agent(2)).isNull();
		assertThat(plan.agent(3).username()).isEqualTo("agent.li");
		assertThat(plan.id(7)).isEqualTo(plan.id(7)).isNotEqualTo(plan.id(8));
	}

	/** A ticket running since {@code opened}, due {@code target} later, at risk at three quarters of it. */
	static Document running(String number, String customer, Instant opened, Duration target) {
		Instant due = opened.plus(target);
		return ticket(number, customer, "OPEN", opened)
			.append("sla", new Document("calendarId", "standard").append("firstResponseTarget", "PT24H")
				.append("resolutionDue", Date.from(due)).append("resolutionRiskAt", Date.from(opened.plus(target.multipliedBy(3).dividedBy(4)))))
			.append("queue", new Document("lane", "RUNNING").append("slaDueAt", Date.from(due))
				.append("slaAtRiskAt", Date.from(opened.plus(target.multipliedBy(3).dividedBy(4)))).append("assignee", "agent.li"))
			.append("outbox", List.of(new Document("eventId", "ticket-opened:" + number)))
			.append("customerMails", List.of(new Document("eventId", "mail-ack:" + number)));
	}

	static Document paused(String number) {
		Instant opened = LOADED.minus(Duration.ofHours(5));
		return ticket(number, "acme-retail", "PENDING", opened)
			.append("sla", new Document("calendarId", "standard").append("pausedSince", Date.from(opened.plusSeconds(600)))
				.append("pausedLeft", "PT2H"))
			.append("queue", new Document("lane", "PAUSED").append("pausedLeftSeconds", 7_200L).append("assignee", "agent.li"));
	}

	static Document resolved(String number) {
		Instant opened = LOADED.minus(Duration.ofDays(2));
		return ticket(number, "acme-retail", "RESOLVED", opened).append("resolvedAt", Date.from(opened.plusSeconds(3_600)))
			.append("sla", new Document("calendarId", "standard"))
			.append("queue", new Document("lane", "DONE").append("met", true).append("assignee", "agent.li"))
			.append("escalations", List.of(new Document("kind", "BREACH").append("mailPending", true)));
	}

	private static Document ticket(String number, String customer, String status, Instant opened) {
		return new Document("_id", "id-" + number).append("number", number).append("customerId", customer)
			.append("subject", "Ticket " + number).append("kind", "REQUEST").append("priority", "NORMAL")
			.append("status", status).append("channel", "PORTAL").append("openedAt", Date.from(opened))
			.append("requester", new Document("contactId", "alice").append("name", "Alice Chen").append("erased", false))
			.append("assignee", "Li Na").append("assigneeId", "agent.li").append("tier", "VIP")
			.append("createdAt", Date.from(LOADED.minus(Duration.ofMinutes(number.hashCode() & 7))))
			.append("version", 3L).append("_class", "com.rapport.ticket.ticket.Ticket");
	}

	/** A ticket-service store with the indexes the service declares on Ticket, holding {@code tickets}. */
	private static void demo(Path file, List<Document> tickets) {
		StoreBackend backend = new StoreBackend(file, 16, Clock.systemUTC());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			MongoCollection<Document> collection = client.getDatabase("ticket-service").getCollection("tickets");
			collection.createIndex(new Document("number", 1), new IndexOptions().name("number").unique(true));
			collection.createIndex(new Document("queue.lane", 1).append("queue.slaDueAt", 1).append("_id", 1),
					new IndexOptions().name("queue_due"));
			collection.createIndex(new Document("queue.assignee", 1).append("queue.lane", 1).append("queue.slaDueAt", 1)
				.append("_id", 1), new IndexOptions().name("queue_assignee_due"));
			collection.createIndex(new Document("queue.lane", 1).append("queue.pausedLeftSeconds", 1).append("_id", 1),
					new IndexOptions().name("queue_paused"));
			collection.createIndex(new Document("queue.lane", 1).append("openedAt", 1).append("_id", 1),
					new IndexOptions().name("queue_done"));
			collection.createIndex(new Document("escalations.mailPending", 1),
					new IndexOptions().name("escalation_mail_pending").sparse(true));
			collection.insertMany(tickets);
		}
		finally {
			server.shutdownNow();
			backend.close();
		}
	}
}
