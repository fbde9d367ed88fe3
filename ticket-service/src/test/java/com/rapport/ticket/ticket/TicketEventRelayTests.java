package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.OutboxRelay;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.sla.BusinessCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets' events through the outbox relay against the real (embedded) store, with customer-service stood in for. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class TicketEventRelayTests {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TicketRepository tickets;

	private final List<String> recorded = new ArrayList<>();

	private boolean customerServiceDown;

	private final InteractionRecorder recorder = entry -> {
		if (customerServiceDown) {
			throw new RemoteUnavailableException("customer-service", null);
		}
		recorded.add(entry.organisationId() + " " + entry.kind() + " " + entry.facts().get("ticket_number") + " "
				+ entry.reference());
	};

	private OutboxRelay<Ticket, TicketEvent> relay(InteractionRecorder recorder) {
		return new OutboxRelay<>(mongo, recorder, new TicketOutbox());
	}

	@BeforeEach
	void empty() {
		tickets.deleteAll();
	}

	private Ticket opened(String number) {
		return tickets.insert(Tickets.stored("acme-retail", number, T0).withEventOfOpening());
	}

	@Test
	void anOpenedTicketIsToldOnceAndLeavesNothingWaiting() {
		Ticket ticket = opened("T-1001");

		OutboxRelay<Ticket, TicketEvent> relay = relay(recorder);
		assertThat(relay.relayPending()).isEqualTo(1);
		assertThat(recorded).containsExactly("acme-retail TICKET_OPENED T-1001 ticket:" + ticket.id());
		assertThat(tickets.findById(ticket.id()).orElseThrow().outbox()).isEmpty();

		assertThat(relay.relayPending()).isZero();
		assertThat(recorded).hasSize(1);
	}

	@Test
	void aResolvedTicketTellsItsResolutionAfterItsOpening() {
		Ticket ticket = opened("T-1002");
		tickets.save(tickets.findById(ticket.id()).orElseThrow().resolvedAt(T0.plus(Duration.ofHours(1)), BusinessCalendar.ROUND_THE_CLOCK));

		relay(recorder).relayPending();

		assertThat(recorded).containsExactly("acme-retail TICKET_OPENED T-1002 ticket:" + ticket.id(),
				"acme-retail TICKET_RESOLVED T-1002 ticket:" + ticket.id());
	}

	@Test
	void whileCustomerServiceIsDownEventsWaitAndAreToldWhenItIsBack() {
		Ticket ticket = opened("T-1003");
		OutboxRelay<Ticket, TicketEvent> relay = relay(recorder);

		customerServiceDown = true;
		assertThat(relay.relayPending()).isZero();
		assertThat(tickets.findById(ticket.id()).orElseThrow().outbox()).hasSize(1);

		customerServiceDown = false;
		assertThat(relay.relayPending()).isEqualTo(1);
		assertThat(recorded).hasSize(1);
		assertThat(tickets.findById(ticket.id()).orElseThrow().outbox()).isEmpty();
	}

	@Test
	void anEventRefusedForGoodIsSetAsideWithItsReasonNotLostNorResentEveryRound() {
		Ticket ticket = opened("T-1004");
		List<String> attempts = new ArrayList<>();
		InteractionRecorder refusing = entry -> {
			attempts.add(entry.eventId());
			throw new IllegalArgumentException("no such organisation");
		};
		OutboxRelay<Ticket, TicketEvent> relay = relay(refusing);
		assertThat(relay.relayPending()).isZero();
		assertThat(relay.relayPending()).isZero();
		assertThat(attempts).hasSize(1);

		Ticket stored = tickets.findById(ticket.id()).orElseThrow();
		assertThat(stored.outbox()).isEmpty();
		assertThat(stored.undeliverable()).containsExactly(new Ticket.UndeliverableEvent("ticket-opened:" + ticket.id(),
				"TICKET_OPENED", "no such organisation"));
	}
}
