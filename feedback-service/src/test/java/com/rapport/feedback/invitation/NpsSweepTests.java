package com.rapport.feedback.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.feedback.response.SubjectType;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NPS schedule on the embedded store with a movable clock: customer-service's organisations stood in for, two
 * pages of them; the sweep driven by the tests (also two at once, as two replicas would).
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-nps", "rapport.surveys.sending=false",
		"rapport.surveys.min-interval=30d", "rapport.surveys.portal-url=https://rapport.example" })
@Import({ TestTokens.DecoderConfiguration.class, StandInCustomerService.class, NpsSweepTests.StandIns.class })
class NpsSweepTests {

	static final Instant START = StandInCustomerService.START;

	static final MutableClock CLOCK = StandInCustomerService.CLOCK;

	static final List<String> PAGES_ASKED = new CopyOnWriteArrayList<>();

	static final Map<String, OrganisationPages.Page> PAGES = Map.of(
			"", new OrganisationPages.Page(List.of(new OrganisationPages.Organisation("acme-retail", List.of(
					new InvitedContact("alice-1", "Alice Chen", "alice@acme.example", "en", true),
					new InvitedContact("bob-1", "Bob Li", "bob@acme.example", "en", false)))), "page-2"),
			"page-2", new OrganisationPages.Page(List.of(new OrganisationPages.Organisation("globex-trading", List.of(
					new InvitedContact("gavin-1", "Gavin Wu", "gavin@globex.example", "zh-CN", true)))), ""));

	@TestConfiguration(proxyBeanMethods = false)
	static class StandIns {

		@Bean
		@Primary
		OrganisationPages standInCustomerService() {
			return token -> {
				PAGES_ASKED.add(token);
				return PAGES.get(token);
			};
		}
	}

	@Autowired
	NpsSweep sweep;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	InvitationMail mail;

	@Autowired
	SurveyTokens tokens;

	@Autowired
	SurveyAnswers answers;

	@Autowired
	SurveyResponseRepository responses;

	@BeforeEach
	void setUp() {
		CLOCK.advance(Duration.between(CLOCK.instant(), START));
		mongo.dropCollection(Invitation.class);
		responses.deleteAll();
		PAGES_ASKED.clear();
	}

	private List<Invitation> nps() {
		return mongo.find(Query.query(Criteria.where("kind").is("NPS")), Invitation.class);
	}

	@Test
	void eachConsentingContactIsAskedOncePerQuarterReadingEveryPage() {
		assertThat(sweep.sweep()).isEqualTo(2);

		assertThat(PAGES_ASKED).containsExactly("", "page-2");
		assertThat(nps()).extracting(Invitation::contactId).containsExactlyInAnyOrder("alice-1", "gavin-1");
		Invitation alices = mongo.findById(Invitation.idOf("NPS", "RELATIONSHIP", "2026-Q4", "alice-1"), Invitation.class);
		assertThat(alices.outcome()).isEqualTo(Invitation.Outcome.INVITED);
		assertThat(alices.state()).isEqualTo(Invitation.State.QUEUED);
		assertThat(alices.subjectType()).isEqualTo("RELATIONSHIP");

		assertThat(sweep.sweep()).as("never twice in one quarter").isZero();

		CLOCK.advance(Duration.ofDays(36));
		assertThat(sweep.sweep()).as("the next quarter, past the minimum interval").isEqualTo(2);
		assertThat(mongo.findById(Invitation.idOf("NPS", "RELATIONSHIP", "2027-Q1", "gavin-1"), Invitation.class))
			.isNotNull();
	}

	@Test
	void aSweepInvitesAtMostItsShareAndTheNextGoesOnWithTheOthers() {
		assertThat(sweep.sweep(1)).isEqualTo(1);
		assertThat(nps()).extracting(Invitation::contactId).containsExactly("alice-1");
		assertThat(PAGES_ASKED).as("stopped on the first page").containsExactly("");

		assertThat(sweep.sweep(1)).isEqualTo(1);
		assertThat(nps()).extracting(Invitation::contactId).containsExactlyInAnyOrder("alice-1", "gavin-1");
		assertThat(sweep.sweep(1)).as("everyone asked this quarter").isZero();
	}

	@Test
	void aContactInvitedWithinTheMinimumIntervalIsAskedByALaterSweepOfThePeriod() {
		Instant earlier = START.minus(Duration.ofDays(10));
		mongo.insert(new Invitation("csat-of-alice", "CSAT", "TICKET", "ticket-1", "T-1001", "acme-retail", "alice-1",
				"Alice Chen", "alice@acme.example", "en", Invitation.Outcome.INVITED, earlier,
				earlier.plus(Duration.ofDays(14)), Invitation.State.SENT, 1, null, null, null, earlier, null, null));

		assertThat(sweep.sweep()).isEqualTo(1);
		assertThat(nps()).extracting(Invitation::contactId).containsExactly("gavin-1");

		CLOCK.advance(Duration.ofDays(21));
		assertThat(sweep.sweep()).isEqualTo(1);
		assertThat(nps()).extracting(Invitation::contactId).containsExactlyInAnyOrder("gavin-1", "alice-1");
	}

	@Test
	void twoReplicasSweepingAtOnceAskEachContactOnce() throws Exception {
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> first = replicas.submit(() -> sweep.sweep());
			Future<Integer> second = replicas.submit(() -> sweep.sweep());
			assertThat(first.get() + second.get()).isEqualTo(2);
		}
		finally {
			replicas.shutdownNow();
		}
		assertThat(nps()).hasSize(2);
	}

	@Test
	void theMailOffersZeroToTenAndAZeroIsRecordedAsAnNpsAboutTheRelationship() {
		sweep.sweep();
		Invitation alices = mongo.findById(Invitation.idOf("NPS", "RELATIONSHIP", "2026-Q4", "alice-1"), Invitation.class);

		InvitationMail.Letter letter = mail.write(alices);
		assertThat(letter.subject()).isEqualTo("Would you recommend us?");
		assertThat(letter.body()).contains("How likely are you to recommend us to a colleague?",
				"10 - Extremely likely", "0 - Not at all likely");
		Matcher links = Pattern.compile("https://rapport\\.example/survey/([^?\\s]+)\\?score=(\\d+)").matcher(letter.body());
		List<String> scores = new java.util.ArrayList<>();
		String token = null;
		while (links.find()) {
			scores.add(links.group(2));
			token = links.group(1);
		}
		assertThat(scores).containsExactly("10", "9", "8", "7", "6", "5", "4", "3", "2", "1", "0");

		assertThat(answers.answer(token, 0).outcome()).isEqualTo(SurveyAnswers.Outcome.RECORDED);
		SurveyResponse stored = responses.findById(alices.id()).orElseThrow();
		assertThat(stored.kind()).isEqualTo(SurveyKind.NPS);
		assertThat(stored.score()).isZero();
		assertThat(stored.subjectType()).isEqualTo(SubjectType.RELATIONSHIP);
		assertThat(stored.subjectId()).isNull();
		assertThat(answers.answer(token, 10).outcome()).isEqualTo(SurveyAnswers.Outcome.ALREADY_ANSWERED);
	}
}
