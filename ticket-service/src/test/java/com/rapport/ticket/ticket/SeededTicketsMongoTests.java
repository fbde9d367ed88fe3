package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.QueryPlans;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets seeded straight into the store, as the benchmarks' {@code tickets --seed-offline} does (its
 * {@code TicketClones}): documents the service stored, copied raw with their own id, number, organisation and
 * assignee and every time in them moved by the same amount. They must read back through the service's own
 * repository and queue exactly as the tickets it made: the queue keys it works out on reading each (from its status
 * and SLA clock) are the ones stored, which the queue's indexes hold, and the console's queue lists them by them.
 * Same configuration as {@link TicketQueryPlanMongoTests}, so the two share one context.
 */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, QueryPlans.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class SeededTicketsMongoTests {

	static final Instant MADE = Instant.parse("2026-11-20T08:00:00Z");

	static final Instant NOW = MADE.plus(Duration.ofDays(10));

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Test
	void ticketsClonedWithEveryTimeMovedReadBackWithTheirQueueKeysAndListInTheQueueAsTheServicesOwn() {
		tickets.deleteAll();
		tickets.insert(Tickets.stored("acme-retail", "T-1001", MADE.minus(Duration.ofHours(20))));
		tickets.insert(Tickets.stored("acme-retail", "T-1002", MADE.minus(Duration.ofHours(2)))
			.waitingOnCustomerFrom(MADE.minus(Duration.ofHours(1)), BusinessCalendar.ROUND_THE_CLOCK));
		tickets.insert(Tickets.resolved(Tickets.stored("acme-retail", "T-1003", MADE.minus(Duration.ofDays(3)))));
		List<Document> templates = mongo.getCollection("tickets").find().into(new ArrayList<>());
		templates.sort((a, b) -> a.getString("number").compareTo(b.getString("number")));

		// Thirty clones, each opened five hours before the one before it: at risk, breached, paused and done ones.
		List<Document> clones = new ArrayList<>();
		for (int k = 0; k < 30; k++) {
			Document template = templates.get(k % 3);
			long shift = Duration.between(MADE, NOW).minus(Duration.ofHours(5L * k)).toMillis();
			Document clone = (Document) moved(template, shift);
			String assignee = k % 2 == 0 ? "agent.li" : null;
			clone.put("_id", "seeded-" + k);
			clone.put("number", "T-" + (1_000_000 + k));
			clone.put("customerId", List.of("acme-retail", "globex-trading", "initech").get(k % 3));
			clone.put("assigneeId", assignee);
			clone.put("assignee", assignee == null ? null : "Li Na");
			clone.get("queue", Document.class).put("assignee", assignee == null ? "" : assignee);
			clone.put("outbox", List.of());
			clones.add(clone);
		}
		mongo.getCollection("tickets").insertMany(clones);

		for (Document stored : clones) {
			Ticket read = tickets.findById(stored.getString("_id")).orElseThrow();
			Document keys = stored.get("queue", Document.class);
			QueueKeys worked = read.queue();
			assertThat(worked.lane().name()).as(read.number()).isEqualTo(keys.getString("lane"));
			assertThat(worked.slaDueAt()).as(read.number()).isEqualTo(instant(keys.get("slaDueAt")));
			assertThat(worked.slaAtRiskAt()).as(read.number()).isEqualTo(instant(keys.get("slaAtRiskAt")));
			assertThat(worked.pausedLeftSeconds()).as(read.number()).isEqualTo(keys.get("pausedLeftSeconds"));
			assertThat(worked.met()).as(read.number()).isEqualTo(keys.get("met"));
			assertThat(worked.assignee()).as(read.number()).isEqualTo(keys.getString("assignee"));
		}

		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		TicketQueue queue = new TicketQueue(mongo, SlaProperties.defaults(),
				new SlaSettings(mongo, SlaProperties.defaults(), null, clock), clock);
		TicketPage page = queue.list(TicketQueryPlanContract.AGENT, TicketQueryPlanContract.withToken(null, 100));
		// Open: the two open templates and the twenty clones of them; most urgent first, segment after segment.
		assertThat(page.total()).isEqualTo(22);
		List<SlaState> states = page.tickets().stream().map(OpenTickets.OpenTicket::state).toList();
		assertThat(states).contains(SlaState.BREACHED, SlaState.AT_RISK, SlaState.PAUSED);
		assertThat(states).isSortedAccordingTo((a, b) -> Integer.compare(urgency(a), urgency(b)));
		// Each listed as its own SLA rule says at that moment.
		page.tickets().forEach(listed -> assertThat(listed.state()).as(listed.ticket().number())
			.isEqualTo(listed.ticket().slaStateAt(NOW, 25)));
	}

	private static int urgency(SlaState state) {
		return switch (state) {
			case BREACHED -> 0;
			case AT_RISK, ON_TRACK -> 1;
			default -> 2;
		};
	}

	private static Instant instant(Object value) {
		return value instanceof Date date ? date.toInstant() : null;
	}

	/** The value with every date in it moved by {@code shift} milliseconds. */
	private static Object moved(Object value, long shift) {
		if (value instanceof Document document) {
			Document copy = new Document();
			document.forEach((key, field) -> copy.put(key, moved(field, shift)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list.stream().map(item -> moved(item, shift)).toList());
		}
		return value instanceof Date date ? new Date(date.getTime() + shift) : value;
	}
}
