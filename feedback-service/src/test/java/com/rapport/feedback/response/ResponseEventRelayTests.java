package com.rapport.feedback.response;

import java.util.ArrayList;
import java.util.List;

import com.rapport.support.test.FixedClock;
import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.OutboxRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers' events through the outbox relay against the real (embedded) store, with customer-service stood in for. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class ResponseEventRelayTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SurveyResponseRepository responses;

	ResponseService service;

	private final List<InteractionRecorder.TimelineEntry> recorded = new ArrayList<>();

	private boolean customerServiceDown;

	private final InteractionRecorder recorder = entry -> {
		if (customerServiceDown) {
			throw new RemoteUnavailableException("customer-service", null);
		}
		recorded.add(entry);
	};

	private OutboxRelay<SurveyResponse, ResponseEvent> relay(InteractionRecorder recorder) {
		return new OutboxRelay<>(mongo, recorder, new ResponseOutbox());
	}

	@BeforeEach
	void setUp() {
		responses.deleteAll();
		service = new ResponseService(responses, FixedClock.CLOCK);
	}

	@Test
	void anAnswerIsToldToTheTimelineOnceAndLeavesNothingWaiting() {
		service.record(Answers.withComment(Answers.csat("r-1", "acme-retail", 2), "Nobody called back."));

		OutboxRelay<SurveyResponse, ResponseEvent> relay = relay(recorder);
		assertThat(relay.relayPending()).isEqualTo(1);
		assertThat(recorded).singleElement().satisfies(entry -> {
			assertThat(entry.eventId()).isEqualTo("survey-answered:r-1");
			assertThat(entry.organisationId()).isEqualTo("acme-retail");
			assertThat(entry.kind()).isEqualTo("SURVEY_ANSWERED");
			assertThat(entry.occurredAt()).isEqualTo(Answers.T0);
			assertThat(entry.summary()).isEqualTo("CSAT 2/5 on ticket T-1001");
			assertThat(entry.reference()).isEqualTo("survey-response:r-1");
			assertThat(entry.facts()).containsEntry("score", "2").doesNotContainKey("comment");
		});
		assertThat(responses.findById("r-1").orElseThrow().outbox()).isEmpty();

		assertThat(relay.relayPending()).isZero();
		assertThat(recorded).hasSize(1);
	}

	@Test
	void aResubmittedAnswerIsNotToldTwice() {
		OutboxRelay<SurveyResponse, ResponseEvent> relay = relay(recorder);
		service.record(Answers.csat("r-1", "acme-retail", 4));
		relay.relayPending();
		service.record(Answers.csat("r-1", "acme-retail", 4));

		assertThat(relay.relayPending()).isZero();
		assertThat(recorded).hasSize(1);
	}

	@Test
	void whileCustomerServiceIsDownEventsWaitAndAreToldWhenItIsBack() {
		service.record(Answers.csat("r-1", "acme-retail", 4));
		service.record(Answers.csat("r-2", "globex-trading", 5));
		OutboxRelay<SurveyResponse, ResponseEvent> relay = relay(recorder);

		customerServiceDown = true;
		assertThat(relay.relayPending()).isZero();
		assertThat(responses.findAll()).allSatisfy(answer -> assertThat(answer.outbox()).hasSize(1));

		customerServiceDown = false;
		assertThat(relay.relayPending()).isEqualTo(2);
		assertThat(recorded).extracting(InteractionRecorder.TimelineEntry::organisationId)
			.containsExactlyInAnyOrder("acme-retail", "globex-trading");
		assertThat(responses.findAll()).allSatisfy(answer -> assertThat(answer.outbox()).isEmpty());
	}

	@Test
	void anEventRefusedForGoodIsSetAsideWithItsReasonNotLostNorResentEveryRound() {
		service.record(Answers.csat("r-1", "no-such-organisation", 4));
		List<String> attempts = new ArrayList<>();
		InteractionRecorder refusing = entry -> {
			attempts.add(entry.eventId());
			throw new IllegalArgumentException("no such organisation");
		};
		OutboxRelay<SurveyResponse, ResponseEvent> relay = relay(refusing);
		assertThat(relay.relayPending()).isZero();
		assertThat(relay.relayPending()).isZero();
		assertThat(attempts).hasSize(1);

		SurveyResponse stored = responses.findById("r-1").orElseThrow();
		assertThat(stored.outbox()).isEmpty();
		assertThat(stored.undeliverable()).containsExactly(
				new SurveyResponse.UndeliverableEvent("survey-answered:r-1", "no such organisation"));
		assertThat(stored.score()).isEqualTo(4);
	}
}
