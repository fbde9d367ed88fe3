package com.rapport.feedback.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.rapport.contracts.feedback.v1.AnswerMySurveyRequest;
import com.rapport.contracts.feedback.v1.CommentMySurveyRequest;
import com.rapport.contracts.feedback.v1.ListMySurveysRequest;
import com.rapport.contracts.feedback.v1.ListMySurveysResponse;
import com.rapport.contracts.feedback.v1.MySurvey;
import com.rapport.contracts.feedback.v1.MySurveyServiceGrpc;
import com.rapport.contracts.feedback.v1.RequestSurveyRequest;
import com.rapport.contracts.feedback.v1.SurveyAnswerOutcome;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.contracts.feedback.v1.SurveyRequestServiceGrpc;
import com.rapport.feedback.response.ResponseChannel;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The portal's Surveys page as feedback-service serves it: invitations made by ticket-service's request, listed and
 * answered by the contact with their own token over the in-process gRPC transport (real security interceptor), on
 * the embedded store, with a movable clock. Only customer-service (its contact list and which contact a login is)
 * is stood in for.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + MySurveysTests.SERVER, "rapport.surveys.sending=false",
		"rapport.surveys.min-interval=30d", "rapport.surveys.valid-for=14d" })
@Import({ TestTokens.DecoderConfiguration.class, StandInCustomerService.class, MySurveysTests.Logins.class })
class MySurveysTests {

	static final String SERVER = "feedback-my-surveys";

	static final Instant START = StandInCustomerService.START;

	static final MutableClock CLOCK = StandInCustomerService.CLOCK;

	/** Which contact of acme-retail the customer token's login is (customer-service's GetMyContact). */
	static final AtomicReference<String> SIGNED_IN = new AtomicReference<>();


	static final String ACME = TestTokens.customer("acme-retail");

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	/** customer-service's answer to GetMyContact: the contact {@link #SIGNED_IN} for acme-retail's logins. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Logins {

		@Bean
		@Primary
		SignedInContacts standInLogins() {
			return caller -> "acme-retail".equals(caller.customerId().orElse(null))
					? Optional.ofNullable(SIGNED_IN.get()) : Optional.empty();
		}
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	SurveyTokens tokens;

	@Autowired
	SurveyAnswers linkAnswers;

	@BeforeEach
	void setUp() {
		CLOCK.advance(Duration.between(CLOCK.instant(), START));
		mongo.dropCollection(Invitation.class);
		responses.deleteAll();
		SIGNED_IN.set("alice-1");
		StandInCustomerService.CONTACTS.clear();
		StandInCustomerService.CONTACTS.put("acme-retail",
				List.of(new InvitedContact("alice-1", "Alice Chen", "alice@acme.example", "en", true),
						new InvitedContact("wang-1", "王芳", "wang@acme.example", "zh-CN", true)));
	}

	@AfterAll
	static void stop() {
		channel.shutdownNow();
	}

	private static String resolved(String ticketId, String number, String contactId) {
		return SurveyRequestServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.service()))
			.requestSurvey(RequestSurveyRequest.newBuilder().setKind("CSAT").setSubjectType("TICKET")
				.setSubjectId(ticketId).setSubjectLabel(number).setOrganisationId("acme-retail")
				.setContactId(contactId).build())
			.getInvitationId();
	}

	private static MySurveyServiceGrpc.MySurveyServiceBlockingStub as(String token) {
		return MySurveyServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static ListMySurveysResponse mine() {
		return as(ACME).listMySurveys(ListMySurveysRequest.getDefaultInstance());
	}

	private static SurveyAnswerResult answer(String invitationId, int score) {
		return as(ACME).answerMySurvey(AnswerMySurveyRequest.newBuilder().setInvitationId(invitationId)
			.setScore(score).build());
	}

	private static SurveyAnswerResult comment(String invitationId, String text) {
		return as(ACME).commentMySurvey(CommentMySurveyRequest.newBuilder().setInvitationId(invitationId)
			.setComment(text).build());
	}

	@Test
	void aContactSeesTheirOpenInvitationsWithWhatAndUntilWhenAndNobodyElses() {
		String alices = resolved("ticket-1", "T-1001", "alice-1");
		resolved("ticket-2", "T-1002", "wang-1");

		ListMySurveysResponse list = mine();

		assertThat(list.getOpenList()).extracting(MySurvey::getInvitationId, MySurvey::getKind,
				MySurvey::getSubjectType, MySurvey::getSubjectLabel)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(alices, "CSAT", "TICKET", "T-1001"));
		MySurvey open = list.getOpen(0);
		assertThat(open.getInvitedAt().getSeconds()).isEqualTo(START.getEpochSecond());
		assertThat(open.getExpiresAt().getSeconds()).isEqualTo(START.plus(Duration.ofDays(14)).getEpochSecond());
		assertThat(open.getScaleMin()).isEqualTo(1);
		assertThat(open.getScaleMax()).isEqualTo(5);
		assertThat(open.hasAnsweredAt()).isFalse();
		assertThat(list.getAnsweredList()).isEmpty();
	}

	@Test
	void answeringInThePortalRecordsTheScoreOnceThenTheCommentAndTheListShowsWhatWasAnswered() {
		String id = resolved("ticket-1", "T-1001", "alice-1");
		CLOCK.advance(Duration.ofHours(2));

		SurveyAnswerResult recorded = answer(id, 4);
		assertThat(recorded.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED);
		assertThat(recorded.getSubjectLabel()).isEqualTo("T-1001");
		SurveyResponse stored = responses.findById(id).orElseThrow();
		assertThat(stored.score()).isEqualTo(4);
		assertThat(stored.channel()).isEqualTo(ResponseChannel.PORTAL);
		assertThat(stored.contactId()).isEqualTo("alice-1");

		assertThat(comment(id, "  Quick and friendly.  ").getOutcome())
			.isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_COMMENTED);

		SurveyAnswerResult again = answer(id, 1);
		assertThat(again.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED);
		assertThat(again.getScore()).isEqualTo(4);
		assertThat(comment(id, "Changed my mind").getOutcome())
			.isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED);
		assertThat(responses.findById(id).orElseThrow().score()).isEqualTo(4);
		assertThat(responses.findById(id).orElseThrow().comment()).isEqualTo("Quick and friendly.");

		ListMySurveysResponse list = mine();
		assertThat(list.getOpenList()).isEmpty();
		assertThat(list.getAnsweredList()).singleElement().satisfies(answered -> {
			assertThat(answered.getScore()).isEqualTo(4);
			assertThat(answered.getComment()).isEqualTo("Quick and friendly.");
			assertThat(answered.getAnsweredAt().getSeconds()).isEqualTo(START.plus(Duration.ofHours(2)).getEpochSecond());
		});
	}

	@Test
	void anInvitationAnsweredThroughTheMailsLinkIsAlreadyAnsweredInThePortal() {
		String id = resolved("ticket-1", "T-1001", "alice-1");
		Invitation invitation = mongo.findById(id, Invitation.class);
		linkAnswers.answer(tokens.issue(id, invitation.expiresAt()), 5);

		SurveyAnswerResult result = answer(id, 2);

		assertThat(result.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED);
		assertThat(result.getScore()).isEqualTo(5);
		assertThat(responses.findById(id).orElseThrow().channel()).isEqualTo(ResponseChannel.EMAIL);
		assertThat(mine().getAnsweredList()).extracting(MySurvey::getScore).containsExactly(5);
	}

	@Test
	void anExpiredInvitationIsNoLongerOpenAndTakesNoAnswer() {
		String id = resolved("ticket-1", "T-1001", "alice-1");
		CLOCK.advance(Duration.ofDays(14));

		assertThat(mine().getOpenList()).isEmpty();
		SurveyAnswerResult result = answer(id, 5);

		assertThat(result.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_EXPIRED);
		assertThat(comment(id, "late").getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_EXPIRED);
		assertThat(responses.count()).isZero();
		assertThat(mongo.findById(id, Invitation.class).answeredAt()).isNull();
	}

	@Test
	void anotherContactsInvitationIsNotFoundLikeAnUnknownOneAndNothingIsStored() {
		String wangs = resolved("ticket-2", "T-1002", "wang-1");

		for (String id : List.of(wangs, "no-such-invitation")) {
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> answer(id, 5))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> comment(id, "hello"))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex")).answerMySurvey(AnswerMySurveyRequest.newBuilder()
				.setInvitationId(wangs).setScore(5).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(responses.count()).isZero();

		SIGNED_IN.set("wang-1");
		assertThat(answer(wangs, 5).getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED);
	}

	@Test
	void aScoreOutsideTheScaleIsRefusedNamingTheScore() {
		String id = resolved("ticket-1", "T-1001", "alice-1");

		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> answer(id, 6))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("score");
			});
		assertThat(responses.count()).isZero();
	}

	@Test
	void aLoginWithoutAContactHasNoSurveys() {
		resolved("ticket-1", "T-1001", "alice-1");
		SIGNED_IN.set(null);

		assertThat(mine().getOpenList()).isEmpty();
		assertThat(mine().getAnsweredList()).isEmpty();
	}
}
