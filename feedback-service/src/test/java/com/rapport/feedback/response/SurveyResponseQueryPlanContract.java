package com.rapport.feedback.response;

import java.time.Duration;
import java.util.List;

import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.QueryPlans.Plan;
import com.rapport.support.timeline.OutboxRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads behind the 360's scores and the relay are answered from an index: each test runs the query as the
 * service sends it and has the store explain every read. Three organisations with seven answers of each survey,
 * told already, and one new answer each that the timeline has still to hear of.
 */
abstract class SurveyResponseQueryPlanContract {

	static final String RESPONSES = "survey_responses";

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@BeforeEach
	void threeOrganisationsWithSevenAnswersOfEachSurvey() {
		responses.deleteAll();
		List<String> customers = List.of("acme-retail", "globex-trading", "initech");
		for (String customer : customers) {
			for (SurveyKind kind : SurveyKind.values()) {
				for (int i = 0; i < 7; i++) {
					responses.insert(SurveyResponse.answered(customer + "-" + kind + "-" + i, customer, "contact-1",
							kind, 1 + i % 5, null, Answers.T0.minus(Duration.ofDays(10L * i)), SubjectType.RELATIONSHIP,
							null, ResponseChannel.EMAIL, null));
				}
			}
		}
		mongo.updateMulti(new Query(), new Update().set("outbox", List.of()), SurveyResponse.class);
		customers.forEach(customer -> responses.insert(SurveyResponse.answered(customer + "-new", customer,
				"contact-2", SurveyKind.NPS, 9, null, Answers.T0, SubjectType.RELATIONSHIP, null, ResponseChannel.EMAIL, null)));
	}

	@Test
	void anOrganisationsLatestAnswerIsTheFirstEntryOfItsIndex() {
		List<Plan> sent = plans.explain(mongo, RESPONSES,
				() -> responses.findFirstByCustomerIdAndKindOrderByAnsweredAtDescIdDesc("globex-trading", SurveyKind.CSAT));

		assertThat(sent).singleElement()
			.satisfies(plan -> plan.assertScansOnly("customer_kind_newest").assertSortsByIndex());
	}

	@Test
	void anOrganisationsScoresOverAWindowAreReadFromItsIndex() {
		List<Plan> sent = plans.explain(mongo, RESPONSES, () -> assertThat(responses.findScoresSince("initech",
				SurveyKind.CES, Answers.T0.minus(Duration.ofDays(30)))).hasSize(4));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("customer_kind_newest"));
	}

	/** The partner API's pages: each combination of organisation and kind read in an index's order, then counted. */
	@Test
	void thePartnerApisPagesAreReadInTheOrderOfAnIndex() {
		PageRequest first = PageRequest.of(0, 5);
		assertThat(plans.explain(mongo, RESPONSES, () -> assertThat(responses
			.findByCustomerIdAndKindOrderByAnsweredAtDescIdDesc("acme-retail", SurveyKind.CSAT, first)
			.getTotalElements()).isEqualTo(7)))
			.first().satisfies(plan -> plan.assertScansOnly("customer_kind_newest").assertSortsByIndex());
		assertThat(plans.explain(mongo, RESPONSES, () -> assertThat(responses
			.findByCustomerIdOrderByAnsweredAtDescIdDesc("acme-retail", first).getContent().get(0).id())
			.isEqualTo("acme-retail-new")))
			.first().satisfies(plan -> plan.assertScansOnly("customer_newest").assertSortsByIndex());
		assertThat(plans.explain(mongo, RESPONSES, () -> assertThat(responses
			.findByKindOrderByAnsweredAtDescIdDesc(SurveyKind.NPS, first).getTotalElements()).isEqualTo(24)))
			.first().satisfies(plan -> plan.assertScansOnly("kind_newest").assertSortsByIndex());
		assertThat(plans.explain(mongo, RESPONSES, () -> assertThat(responses
			.findAllByOrderByAnsweredAtDescIdDesc(first).getContent()).hasSize(5)))
			.first().satisfies(plan -> plan.assertScansOnly("newest").assertSortsByIndex());
	}

	@Test
	void aRelayRoundReadsOnlyTheAnswersWithPendingEvents() {
		OutboxRelay<SurveyResponse, ResponseEvent> relay = new OutboxRelay<>(mongo, entry -> {
		}, new ResponseOutbox());

		List<Plan> sent = plans.explain(mongo, RESPONSES, () -> assertThat(relay.relayPending()).isEqualTo(3));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("outbox_pending"));
	}
}
