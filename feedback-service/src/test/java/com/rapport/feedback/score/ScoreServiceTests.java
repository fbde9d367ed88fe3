package com.rapport.feedback.score;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.test.FixedClock;
import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SubjectType;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An organisation's scores from the answers in the store: the window, the latest answers, who sees what. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class ScoreServiceTests {

	static final Instant NOW = FixedClock.NOW;

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	static final Caller ACME_CONTACT = new Caller("acme.buyer", Set.of(Caller.CUSTOMER), Set.of(),
			Optional.of("acme-retail"), "rapport-gateway", "");

	@Autowired
	SurveyResponseRepository responses;

	ResponseService answers;

	ScoreService scores;

	@BeforeEach
	void setUp() {
		responses.deleteAll();
		answers = new ResponseService(responses, FixedClock.CLOCK);
		scores = new ScoreService(responses, FixedClock.CLOCK, new ScoreProperties(null));
	}

	private void answered(String id, String customerId, String kind, int score, Instant at) {
		answers.record(Answers.answer(id, customerId, kind, score, at));
	}

	@Test
	void anOrganisationWithoutAnswersHasNoLatestAnswersAndZeroCounts() {
		CustomerScores none = scores.of(AGENT, "acme-retail");

		assertThat(none.latestCsat()).isEmpty();
		assertThat(none.latestNps()).isEmpty();
		assertThat(none.latestCes()).isEmpty();
		assertThat(none.windowDays()).isEqualTo(90);
		assertThat(none.windowFrom()).isEqualTo(NOW.minus(Duration.ofDays(90)));
		assertThat(none.csat().count()).isZero();
		assertThat(none.csat().percentBasisPoints()).isEmpty();
		assertThat(none.nps().score()).isEmpty();
		assertThat(none.ces().averageTenths()).isEmpty();
	}

	@Test
	void theFiguresCountTheAnswersInTheWindowFromItsFirstInstantOn() {
		Instant from = NOW.minus(Duration.ofDays(90));
		answered("csat-at-edge", "acme-retail", "CSAT", 5, from);
		answered("csat-just-outside", "acme-retail", "CSAT", 1, from.minusMillis(1));
		answered("nps-in", "acme-retail", "NPS", 9, NOW);
		answered("nps-just-outside", "acme-retail", "NPS", 0, from.minusMillis(1));
		answered("ces-in", "acme-retail", "CES", 4, NOW.minus(Duration.ofDays(1)));
		answered("ces-just-outside", "acme-retail", "CES", 7, from.minusMillis(1));

		CustomerScores acme = scores.of(AGENT, "acme-retail");

		assertThat(acme.csat().count()).isEqualTo(1);
		assertThat(acme.csat().percentBasisPoints()).hasValue(10_000);
		assertThat(acme.nps().count()).isEqualTo(1);
		assertThat(acme.nps().score()).hasValue(100);
		assertThat(acme.ces().count()).isEqualTo(1);
		assertThat(acme.ces().averageTenths()).hasValue(40);
		assertThat(acme.ces().easyShareBasisPoints()).hasValue(0);
	}

	@Test
	void theLatestAnswerOfEachKindIsShownHoweverOldWithItsSubjectAndComment() {
		answers.record(Answers.withComment(Answers.answer("old-csat", "acme-retail", "CSAT", 2,
				NOW.minus(Duration.ofDays(400))), "Late again."));
		answered("older-csat", "acme-retail", "CSAT", 5, NOW.minus(Duration.ofDays(500)));
		answered("globex-csat", "globex-trading", "CSAT", 4, NOW);

		CustomerScores acme = scores.of(AGENT, "acme-retail");

		assertThat(acme.latestCsat()).hasValue(new CustomerScores.Latest(2, NOW.minus(Duration.ofDays(400)),
				"Late again.", SubjectType.TICKET, "T-1001"));
		assertThat(acme.csat().count()).isZero();
		assertThat(acme.latestNps()).isEmpty();
	}

	@Test
	void aCustomerGetsItsOwnOrganisationsFiguresButNoComments() {
		answers.record(Answers.withComment(Answers.csat("r-1", "acme-retail", 2), "Bo's private opinion."));

		CustomerScores own = scores.of(ACME_CONTACT, "acme-retail");

		assertThat(own.latestCsat()).get().satisfies(latest -> {
			assertThat(latest.score()).isEqualTo(2);
			assertThat(latest.comment()).isNull();
		});
		assertThat(own.csat().count()).isEqualTo(1);
	}

	@Test
	void aCustomerAskingForAnotherOrganisationFindsNothingThereAsIfUnknown() {
		answered("r-1", "globex-trading", "CSAT", 2, NOW);

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> scores.of(ACME_CONTACT, "globex-trading"))
			.satisfies(ex -> assertThat(ex.reason())
				.isEqualTo(com.rapport.support.error.Message.of("organisation.not-found", "globex-trading")));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> scores.of(ACME_CONTACT, "no-such-org"))
			.satisfies(ex -> assertThat(ex.reason())
				.isEqualTo(com.rapport.support.error.Message.of("organisation.not-found", "no-such-org")));
	}

	@Test
	void aCustomerTokenWithoutAnOrganisationSeesNone() {
		Caller orphan = new Caller("someone", Set.of(Caller.CUSTOMER), Set.of(), Optional.empty(), "rapport-gateway", "");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> scores.of(orphan, "acme-retail"));
	}

	@Test
	void aBlankOrganisationIsRefused() {
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> scores.of(AGENT, " "))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("customerId"));
	}

	@Test
	void theWindowIsConfigurable() {
		answered("r-1", "acme-retail", "CSAT", 5, NOW.minus(Duration.ofDays(20)));
		ScoreService lastTwoWeeks = new ScoreService(responses, FixedClock.CLOCK, new ScoreProperties(Duration.ofDays(14)));

		CustomerScores acme = lastTwoWeeks.of(AGENT, "acme-retail");

		assertThat(acme.windowDays()).isEqualTo(14);
		assertThat(acme.csat().count()).isZero();
		assertThat(acme.latestCsat()).isPresent();
	}

	@Test
	void aWindowThatIsNotPositiveIsAConfigurationError() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ScoreProperties(Duration.ZERO));
	}
}
