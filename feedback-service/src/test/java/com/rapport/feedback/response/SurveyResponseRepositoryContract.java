package com.rapport.feedback.response;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the services rely on from the store; run against the embedded server and a real MongoDB. */
abstract class SurveyResponseRepositoryContract {

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void empty() {
		responses.deleteAll();
	}

	private SurveyResponse stored(String id, String customerId, SurveyKind kind, int score, Instant answeredAt) {
		return responses.insert(SurveyResponse.answered(id, customerId, "contact-1", kind, score, "comment " + id,
				answeredAt, SubjectType.TICKET, "T-1", ResponseChannel.EMAIL, null));
	}

	@Test
	void anAnswerIdIsStoredOnlyOnce() {
		stored("r-1", "acme-retail", SurveyKind.CSAT, 4, Answers.T0);
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> stored("r-1", "acme-retail", SurveyKind.CSAT, 4, Answers.T0));
		assertThat(responses.count()).isEqualTo(1);
	}

	@Test
	void theLatestAnswerOfAKindIsTheNewestOfThatOrganisationAndKindOnly() {
		stored("old", "acme-retail", SurveyKind.CSAT, 5, Answers.T0);
		stored("new", "acme-retail", SurveyKind.CSAT, 2, Answers.T0.plus(Duration.ofDays(2)));
		stored("mid", "acme-retail", SurveyKind.CSAT, 3, Answers.T0.plus(Duration.ofDays(1)));
		stored("other-kind", "acme-retail", SurveyKind.NPS, 9, Answers.T0.plus(Duration.ofDays(5)));
		stored("other-org", "globex-trading", SurveyKind.CSAT, 1, Answers.T0.plus(Duration.ofDays(5)));

		assertThat(responses.findFirstByCustomerIdAndKindOrderByAnsweredAtDescIdDesc("acme-retail", SurveyKind.CSAT))
			.get().satisfies(latest -> {
				assertThat(latest.id()).isEqualTo("new");
				assertThat(latest.comment()).isEqualTo("comment new");
				assertThat(latest.subjectId()).isEqualTo("T-1");
			});
		assertThat(responses.findFirstByCustomerIdAndKindOrderByAnsweredAtDescIdDesc("acme-retail", SurveyKind.CES))
			.isEmpty();
	}

	@Test
	void answersGivenAtTheSameInstantHaveOneLatest() {
		stored("a", "acme-retail", SurveyKind.NPS, 3, Answers.T0);
		stored("b", "acme-retail", SurveyKind.NPS, 10, Answers.T0);
		assertThat(responses.findFirstByCustomerIdAndKindOrderByAnsweredAtDescIdDesc("acme-retail", SurveyKind.NPS))
			.get().extracting(SurveyResponse::id).isEqualTo("b");
	}

	@Test
	void theScoresSinceAnInstantIncludeItAndLeaveOutOtherKindsAndOrganisations() {
		Instant from = Answers.T0;
		stored("at-from", "acme-retail", SurveyKind.CES, 7, from);
		stored("after", "acme-retail", SurveyKind.CES, 5, from.plusSeconds(60));
		stored("before", "acme-retail", SurveyKind.CES, 1, from.minusMillis(1));
		stored("other-kind", "acme-retail", SurveyKind.CSAT, 1, from.plusSeconds(60));
		stored("other-org", "globex-trading", SurveyKind.CES, 1, from.plusSeconds(60));

		var found = responses.findScoresSince("acme-retail", SurveyKind.CES, from);

		assertThat(found).extracting(SurveyResponse::score).containsExactlyInAnyOrder(7, 5);
		assertThat(found).allSatisfy(answer -> {
			assertThat(answer.comment()).isNull();
			assertThat(answer.outbox()).isEmpty();
		});
	}

	@Test
	void theIndexesTheQueriesNeedExist() {
		assertThat(mongo.indexOps(SurveyResponse.class).getIndexInfo()).extracting(index -> index.getName())
			.contains("customer_kind_newest", "customer_contact", "outbox_pending");
	}
}
