package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * The reads behind the 360's open tickets and the relay are answered from an index: each test runs the query as
 * the service sends it and has the store explain every read. Three organisations with twenty tickets each,
 * mostly resolved and told already, and one new ticket each whose opening the timeline has still to hear of.
 */
abstract class TicketQueryPlanContract {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

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
	}

	@Test
	void anOrganisationsOpenTicketsAreReadFromItsStatusIndex() {
		List<Plan> sent = plans.explain(mongo, "tickets",
				() -> assertThat(tickets.findByCustomerIdAndStatusIn("globex-trading", TicketStatus.OPEN_STATUSES))
					.hasSize(6));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("customer_status_opened"));
	}

	@Test
	void aRelayRoundReadsOnlyTheTicketsWithPendingEvents() {
		OutboxRelay<Ticket, TicketEvent> relay = new OutboxRelay<>(mongo, entry -> {
		}, new TicketOutbox());

		List<Plan> sent = plans.explain(mongo, "tickets", () -> assertThat(relay.relayPending()).isEqualTo(3));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("outbox_pending"));
	}
}
