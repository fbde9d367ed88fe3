package com.rapport.feedback.response;

import java.time.Instant;
import java.util.Map;

import com.rapport.support.test.FixedClock;
import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Recording answers: validation per survey, once per response id, and the timeline event stored with it. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class ResponseServiceTests {

	@Autowired
	SurveyResponseRepository responses;

	ResponseService service;

	@BeforeEach
	void setUp() {
		responses.deleteAll();
		service = new ResponseService(responses, FixedClock.CLOCK);
	}

	private Map<String, String> errorsOf(NewResponse answer) {
		try {
			service.record(answer);
		}
		catch (UnprocessableException ex) {
			assertThat(responses.count()).isZero();
			// What a partner reads by default: the codes said in English.
			return new com.rapport.support.message.Texts(com.rapport.support.test.TestMessages.source())
				.fields(ex, java.util.Locale.ENGLISH);
		}
		throw new AssertionError("Recorded an invalid answer: " + answer);
	}

	@Test
	void aValidAnswerIsStoredWithTheTimelineEventItMustBeToldAs() {
		var recorded = service.record(Answers.withComment(Answers.csat("r-1", "acme-retail", 2), "  Too slow.  "));

		assertThat(recorded.created()).isTrue();
		SurveyResponse stored = responses.findById("r-1").orElseThrow();
		assertThat(stored.kind()).isEqualTo(SurveyKind.CSAT);
		assertThat(stored.score()).isEqualTo(2);
		assertThat(stored.comment()).isEqualTo("Too slow.");
		assertThat(stored.subjectType()).isEqualTo(SubjectType.TICKET);
		assertThat(stored.channel()).isEqualTo(ResponseChannel.PORTAL);
		assertThat(stored.recordedAt()).isNotNull();
		assertThat(stored.outbox()).singleElement().satisfies(event -> {
			assertThat(event.eventId()).isEqualTo("survey-answered:r-1");
			assertThat(event.summary()).isEqualTo("CSAT 2/5 on ticket T-1001");
			assertThat(event.occurredAt()).isEqualTo(Answers.T0);
			assertThat(event.facts()).containsEntry("survey", "CSAT").containsEntry("score", "2")
				.containsEntry("scale_max", "5").containsEntry("subject_id", "T-1001");
			assertThat(event.facts().values()).noneMatch(value -> value.contains("slow"));
		});
	}

	@Test
	void theSameAnswerSentAgainIsStoredOnce() {
		assertThat(service.record(Answers.csat("r-1", "acme-retail", 4)).created()).isTrue();
		var again = service.record(Answers.csat("r-1", "acme-retail", 4));

		assertThat(again.created()).isFalse();
		assertThat(again.response().id()).isEqualTo("r-1");
		assertThat(responses.count()).isEqualTo(1);
	}

	@Test
	void aResponseIdReusedForAnotherScoreIsAConflictAndChangesNothing() {
		service.record(Answers.csat("r-1", "acme-retail", 4));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.record(Answers.csat("r-1", "acme-retail", 1)));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.record(Answers.csat("r-1", "globex-trading", 4)));
		assertThat(responses.findById("r-1").orElseThrow().score()).isEqualTo(4);
	}

	@ParameterizedTest(name = "{0} {1} is off the scale")
	@CsvSource({ "CSAT, 0", "CSAT, 6", "NPS, -1", "NPS, 11", "CES, 0", "CES, 8" })
	void aScoreOffItsSurveysScaleIsRefused(String kind, int score) {
		assertThat(errorsOf(Answers.answer("r-1", "acme-retail", kind, score, Answers.T0)))
			.containsOnlyKeys("score");
	}

	@ParameterizedTest(name = "{0} {1} is on the scale")
	@CsvSource({ "CSAT, 1", "CSAT, 5", "NPS, 0", "NPS, 10", "CES, 1", "CES, 7", "csat, 3" })
	void theEndsOfEachScaleAreAccepted(String kind, int score) {
		assertThat(service.record(Answers.answer("r-" + kind + score, "acme-retail", kind, score, Answers.T0))
			.created()).isTrue();
	}

	@Test
	void anUnknownOrMissingKindIsRefusedByName() {
		assertThat(errorsOf(Answers.answer("r-1", "acme-retail", "SMILEY", 3, Answers.T0)))
			.containsOnlyKeys("kind").extractingByKey("kind").asString().contains("SMILEY");
		assertThat(errorsOf(Answers.answer("r-1", "acme-retail", " ", 3, Answers.T0))).containsEntry("kind", "is required");
	}

	@Test
	void anAnswerWithoutATimeWasGivenNow() {
		var recorded = service.record(Answers.answer("r-1", "acme-retail", "NPS", 9, null));
		assertThat(recorded.response().answeredAt()).isEqualTo(FixedClock.NOW);
	}

	@Test
	void aCommentLongerThanTheLimitIsRefusedNotCut() {
		String limit = "x".repeat(ResponseService.MAX_COMMENT_LENGTH);
		assertThat(errorsOf(Answers.withComment(Answers.csat("r-1", "acme-retail", 3), limit + "y")))
			.containsOnlyKeys("comment");
		assertThat(service.record(Answers.withComment(Answers.csat("r-2", "acme-retail", 3), limit)).response()
			.comment()).hasSize(ResponseService.MAX_COMMENT_LENGTH);
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		var answer = new NewResponse(" ", null, null, "CSAT", null, null, FixedClock.NOW.plusSeconds(301), "INVOICE",
				null, "PIGEON");
		assertThat(errorsOf(answer)).containsOnlyKeys("responseId", "customerId", "score", "answeredAt",
				"subjectType", "channel");
	}

	@Test
	void anAnswerTimeALittleAheadCountsFromNowAndOneFarAheadIsRefused() {
		assertThat(errorsOf(Answers.answer("r-far", "acme-retail", "CSAT", 4,
				FixedClock.NOW.plus(ResponseService.CLOCK_SKEW).plusSeconds(1))))
			.containsOnlyKeys("answeredAt");
		assertThat(service.record(Answers.answer("r-now", "acme-retail", "NPS", 9, FixedClock.NOW)).created()).isTrue();
		var slightlyAhead = service.record(Answers.answer("r-ahead", "acme-retail", "CSAT", 4,
				FixedClock.NOW.plus(ResponseService.CLOCK_SKEW)));
		assertThat(slightlyAhead.response().answeredAt()).isEqualTo(FixedClock.NOW);
	}

	@Test
	void aTicketOrOrderNeedsItsNumberAndTheRelationshipHasNone() {
		assertThat(errorsOf(Answers.about(Answers.csat("r-1", "acme-retail", 3), "ORDER", " ")))
			.containsEntry("subjectId", "required for subject type ORDER");
		assertThat(errorsOf(Answers.about(Answers.csat("r-1", "acme-retail", 3), "RELATIONSHIP", "ACME-1")))
			.containsOnlyKeys("subjectId");
		var relationship = service.record(Answers.about(Answers.answer("r-2", "acme-retail", "NPS", 9, Answers.T0),
				null, null));
		assertThat(relationship.response().subjectType()).isEqualTo(SubjectType.RELATIONSHIP);
		assertThat(relationship.response().outbox().get(0).summary()).isEqualTo("NPS 9/10 on the relationship");
	}

	@Test
	void idsLongerThanTheTimelineCanTakeAreRefused() {
		String longest = "r".repeat(ResponseService.MAX_ID_LENGTH);
		assertThat(errorsOf(Answers.about(Answers.csat(longest + "r", "acme-retail", 3), "ORDER", longest + "1")))
			.containsOnlyKeys("responseId", "subjectId");
		var recorded = service.record(Answers.about(Answers.csat(longest, "acme-retail", 3), "ORDER", longest));
		// customer-service takes event ids and references of up to 200 characters.
		assertThat(recorded.response().outbox().get(0).eventId()).hasSizeLessThanOrEqualTo(200);
	}

	@Test
	void anAnswerNobodySignedIsKeptWithoutAContact() {
		var recorded = service.record(Answers.byContact(Answers.answer("r-1", "acme-retail", "CES", 6, Answers.T0), ""));
		assertThat(recorded.response().contactId()).isNull();
		assertThat(recorded.response().outbox().get(0).summary()).isEqualTo("CES 6/7 on ticket T-1001");
	}

	@Test
	void theAnsweredAtInstantSurvivesTheRoundTrip() {
		Instant precise = Instant.parse("2026-11-29T23:59:59.123Z");
		service.record(Answers.answer("r-1", "acme-retail", "CES", 5, precise));
		assertThat(responses.findById("r-1").orElseThrow().answeredAt()).isEqualTo(precise);
	}
}
