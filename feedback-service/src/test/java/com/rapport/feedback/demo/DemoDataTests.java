package com.rapport.feedback.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.test.FixedClock;
import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.feedback.response.FollowUpPolicy;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SubjectType;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.score.CustomerScores;
import com.rapport.feedback.score.ScoreProperties;
import com.rapport.feedback.score.ScoreService;
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

/** What the demo answers show on the 360 page: Acme's unhappy latest CSAT about the customs delay, Globex's passive mood. */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class DemoDataTests {

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web",
			"");

	@Autowired
	SurveyResponseRepository responses;

	ScoreService scores;

	DemoData demo;

	@BeforeEach
	void loadTheDemo() {
		responses.deleteAll();
		demo = new DemoData(new ResponseService(responses, FixedClock.CLOCK, FollowUpPolicy.DEFAULTS), responses,
				FixedClock.CLOCK);
		demo.run(null);
		scores = new ScoreService(responses, FixedClock.CLOCK, new ScoreProperties(null));
	}

	@Test
	void acmeRetailsLatestCsatIsTheTwoAboutTheDeliveryHeldAtCustoms() {
		CustomerScores acme = scores.of(AGENT, "acme-retail");

		assertThat(acme.latestCsat()).get().satisfies(latest -> {
			assertThat(latest.score()).isEqualTo(2);
			assertThat(latest.subjectType()).isEqualTo(SubjectType.ORDER);
			assertThat(latest.subjectId()).isEqualTo("ACME-1015");
			assertThat(latest.comment()).contains("customs");
			assertThat(latest.answeredAt()).isEqualTo(FixedClock.NOW.minus(Duration.ofDays(3)));
		});
		assertThat(acme.latestNps()).get().extracting(CustomerScores.Latest::score).isEqualTo(9);
		assertThat(acme.latestCes()).get().extracting(CustomerScores.Latest::score).isEqualTo(6);
		// CSAT 5, 4, 2; NPS 7, 9; CES 4, 6.
		assertThat(acme.csat().count()).isEqualTo(3);
		assertThat(acme.csat().percentBasisPoints()).hasValue(6_666);
		assertThat(acme.nps().score()).hasValue(50);
		assertThat(acme.nps().passives()).isEqualTo(1);
		assertThat(acme.ces().averageTenths()).hasValue(50);
		assertThat(acme.ces().easyShareBasisPoints()).hasValue(5_000);
	}

	/** Acme's CSAT of 2 was acted on: the demo's complaint about ACME-1015 is in ticket-service's demo data. */
	@Test
	void noDemoAnswerOpensAFollowUpTicket() {
		assertThat(responses.findAll()).hasSize(9).allSatisfy(answer -> assertThat(answer.followUps()).isEmpty());
	}

	@Test
	void globexTradingHasASatisfiedCsatAndADetractingNpsAndNoCes() {
		CustomerScores globex = scores.of(AGENT, "globex-trading");

		assertThat(globex.latestCsat()).get().extracting(CustomerScores.Latest::score).isEqualTo(4);
		assertThat(globex.latestNps()).get().extracting(CustomerScores.Latest::score).isEqualTo(6);
		assertThat(globex.latestCes()).isEmpty();
		assertThat(globex.csat().percentBasisPoints()).hasValue(10_000);
		assertThat(globex.nps().score()).hasValue(-100);
	}

	@Test
	void everyAnswerIsWithinTheLastSixtyDaysByADemoContactAndWaitsForTheTimeline() {
		assertThat(responses.findAll()).hasSize(9).allSatisfy(answer -> {
			assertThat(answer.answeredAt()).isAfterOrEqualTo(FixedClock.NOW.minus(Duration.ofDays(60)));
			assertThat(answer.contactId()).isIn(DemoData.ALICE, DemoData.BO, DemoData.GAVIN);
			assertThat(answer.outbox()).hasSize(1);
		});
	}

	@Test
	void theDemoIsLoadedOnlyIntoAnEmptyStore() {
		responses.deleteById("demo-acme-csat-1015");
		demo.run(null);
		assertThat(responses.count()).isEqualTo(8);
		assertThat(responses.findById("demo-acme-csat-1015")).map(SurveyResponse::score).isEmpty();
	}
}
