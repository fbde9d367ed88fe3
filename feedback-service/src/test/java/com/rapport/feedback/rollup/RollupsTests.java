package com.rapport.feedback.rollup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.feedback.MongoAuditingConfiguration;
import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import org.bson.Document;
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
 * The monthly roll-ups are kept by the recording of each answer (once, however often it is sent) and of each
 * invitation, and the dashboard's figures read from them equal what the answers themselves make.
 */
@DataMongoTest
@Import(MongoAuditingConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class RollupsTests {

	static final Caller MANAGER = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(),
			"portal-web", "");

	static final Instant OCTOBER = Instant.parse("2026-10-31T23:59:59Z");

	static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	MongoTemplate mongo;

	Rollups rollups;

	FeedbackFigures figures;

	ResponseService answers;

	@BeforeEach
	void emptyStore() {
		responses.deleteAll();
		mongo.dropCollection(Rollup.class);
		rollups = new Rollups(mongo);
		figures = new FeedbackFigures(mongo);
		answers = new ResponseService(responses, FixedClock.CLOCK, rollups);
	}

	@Test
	void anAnswerSentAgainIsCountedOnce() {
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, NOVEMBER));
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, NOVEMBER));
		answers.record(Answers.answer("a-2", "acme", "CSAT", 2, NOVEMBER));

		FeedbackFigures.Totals november = figures.of(MANAGER, "2026-11", "2026-11", List.of(), List.of()).total()
			.kinds().get(SurveyKind.CSAT);
		assertThat(november.distribution()).containsExactly(0, 0, 1, 0, 0, 1);
		assertThat(mongo.findById("acme|2026-11|CSAT", Rollup.class).distribution()).containsExactly(0, 0, 1, 0, 0, 1);
	}

	/**
	 * The raw documents the recording keeps for the answers of {@code rollup/contract.json} are the contract's, types
	 * included: the benchmark's offline seeder writes the same for the same answers (benchmarks'
	 * {@code FeedbackRollupsTests} reads the same file), so a store it seeded shows the figures the service would.
	 */
	@Test
	void theRollupsOfTheContractsAnswersAreTheContractsDocuments() throws Exception {
		Document contract;
		try (var in = getClass().getResourceAsStream("/rollup/contract.json")) {
			contract = Document.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		for (Document answer : contract.getList("answers", Document.class)) {
			answers.record(Answers.answer(answer.getString("id"), answer.getString("customerId"),
					answer.getString("kind"), answer.getInteger("score"), Instant.parse(answer.getString("answeredAt"))));
		}
		List<Document> stored = mongo.getCollection("feedback_rollups").find().into(new java.util.ArrayList<>());
		assertThat(stored).containsExactlyInAnyOrderElementsOf(contract.getList("rollups", Document.class));
	}

	@Test
	void eachAnswerCountsInItsOwnUtcMonthAndOrganisation() {
		answers.record(Answers.answer("a-1", "acme", "NPS", 10, OCTOBER));
		answers.record(Answers.answer("a-2", "acme", "NPS", 0, NOVEMBER));
		answers.record(Answers.answer("g-1", "globex", "NPS", 6, NOVEMBER));
		answers.record(Answers.answer("g-2", "globex", "CES", 5, NOVEMBER));

		FeedbackFigures.Figures all = figures.of(MANAGER, "2026-09", "2026-11", List.of(), List.of());
		assertThat(all.months()).extracting(FeedbackFigures.Period::label).containsExactly("2026-09", "2026-10",
				"2026-11");
		assertThat(all.months().get(0).kinds().get(SurveyKind.NPS).distribution()).containsOnly(0);
		assertThat(all.months().get(1).kinds().get(SurveyKind.NPS).distribution()[10]).isEqualTo(1);
		assertThat(all.months().get(2).kinds().get(SurveyKind.NPS).distribution()[0]).isEqualTo(1);
		assertThat(all.months().get(2).kinds().get(SurveyKind.NPS).distribution()[6]).isEqualTo(1);
		assertThat(all.total().kinds().get(SurveyKind.CES).distribution()[5]).isEqualTo(1);

		FeedbackFigures.Figures acme = figures.of(MANAGER, "2026-09", "2026-11", List.of("acme"), List.of());
		assertThat(acme.total().kinds().get(SurveyKind.NPS).distribution()).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 1);
		assertThat(acme.total().kinds().get(SurveyKind.CES).distribution()).containsOnly(0);
	}

	@Test
	void groupsAddUpTheirOrganisationsWithinTheFilter() {
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, NOVEMBER));
		answers.record(Answers.answer("g-1", "globex", "CSAT", 1, NOVEMBER));
		answers.record(Answers.answer("i-1", "initech", "CSAT", 4, NOVEMBER));

		FeedbackFigures.Figures byTier = figures.of(MANAGER, "2026-11", "2026-11", List.of(),
				List.of(new FeedbackFigures.Group("VIP", List.of("acme", "initech")),
						new FeedbackFigures.Group("NORMAL", List.of("globex")),
						new FeedbackFigures.Group("KEY", List.of())));
		assertThat(byTier.groups()).extracting(FeedbackFigures.Period::label).containsExactly("VIP", "NORMAL", "KEY");
		assertThat(byTier.groups().get(0).kinds().get(SurveyKind.CSAT).distribution()).containsExactly(0, 0, 0, 0, 1,
				1);
		assertThat(byTier.groups().get(1).kinds().get(SurveyKind.CSAT).distribution()).containsExactly(0, 1, 0, 0, 0,
				0);
		assertThat(byTier.groups().get(2).kinds().get(SurveyKind.CSAT).distribution()).containsOnly(0);

		FeedbackFigures.Figures onlyAcme = figures.of(MANAGER, "2026-11", "2026-11", List.of("acme"),
				List.of(new FeedbackFigures.Group("VIP", List.of("acme", "initech"))));
		assertThat(onlyAcme.groups().get(0).kinds().get(SurveyKind.CSAT).distribution()).containsExactly(0, 0, 0, 0,
				0, 1);
	}

	@Test
	void theResponseRateCountsInTheMonthTheInvitationWentOut() {
		rollups.invited("acme", "CSAT", OCTOBER);
		rollups.invited("acme", "CSAT", OCTOBER);
		rollups.invited("acme", "CSAT", NOVEMBER);
		rollups.invitationAnswered("acme", "CSAT", OCTOBER);

		FeedbackFigures.Figures figuresOf = figures.of(MANAGER, "2026-10", "2026-11", List.of("acme"), List.of());
		FeedbackFigures.Totals october = figuresOf.months().get(0).kinds().get(SurveyKind.CSAT);
		FeedbackFigures.Totals november = figuresOf.months().get(1).kinds().get(SurveyKind.CSAT);
		assertThat(october.invited()).isEqualTo(2);
		assertThat(october.invitedAnswered()).isEqualTo(1);
		assertThat(november.invited()).isEqualTo(1);
		assertThat(november.invitedAnswered()).isZero();
	}

	@Test
	void managersReadEveryOrganisationsAndAContactItsOwnOnly() {
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, NOVEMBER));
		answers.record(Answers.answer("g-1", "globex", "CSAT", 1, NOVEMBER));
		Caller alice = new Caller("alice", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme"), "portal-web", "");

		FeedbackFigures.Figures own = figures.of(alice, "2026-11", "2026-11", List.of(),
				List.of(new FeedbackFigures.Group("all", List.of("acme", "globex"))));
		assertThat(own.total().kinds().get(SurveyKind.CSAT).distribution()).containsExactly(0, 0, 0, 0, 0, 1);
		assertThat(own.groups()).isEmpty();
		assertThat(figures.of(alice, "2026-11", "2026-11", List.of("acme"), List.of()).total().kinds()
			.get(SurveyKind.CSAT).distribution()).containsExactly(0, 0, 0, 0, 0, 1);
		assertThatThrownBy(() -> figures.of(alice, "2026-11", "2026-11", List.of("globex"), List.of()))
			.isInstanceOf(NotFoundException.class);
		assertThat(figures.of(MANAGER, "2026-11", "2026-11", List.of(), List.of()).total().kinds()
			.get(SurveyKind.CSAT).distribution()).containsExactly(0, 1, 0, 0, 0, 1);
	}

	@Test
	void agentsAndServicesReadNoFigures() {
		Caller agent = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web", "");
		Caller service = new Caller("ticket-service", Set.of(Caller.INTERNAL), Set.of(), Optional.empty(),
				"ticket-service", "");

		assertThatThrownBy(() -> figures.of(agent, "2026-11", "2026-11", List.of(), List.of()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> figures.of(service, "2026-11", "2026-11", List.of(), List.of()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aPeriodThatIsNoMonthOrReversedOrOverTwoYearsIsRefusedNamingTheField() {
		assertThatThrownBy(() -> figures.of(MANAGER, "November", "2026-11", List.of(), List.of()))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("fromMonth"));
		assertThatThrownBy(() -> figures.of(MANAGER, "2026-11", "2026-10", List.of(), List.of()))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("toMonth"));
		assertThatThrownBy(() -> figures.of(MANAGER, "2024-11", "2026-11", List.of(), List.of()))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("toMonth"));
		assertThat(figures.of(MANAGER, "2024-12", "2026-11", List.of(), List.of()).months()).hasSize(24);
	}
}
