package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.feedback.SurveyRequests;
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

/**
 * A resolved ticket's survey request through its outbox against the real (embedded) store, with
 * feedback-service stood in for: told once, with the requester, and kept while feedback-service is down.
 */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class SurveyRequestRelayTests {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TicketRepository tickets;

	private final List<String> told = new ArrayList<>();

	private boolean feedbackServiceDown;

	private final SurveyRequests feedback = (ticketId, number, organisationId, contactId, email, resolvedAt) -> {
		if (feedbackServiceDown) {
			throw new RemoteUnavailableException("feedback-service", null);
		}
		told.add(String.join(" ", ticketId, number, organisationId, contactId, email, resolvedAt.toString()));
	};

	private SurveyRequestOutbox outbox(SurveyRequests receiver) {
		return new SurveyRequestOutbox(receiver, mongo, Clock.fixed(T0, ZoneOffset.UTC), "ticket-service", false);
	}

	@BeforeEach
	void empty() {
		tickets.deleteAll();
	}

	private Ticket resolved(String number) {
		Ticket ticket = tickets.insert(Tickets.stored("acme-retail", number, T0).withEventOfOpening());
		return tickets.save(ticket.resolvedAt(T0.plus(Duration.ofHours(1)), BusinessCalendar.ROUND_THE_CLOCK));
	}

	@Test
	void aResolvedTicketAsksFeedbackServiceOnceForTheRequestersSurvey() {
		Ticket ticket = resolved("T-1001");
		SurveyRequestOutbox outbox = outbox(feedback);

		assertThat(outbox.relayPending()).isEqualTo(1);
		assertThat(told).containsExactly(String.join(" ", ticket.id(), "T-1001", "acme-retail",
				ticket.requester().contactId(), ticket.requester().email(), "2026-11-20T09:00:00Z"));
		assertThat(tickets.findById(ticket.id()).orElseThrow().surveyRequests()).isEmpty();

		assertThat(outbox.relayPending()).isZero();
		assertThat(told).hasSize(1);
	}

	@Test
	void anOpenTicketAsksForNoSurvey() {
		tickets.insert(Tickets.stored("acme-retail", "T-1002", T0).withEventOfOpening());

		assertThat(outbox(feedback).relayPending()).isZero();
		assertThat(told).isEmpty();
	}

	@Test
	void whileFeedbackServiceIsDownTheRequestWaitsAndIsToldWhenItIsBack() {
		Ticket ticket = resolved("T-1003");
		SurveyRequestOutbox outbox = outbox(feedback);

		feedbackServiceDown = true;
		assertThat(outbox.relayPending()).isZero();
		assertThat(tickets.findById(ticket.id()).orElseThrow().surveyRequests()).hasSize(1);

		feedbackServiceDown = false;
		assertThat(outbox.relayPending()).isEqualTo(1);
		assertThat(told).hasSize(1);
		assertThat(tickets.findById(ticket.id()).orElseThrow().surveyRequests()).isEmpty();
	}

	@Test
	void theTimelineRelayLeavesTheSurveyRequestForItsOwnRelay() {
		Ticket ticket = resolved("T-1004");
		new com.rapport.support.timeline.OutboxRelay<>(mongo, entry -> {
		}, new TicketOutbox()).relayPending();

		Ticket stored = tickets.findById(ticket.id()).orElseThrow();
		assertThat(stored.outbox()).isEmpty();
		assertThat(stored.surveyRequests()).hasSize(1);
	}

	@Test
	void aRequestRefusedForGoodIsSetAsideNotResentEveryRound() {
		Ticket ticket = resolved("T-1005");
		List<String> attempts = new ArrayList<>();
		SurveyRequestOutbox outbox = outbox((id, number, organisation, contact, email, at) -> {
			attempts.add(id);
			throw new IllegalArgumentException("no organisation");
		});

		assertThat(outbox.relayPending()).isZero();
		assertThat(outbox.relayPending()).isZero();

		assertThat(attempts).hasSize(1);
		Ticket stored = tickets.findById(ticket.id()).orElseThrow();
		assertThat(stored.surveyRequests()).isEmpty();
		assertThat(stored.undeliverable()).extracting(Ticket.UndeliverableEvent::kind).containsExactly("SURVEY_REQUEST");
	}
}
