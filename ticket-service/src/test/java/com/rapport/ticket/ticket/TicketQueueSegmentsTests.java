package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queue read by segments on the embedded store: paged through in small pages it gives every matching ticket
 * once, most urgent first, in the order and states the tickets' own SLA rule gives; the keys of tickets stored
 * before they existed are written once at start.
 */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class TicketQueueSegmentsTests {

	static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

	static final Instant NOW = T0.plus(Duration.ofHours(10));

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web",
			"");

	static final BusinessCalendar CLOCK = BusinessCalendar.ROUND_THE_CLOCK;

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	/** Twenty-four VIP tickets opened every 20 minutes: breached, at risk, on track, paused, some resolved. */
	@BeforeEach
	void ticketsInEveryState() {
		tickets.deleteAll();
		for (int i = 0; i < 24; i++) {
			Instant opened = T0.plus(Duration.ofMinutes(20L * i));
			Ticket ticket = Tickets.stored(i % 2 == 0 ? "acme-retail" : "globex-trading", "T-" + (1000 + i), opened,
					Tier.VIP, Tickets.ALICE);
			if (i % 3 == 0) {
				ticket = ticket.respondedAt(opened.plus(Duration.ofMinutes(10)), "agent.li", "Li Na");
			}
			if (i % 5 == 0) {
				ticket = ticket.waitingOnCustomerFrom(opened.plus(Duration.ofMinutes(30)), CLOCK);
			}
			if (i % 7 == 0) {
				ticket = Tickets.resolved(Tickets.stored("initech", "T-" + (2000 + i), opened, Tier.VIP, Tickets.ALICE));
			}
			tickets.insert(ticket);
		}
	}

	@Test
	void pagingThroughTheQueueGivesEveryOpenTicketOnceMostUrgentFirst() {
		List<OpenTickets.OpenTicket> read = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			TicketPage page = queue(NOW).list(AGENT, open(token, 3));
			assertThat(page.total()).isEqualTo(expected().size());
			read.addAll(page.tickets());
			token = page.nextPageToken();
			pages++;
		}
		while (token != null);

		assertThat(read).extracting(t -> t.ticket().number())
			.containsExactlyElementsOf(expected().stream().map(t -> t.ticket().number()).toList());
		assertThat(read).extracting(OpenTickets.OpenTicket::state)
			.containsExactlyElementsOf(expected().stream().map(OpenTickets.OpenTicket::state).toList())
			.contains(SlaState.BREACHED, SlaState.AT_RISK, SlaState.ON_TRACK, SlaState.PAUSED);
		assertThat(pages).isEqualTo((expected().size() + 2) / 3);
	}

	@Test
	void laterPagesKeepTheStatesOfTheFirstPagesAnswer() {
		TicketPage first = queue(NOW).list(AGENT, open(null, 3));

		// An hour later, the second page still reads the segments as of the first page's answer.
		TicketPage second = queue(NOW.plus(Duration.ofHours(1))).list(AGENT, open(first.nextPageToken(), 3));

		assertThat(second.tickets()).extracting(t -> t.ticket().number())
			.containsExactlyElementsOf(expected().subList(3, 6).stream().map(t -> t.ticket().number()).toList());
	}

	@Test
	void filteredBySlaStateOnlyThoseSegmentsAreRead() {
		TicketQuery atRiskOrBreached = new TicketQuery(null, null, null, TicketQuery.AssigneeFilter.ANY, null,
				Set.of(SlaState.AT_RISK, SlaState.BREACHED), null, null, 100, 0, null, null);

		TicketPage page = queue(NOW).list(AGENT, atRiskOrBreached);

		List<Ticket> all = mongo.findAll(Ticket.class);
		assertThat(page.tickets()).extracting(t -> t.ticket().number())
			.containsExactlyInAnyOrderElementsOf(all.stream()
				.filter(t -> Set.of(SlaState.AT_RISK, SlaState.BREACHED).contains(t.slaStateAt(NOW, 25)))
				.map(Ticket::number)
				.toList());
		assertThat(page.tickets()).extracting(t -> t.ticket().isOpen()).contains(true);
	}

	@Test
	void aTokenThatIsNotOursIsRefused() {
		assertThatThrownBy(() -> queue(NOW).list(AGENT, open("cXVldWU6MTIzOk5PUEU6MTpp", 3)))
			.isInstanceOf(UnprocessableException.class);
		assertThatThrownBy(() -> queue(NOW).list(AGENT, open("forged!", 3)))
			.isInstanceOf(UnprocessableException.class);
	}

	@Test
	void ticketsStoredBeforeTheKeysGetThemOnceAtStart() {
		List<Document> before = mongo.findAll(Document.class, "tickets");
		mongo.updateMulti(new Query(), new Update().unset("queue"), "tickets");
		QueueKeysBackfill backfill = new QueueKeysBackfill(mongo, Clock.fixed(NOW, ZoneOffset.UTC));

		backfill.run(null);

		assertThat(mongo.findAll(Document.class, "tickets")).extracting(d -> d.get("queue"))
			.containsExactlyInAnyOrderElementsOf(before.stream().map(d -> d.get("queue")).toList())
			.doesNotContainNull();
		assertThat(mongo.findAll(Document.class, "tickets")).extracting(d -> d.get("version"))
			.containsExactlyInAnyOrderElementsOf(before.stream().map(d -> d.get("version")).toList());
		assertThat(backfill.backfill()).as("a second run changes nothing").isZero();
		mongo.updateMulti(new Query(), new Update().unset("queue"), "tickets");
		backfill.run(null);
		assertThat(mongo.count(Query.query(Criteria.where("queue").exists(false)), "tickets"))
			.as("once done, the marker keeps it from running at every start").isEqualTo(24);
	}

	/**
	 * Session 17: the "promises due" view lists the tickets with an open promise due within the reminder lead time
	 * (2 h) or overdue, whatever their status, the longest overdue first, paged by its cursor; a promise due later, or
	 * kept, is not there. Every staff page marks those tickets and counts them; a contact's page does neither.
	 */
	@Test
	void thePromisesDueViewListsTicketsWhosePromiseFallsDueWithinTheLeadOrIsOverdue() {
		promise("T-1001", NOW.plus(Duration.ofHours(1)), false);
		promise("T-1002", NOW.plus(Duration.ofHours(3)), false);
		promise("T-1004", NOW.minus(Duration.ofHours(1)), false);
		promise("T-1005", NOW.plus(Duration.ofMinutes(30)), true);
		promise("T-2000", NOW.plus(Duration.ofMinutes(90)), false);
		promise("T-1008", NOW.plus(Duration.ofHours(2)), false);
		TicketQuery due = new TicketQuery(null, null, null, TicketQuery.AssigneeFilter.ANY, null, null, null, null, 2,
				0, null, null, true);

		TicketPage first = queue(NOW).list(AGENT, due);
		TicketPage second = queue(NOW.plus(Duration.ofHours(1))).list(AGENT, new TicketQuery(null, null, null,
				TicketQuery.AssigneeFilter.ANY, null, null, null, null, 2, 0, first.nextPageToken(), null, true));

		assertThat(first.tickets()).extracting(t -> t.ticket().number()).containsExactly("T-1004", "T-1001");
		assertThat(second.tickets()).as("the resolved one too; due exactly at the lead's end is not yet")
			.extracting(t -> t.ticket().number()).containsExactly("T-2000");
		assertThat(second.nextPageToken()).isNull();
		assertThat(first.total()).isEqualTo(3);
		assertThat(first.promisesDueCount()).isEqualTo(3);
		assertThat(first.tickets()).allSatisfy(t -> assertThat(first.promiseDue(t.ticket())).isTrue());

		TicketPage open = queue(NOW).list(AGENT, open(null, 100));
		assertThat(open.promisesDueCount()).isEqualTo(3);
		assertThat(open.tickets()).filteredOn(t -> open.promiseDue(t.ticket()))
			.extracting(t -> t.ticket().number())
			.containsExactlyInAnyOrder("T-1001", "T-1004");
		assertThat(open.tickets()).extracting(t -> t.ticket().number()).contains("T-1002", "T-1005", "T-1008");

		Caller alice = new Caller("alice", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme-retail"),
				"portal-web", "");
		TicketPage hers = queue(NOW).list(alice, open(null, 100));
		assertThat(hers.promisesDueCount()).isZero();
		assertThat(hers.tickets()).isNotEmpty().noneSatisfy(t -> assertThat(hers.promiseDue(t.ticket())).isTrue());
	}

	@Test
	void aPromisesDueTokenIsNotTheQueuesNorTheOtherWayRound() {
		promise("T-1001", NOW.plus(Duration.ofHours(1)), false);
		promise("T-1004", NOW.minus(Duration.ofHours(1)), false);
		TicketPage promises = queue(NOW).list(AGENT, new TicketQuery(null, null, null, TicketQuery.AssigneeFilter.ANY,
				null, null, null, null, 1, 0, null, null, true));
		TicketPage queue = queue(NOW).list(AGENT, open(null, 1));

		assertThatThrownBy(() -> queue(NOW).list(AGENT, open(promises.nextPageToken(), 1)))
			.isInstanceOf(UnprocessableException.class);
		assertThatThrownBy(() -> queue(NOW).list(AGENT, new TicketQuery(null, null, null,
				TicketQuery.AssigneeFilter.ANY, null, null, null, null, 1, 0, queue.nextPageToken(), null, true)))
			.isInstanceOf(UnprocessableException.class);
	}

	/** A promise of Li Na's on the ticket, due at {@code due}, kept already when {@code kept}. */
	private void promise(String number, Instant due, boolean kept) {
		Ticket ticket = mongo.findOne(Query.query(Criteria.where("number").is(number)), Ticket.class);
		Commitment made = new Commitment("c-" + number, Commitment.Kind.CALL_BACK, "Call back", "agent.li", "Li Na",
				null, due, due.minus(Duration.ofHours(2)), T0, "agent.li", "Li Na", Commitment.Status.OPEN, null, null,
				null, null, null, due.isBefore(NOW) ? NOW : null);
		Ticket changed = ticket.withCommitment(made);
		if (kept) {
			changed = changed.withCommitmentChanged(made.keptAt(NOW), NOW);
		}
		tickets.save(changed);
	}

	/** The open tickets in the order the queue promises, from the tickets' own rule. */
	private List<OpenTickets.OpenTicket> expected() {
		Comparator<OpenTickets.OpenTicket> order = Comparator
			.comparing((OpenTickets.OpenTicket t) -> List.of(SlaState.BREACHED, SlaState.AT_RISK, SlaState.ON_TRACK,
					SlaState.PAUSED).indexOf(t.state()))
			.thenComparing(t -> t.state() == SlaState.PAUSED ? Instant.EPOCH.plusSeconds(t.ticket().queue().pausedLeftSeconds())
					: t.ticket().queue().slaDueAt())
			.thenComparing(t -> t.ticket().id());
		return mongo.findAll(Ticket.class).stream().filter(Ticket::isOpen)
			.map(t -> new OpenTickets.OpenTicket(t, t.slaStateAt(NOW, 25))).sorted(order).toList();
	}

	private static TicketQuery open(String token, int size) {
		return new TicketQuery(null, true, null, TicketQuery.AssigneeFilter.ANY, null, null, null, null, size, 0,
				token, null);
	}

	private TicketQueue queue(Instant now) {
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		return new TicketQueue(mongo, SlaProperties.defaults(), new SlaSettings(mongo, SlaProperties.defaults(), null,
				clock), clock);
	}
}
