package com.rapport.feedback.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.score.CustomerScores;
import com.rapport.feedback.score.ScoreProperties;
import com.rapport.feedback.score.ScoreService;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The growth recompute's batch read: a page of organisations' CSAT share and NPS in one call, the same figures
 * {@code GetCustomerScores} gives each organisation, for services alone.
 */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class ScoreFactsTests {

	static final Instant NOW = FixedClock.NOW;

	static final Caller SERVICE = new Caller("customer-service", Set.of(Caller.INTERNAL), Set.of(), Optional.empty(),
			"customer-service", "");

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoTemplate mongo;

	ResponseService answers;

	ScoreFacts facts;

	ScoreService scores;

	@BeforeEach
	void setUp() {
		responses.deleteAll();
		answers = new ResponseService(responses, FixedClock.CLOCK);
		facts = new ScoreFacts(mongo, new ScoreProperties(null), FixedClock.CLOCK);
		scores = new ScoreService(responses, FixedClock.CLOCK, new ScoreProperties(null));
	}

	private void answered(String id, String customerId, String kind, int score, Instant at) {
		answers.record(Answers.answer(id, customerId, kind, score, at));
	}

	@Test
	void aPageOfOrganisationsGetsEachOnesFiguresInTheOrderAskedAsGetCustomerScoresGivesThem() {
		Instant from = NOW.minus(Duration.ofDays(90));
		answered("a-csat-1", "acme-retail", "CSAT", 5, from);
		answered("a-csat-2", "acme-retail", "CSAT", 2, NOW.minus(Duration.ofDays(3)));
		answered("a-csat-old", "acme-retail", "CSAT", 1, from.minusMillis(1));
		answered("a-nps-1", "acme-retail", "NPS", 3, NOW);
		answered("a-ces-1", "acme-retail", "CES", 7, NOW);
		answered("g-nps-1", "globex-trading", "NPS", 10, NOW.minus(Duration.ofDays(1)));
		answered("g-nps-2", "globex-trading", "NPS", 8, NOW.minus(Duration.ofDays(2)));

		List<ScoreFacts.Facts> page = facts.of(SERVICE, List.of("globex-trading", "nobody", "acme-retail"));

		assertThat(page).extracting(ScoreFacts.Facts::customerId).containsExactly("globex-trading", "nobody",
				"acme-retail");
		for (ScoreFacts.Facts one : page) {
			CustomerScores alone = scores.of(AGENT, one.customerId());
			assertThat(one.csatCount()).isEqualTo(alone.csat().count());
			assertThat(one.csatPercentBasisPoints()).isEqualTo(alone.csat().percentBasisPoints());
			assertThat(one.nps()).isEqualTo(alone.nps().score());
			assertThat(one.npsCount()).isEqualTo(alone.nps().count());
		}
		assertThat(page.get(2).csatPercentBasisPoints()).hasValue(5_000);
		assertThat(page.get(2).nps()).hasValue(-100);
		assertThat(page.get(0).csatPercentBasisPoints()).isEmpty();
		assertThat(page.get(0).nps()).hasValue(50);
		assertThat(page.get(1).nps()).isEmpty();
	}

	@Test
	void servicesAloneAskAndAPageIsOneToFiveHundredDistinctIds() {
		assertThatThrownBy(() -> facts.of(AGENT, List.of("acme-retail"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> facts.of(SERVICE, List.of())).isInstanceOf(UnprocessableException.class);
		assertThatThrownBy(() -> facts.of(SERVICE, List.of("a", "a"))).isInstanceOf(UnprocessableException.class);
		List<String> many = java.util.stream.IntStream.range(0, 501).mapToObj(i -> "org-" + i).toList();
		assertThatThrownBy(() -> facts.of(SERVICE, many)).isInstanceOf(UnprocessableException.class);
		assertThat(facts.of(SERVICE, many.subList(0, 500))).hasSize(500);
	}
}
