package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;

import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.QueryPlans.Plan;
import com.rapport.support.timeline.OutboxRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads behind the console's queue, the 360's open tickets and the relay are answered from an index: each test runs the query as
 * the service sends it and has the store explain every read. Three organisations with twenty tickets each,
 * mostly resolved and told already, one new ticket each whose opening the timeline has still to hear of, and one
 * each waiting on the customer.
 */
abstract class TicketQueryPlanContract {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web",
			"");

	static final TicketQuery OPEN_MOST_URGENT = withToken(null, 100);

	static TicketQuery withToken(String token, int size) {
		return new TicketQuery(null, true, null, TicketQuery.AssigneeFilter.ANY, null, null, null, null, size, 0,
				token, null);
	}

	/** The queue as the service reads it, one hour after {@link #T0}. */
	TicketQueue queue() {
		Clock clock = Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC);
		return new TicketQueue(mongo, SlaProperties.defaults(),
				new SlaSettings(mongo, SlaProperties.defaults(), null, clock), clock);
	}

	@BeforeEach
	void threeOrganisationsWithTwentyTicketsEach() {
		tickets.deleteAll();
		int number = 1000;
		for (String customer : List.of("acme-retail", "globex-trading", "initech")) {
			for (int i = 0; i < 20; i++) {
				Ticket ticket = Tickets.stored(customer, "T-" + number++, T0.minus(Duration.ofDays(i)));
				tickets.insert(i < 5 ? ticket : Tickets.resolved(ticket));
			}
		}
		mongo.updateMulti(new Query(), new Update().set("outbox", List.of()), Ticket.class);
		for (String customer : List.of("acme-retail", "globex-trading", "initech")) {
			tickets.insert(Tickets.stored(customer, "T-" + number++, T0).withEventOfOpening());
		}
		// One waiting on the customer per organisation, so the queue has all its segments.
		for (String customer : List.of("acme-retail", "globex-trading", "initech")) {
			Ticket asked = Tickets.stored(customer, "T-" + number++, T0.minus(Duration.ofHours(2)))
				.waitingOnCustomerFrom(T0.minus(Duration.ofHours(1)), BusinessCalendar.ROUND_THE_CLOCK);
			tickets.insert(asked);
		}
	}

	@Test
	void anOrganisationsOpenTicketsAreReadFromItsStatusIndex() {
		List<Plan> sent = plans.explain(mongo, "tickets",
				() -> assertThat(tickets.findByCustomerIdAndStatusIn("globex-trading", TicketStatus.OPEN_STATUSES))
					.hasSize(7));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("customer_status_opened"));
	}

	@Test
	void theConsoleQueueReadsEverySegmentFromTheQueueIndexesInOrder() {
		List<Plan> sent = plans.explain(mongo, "tickets", () -> {
			TicketPage page = queue().list(AGENT, OPEN_MOST_URGENT);
			assertThat(page.tickets()).hasSize(21);
			assertThat(page.total()).isEqualTo(21);
		});

		assertThat(sent).filteredOn(plan -> plan.is("find")).as("one read a segment, the empty one too")
			.hasSize(4)
			.allSatisfy(plan -> plan.assertSortsByIndex());
		assertThat(sent).filteredOn(plan -> plan.is("find") && !plan.command().contains("PAUSED"))
			.isNotEmpty()
			.allSatisfy(plan -> plan.assertScansOnly("queue_due"));
		assertThat(sent).filteredOn(plan -> plan.is("find") && plan.command().contains("PAUSED"))
			.isNotEmpty()
			.allSatisfy(plan -> plan.assertScansOnly("queue_paused"));
		// Breached, paused, and at risk with on track together: one range of the due index, counted from it alone.
		assertThat(sent).filteredOn(plan -> plan.is("aggregate") && !plan.command().contains("promiseDueAt"))
			.hasSize(3)
			.allSatisfy(plan -> plan.assertScansIndexLedBy("queue.lane").assertCountsFromIndexAlone());
	}

	/**
	 * Session 17: the "promises due" view is one range of {@code queue_promise_due}, read in its order, paged on
	 * from it, and counted from it alone; every staff page counts it the same way.
	 */
	@Test
	void thePromisesDueViewIsOneRangeOfThePromiseIndexCountedFromItAlone() {
		Instant now = T0.plus(Duration.ofHours(1));
		List<Ticket> open = mongo.find(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("status")
			.is(TicketStatus.NEW)).limit(5), Ticket.class);
		for (int i = 0; i < open.size(); i++) {
			Instant due = now.plus(Duration.ofMinutes(40L * i - 40));
			tickets.save(open.get(i).withCommitment(new Commitment("c-" + i, Commitment.Kind.FIX, "A fix", "agent.li",
					"Li Na", null, due, due.minus(Duration.ofHours(2)), T0, "agent.li", "Li Na",
					Commitment.Status.OPEN, null, null, null, null, null, null)));
		}
		TicketQuery promises = new TicketQuery(null, null, null, TicketQuery.AssigneeFilter.ANY, null, null, null,
				null, 2, 0, null, null, true);
		TicketPage first = queue().list(AGENT, promises);

		List<Plan> sent = plans.explain(mongo, "tickets", () -> {
			TicketPage next = queue().list(AGENT, new TicketQuery(null, null, null, TicketQuery.AssigneeFilter.ANY,
					null, null, null, null, 2, 0, first.nextPageToken(), null, true));
			assertThat(next.tickets()).hasSize(2);
			assertThat(next.total()).isEqualTo(4);
		});

		assertThat(first.total()).as("due within two hours, or overdue: four of the five").isEqualTo(4);
		assertThat(sent).filteredOn(plan -> plan.is("find"))
			.singleElement()
			.satisfies(plan -> plan.assertScansOnly("queue_promise_due").assertSortsByIndex());
		assertThat(sent).filteredOn(plan -> plan.is("aggregate"))
			.singleElement()
			.satisfies(plan -> plan.assertScansIndexLedBy("queue.promiseDueAt").assertCountsFromIndexAlone());
		List<Plan> queuePage = plans.explain(mongo, "tickets", () -> queue().list(AGENT, OPEN_MOST_URGENT));
		assertThat(queuePage).filteredOn(plan -> plan.is("aggregate") && plan.command().contains("promiseDueAt"))
			.singleElement()
			.satisfies(plan -> plan.assertScansIndexLedBy("queue.promiseDueAt").assertCountsFromIndexAlone());
	}

	@Test
	void anAgentsOpenTicketsAreCountedFromTheAssigneeIndexAlone() {
		List<Ticket> open = mongo.find(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("status")
			.is(TicketStatus.NEW)).limit(4), Ticket.class);
		open.forEach(ticket -> tickets.save(ticket.assignedTo("agent.li", "Li Na", T0)));
		com.rapport.ticket.assignment.SupportTeams teams = com.rapport.ticket.assignment.SupportTeamsOnly.over(mongo);

		List<Plan> sent = plans.explain(mongo, "tickets", () -> assertThat(teams.openTickets("agent.li")).isEqualTo(4));

		assertThat(sent).filteredOn(plan -> plan.is("aggregate"))
			.isNotEmpty()
			.allSatisfy(plan -> plan.assertScansIndexLedBy("queue.assignee").assertCountsFromIndexAlone());
	}

	@Test
	void theNextPageGoesOnFromTheIndexWhereTheLastOneStopped() {
		TicketPage first = queue().list(AGENT, withToken(null, 4));
		List<Plan> sent = plans.explain(mongo, "tickets",
				() -> assertThat(queue().list(AGENT, withToken(first.nextPageToken(), 4)).tickets()).hasSize(4));

		assertThat(sent).filteredOn(plan -> plan.is("find"))
			.isNotEmpty()
			.allSatisfy(plan -> plan.assertScansOnly("queue_due").assertSortsByIndex());
	}

	@Test
	void anAgentsOwnQueueReadsTheAssigneeIndex() {
		List<Ticket> open = mongo.find(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("status")
			.is(TicketStatus.NEW)).limit(4), Ticket.class);
		open.forEach(ticket -> tickets.save(ticket.assignedTo("agent.li", "Li Na", T0)));
		TicketQuery mine = new TicketQuery(null, true, null, TicketQuery.AssigneeFilter.ME, null, null, null, null,
				20, 0, null, null);

		List<Plan> sent = plans.explain(mongo, "tickets",
				() -> assertThat(queue().list(AGENT, mine).tickets()).hasSize(4));

		assertThat(sent).filteredOn(plan -> plan.is("find") && !plan.command().contains("PAUSED"))
			.isNotEmpty()
			.allSatisfy(plan -> plan.assertScansOnly("queue_assignee_due").assertSortsByIndex());
		assertThat(sent).allSatisfy(plan -> assertThat(plan.stages()).doesNotContain("COLLSCAN"));
	}

	@Test
	void theDoneAreReadNewestFirstFromTheirLane() {
		TicketQuery done = new TicketQuery(null, false, null, TicketQuery.AssigneeFilter.ANY, null,
				java.util.Set.of(com.rapport.ticket.sla.SlaState.MET), null, null, 20, 0, null, null);

		List<Plan> sent = plans.explain(mongo, "tickets",
				() -> assertThat(queue().list(AGENT, done).tickets()).hasSize(20));

		assertThat(sent).filteredOn(plan -> plan.is("find"))
			.singleElement()
			.satisfies(plan -> plan.assertScansOnly("queue_done").assertSortsByIndex());
	}

	@Test
	void theConsolesClosedViewReadsTheDoneLaneBackwardsFromItsIndexNotEveryDoneTicket() {
		TicketQuery closed = new TicketQuery(null, false, null, TicketQuery.AssigneeFilter.ANY, null, null, null, null,
				5, 0, null, TicketQuery.Sort.NEWEST);

		List<Plan> sent = plans.explain(mongo, "tickets", () -> {
			TicketPage first = queue().list(AGENT, closed);
			assertThat(first.tickets()).hasSize(5);
			assertThat(first.tickets()).extracting(t -> t.ticket().openedAt())
				.isSortedAccordingTo(java.util.Comparator.reverseOrder());
			assertThat(first.tickets()).allSatisfy(t -> assertThat(t.ticket().status().isOpen()).isFalse());
			assertThat(first.nextPageToken()).as("older ones are a page away").isNotBlank();
		});

		assertThat(sent).filteredOn(plan -> plan.is("find"))
			.singleElement()
			.satisfies(plan -> plan.assertScansOnly("queue_done").assertSortsByIndex());
	}

	@Test
	void aContactsClosedTicketsAreTheirOrganisationsDoneLaneReadBackwardsFromItsIndex() {
		Caller alice = new Caller("alice", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("globex-trading"),
				"portal-web", "");
		TicketQuery closed = new TicketQuery(null, false, null, TicketQuery.AssigneeFilter.ANY, null, null, null, null,
				5, 0, null, TicketQuery.Sort.NEWEST);

		List<Plan> sent = plans.explain(mongo, "tickets", () -> {
			TicketPage first = queue().list(alice, closed);
			assertThat(first.total()).isEqualTo(15);
			assertThat(first.tickets()).hasSize(5).allSatisfy(t -> {
				assertThat(t.ticket().customerId()).isEqualTo("globex-trading");
				assertThat(t.ticket().status().isOpen()).isFalse();
			});
			assertThat(first.tickets()).extracting(t -> t.ticket().openedAt())
				.isSortedAccordingTo(java.util.Comparator.reverseOrder());
			assertThat(first.nextPageToken()).as("older ones are a page away").isNotBlank();
		});

		assertThat(sent).filteredOn(plan -> plan.is("find"))
			.singleElement()
			.satisfies(plan -> plan.assertScansOnly("customer_queue_done").assertSortsByIndex());
	}

	@Test
	void aPartnersClosedTicketsPagedByNumberAreTheDoneLaneReadBackwardsFromItsIndex() {
		Caller partner = new Caller("partner-demo", Set.of(), Set.of("tickets.read"), Optional.empty(), "partner-demo",
				"");
		TicketQuery closed = new TicketQuery("initech", false, null, TicketQuery.AssigneeFilter.ANY, null, null, null,
				null, 5, 1, null, null);

		List<Plan> sent = plans.explain(mongo, "tickets", () -> {
			TicketPage second = queue().list(partner, closed);
			assertThat(second.total()).isEqualTo(15);
			assertThat(second.page()).isEqualTo(1);
			assertThat(second.tickets()).hasSize(5).allSatisfy(t -> assertThat(t.ticket().status().isOpen()).isFalse());
			assertThat(second.tickets()).extracting(t -> t.ticket().openedAt())
				.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		});

		assertThat(sent).filteredOn(plan -> plan.is("find"))
			.singleElement()
			.satisfies(plan -> plan.assertScansOnly("customer_queue_done").assertSortsByIndex());
	}

	@Test
	void aRelayRoundReadsOnlyTheTicketsWithPendingEvents() {
		OutboxRelay<Ticket, TicketEvent> relay = new OutboxRelay<>(mongo, entry -> {
		}, new TicketOutbox());

		List<Plan> sent = plans.explain(mongo, "tickets", () -> assertThat(relay.relayPending()).isEqualTo(3));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("outbox_pending"));
	}

	/**
	 * Session 16: the commitments' round reads only the commitments it may still act on. Thirty tickets carry settled
	 * promises (kept, cancelled, broken and found so), one an open promise past due, one a promise whose reminder is
	 * owed: each read is an index scan of its own sparse key, and the index holds only what is pending.
	 */
	@Test
	void theCommitmentsRoundReadsOnlyThePromisesItMayStillActOn() {
		Instant now = T0.plus(Duration.ofHours(1));
		int number = 9000;
		for (int i = 0; i < 30; i++) {
			Instant due = T0.minus(Duration.ofDays(i + 1));
			Commitment.Status status = i % 3 == 0 ? Commitment.Status.KEPT
					: i % 3 == 1 ? Commitment.Status.CANCELLED : Commitment.Status.OPEN;
			Commitment settled = new Commitment("settled-" + i, Commitment.Kind.FIX, "Replace the chairs", "agent.li",
					"Li Na", null, due, due.minus(Duration.ofHours(2)), due.minus(Duration.ofDays(1)), "agent.li", "Li Na",
					status, status == Commitment.Status.KEPT ? due.minusSeconds(60) : null,
					status == Commitment.Status.CANCELLED ? due.minusSeconds(60) : null,
					status == Commitment.Status.CANCELLED ? "Li Na" : null,
					status == Commitment.Status.CANCELLED ? "Withdrawn" : null, due.minus(Duration.ofHours(2)),
					status == Commitment.Status.OPEN ? due.plusSeconds(60) : null);
			tickets.insert(Tickets.stored("initech", "T-" + number++, due.minus(Duration.ofDays(2)))
				.withCommitment(settled));
		}
		Commitment pastDue = new Commitment("past-due", Commitment.Kind.CALL_BACK, "Call back", "agent.li", "Li Na",
				null, now.minusSeconds(60), now.minus(Duration.ofHours(2)), T0.minus(Duration.ofDays(1)), "agent.li",
				"Li Na", Commitment.Status.OPEN, null, null, null, null, now.minus(Duration.ofHours(2)), null);
		Commitment remindOwed = new Commitment("remind-owed", Commitment.Kind.CREDIT_NOTE, "Credit note", "agent.li",
				"Li Na", null, now.plus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)), T0.minus(Duration.ofDays(1)),
				"agent.li", "Li Na", Commitment.Status.OPEN, null, null, null, null, null, null);
		tickets.insert(Tickets.stored("initech", "T-" + number++, T0.minus(Duration.ofDays(1))).withCommitment(pastDue));
		tickets.insert(Tickets.stored("initech", "T-" + number, T0.minus(Duration.ofDays(1))).withCommitment(remindOwed));
		// What the sparse keys hold: only the pending ones, whatever piles up settled (the past-due one was reminded).
		assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria
			.where("commitments.breakKey").gte(Instant.EPOCH)), Ticket.class)).isEqualTo(2);
		assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria
			.where("commitments.remindKey").gte(Instant.EPOCH)), Ticket.class)).isEqualTo(1);

		CommitmentReminderMail mail = org.mockito.Mockito.mock(CommitmentReminderMail.class);
		CommitmentSweep sweep = new CommitmentSweep(mongo, tickets, mail,
				new CommitmentProperties(true, Duration.ofMinutes(1), Duration.ofHours(2)),
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.fixed(now, ZoneOffset.UTC));
		List<Plan> broken = plans.explain(mongo, "tickets", () -> assertThat(sweep.findBroken()).isEqualTo(1));
		assertThat(broken.get(0)).satisfies(plan -> plan.assertScansOnly("commitments_pending_break"));
		assertThat(tickets.findByNumber("T-9030").orElseThrow().commitments().get(0).brokenAt()).isEqualTo(now);
		// Found broken, it leaves the key: the next rounds read it no more.
		assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria
			.where("commitments.breakKey").gte(Instant.EPOCH)), Ticket.class)).isEqualTo(1);
		List<Plan> reminders = plans.explain(mongo, "tickets", () -> assertThat(sweep.remindOwners()).isEqualTo(1));
		assertThat(reminders.get(0)).satisfies(plan -> plan.assertScansOnly("commitments_pending_remind"));
		org.mockito.Mockito.verify(mail).send(org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.argThat(c -> c.id().equals("remind-owed")));
		assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria
			.where("commitments.remindKey").gte(Instant.EPOCH)), Ticket.class)).as("reminded: out of the key").isZero();
	}
}
