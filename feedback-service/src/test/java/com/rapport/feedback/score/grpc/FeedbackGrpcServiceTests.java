package com.rapport.feedback.score.grpc;

import java.time.Duration;
import java.time.Instant;

import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc.FeedbackServiceBlockingStub;
import com.rapport.contracts.feedback.v1.GetCustomerScoresRequest;
import com.rapport.contracts.feedback.v1.SubjectType;
import com.rapport.support.test.FixedClock;
import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gRPC face over the in-process transport, with the real security interceptor and store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + FeedbackGrpcServiceTests.SERVER })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class FeedbackGrpcServiceTests {

	static final String SERVER = "feedback-service-test";

	static final Instant NOW = FixedClock.NOW;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	ResponseService answers;

	FeedbackServiceBlockingStub stub = FeedbackServiceGrpc.newBlockingStub(channel);

	@BeforeEach
	void setUp() {
		responses.deleteAll();
		Instant lastWeek = NOW.minus(Duration.ofDays(7));
		answers.record(Answers.about(Answers.withComment(Answers.answer("acme-csat", "acme-retail", "CSAT", 2, lastWeek),
				"Held at customs, nobody told us."), "ORDER", "ACME-1015"));
		answers.record(Answers.answer("acme-csat-old", "acme-retail", "CSAT", 5, lastWeek.minus(Duration.ofDays(30))));
		answers.record(Answers.about(Answers.answer("acme-nps", "acme-retail", "NPS", 9, lastWeek), null, null));
		answers.record(Answers.answer("globex-nps", "globex-trading", "NPS", 3, lastWeek));
	}

	private FeedbackServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static GetCustomerScoresRequest scoresOf(String customerId) {
		return GetCustomerScoresRequest.newBuilder().setCustomerId(customerId).build();
	}

	@Test
	void agentGetsTheLatestAnswersWithCommentsAndTheFigures() {
		var acme = as(TestTokens.staff("agent")).getCustomerScores(scoresOf("acme-retail"));

		assertThat(acme.getCustomerId()).isEqualTo("acme-retail");
		assertThat(acme.hasLatestCsat()).isTrue();
		assertThat(acme.getLatestCsat().getScore()).isEqualTo(2);
		assertThat(acme.getLatestCsat().getComment()).isEqualTo("Held at customs, nobody told us.");
		assertThat(acme.getLatestCsat().getSubjectType()).isEqualTo(SubjectType.SUBJECT_TYPE_ORDER);
		assertThat(acme.getLatestCsat().getSubjectId()).isEqualTo("ACME-1015");
		assertThat(acme.getLatestCsat().getAnsweredAt().getSeconds())
			.isEqualTo(NOW.minus(Duration.ofDays(7)).getEpochSecond());
		assertThat(acme.getLatestNps().getSubjectType()).isEqualTo(SubjectType.SUBJECT_TYPE_RELATIONSHIP);
		assertThat(acme.getLatestNps().getSubjectId()).isEmpty();
		assertThat(acme.hasLatestCes()).isFalse();
		assertThat(acme.getWindowDays()).isEqualTo(90);
		assertThat(acme.getWindowFrom().getSeconds()).isEqualTo(NOW.minus(Duration.ofDays(90)).getEpochSecond());
		assertThat(acme.getCsatCount()).isEqualTo(2);
		assertThat(acme.getCsatPercentBp()).isEqualTo(5_000);
		assertThat(acme.hasNps()).isTrue();
		assertThat(acme.getNps()).isEqualTo(100);
		assertThat(acme.getPromoters()).isEqualTo(1);
		assertThat(acme.getCesCount()).isZero();
		assertThat(acme.hasCesAverageTenths()).isFalse();
		assertThat(acme.hasCesEasyShareBp()).isFalse();
	}

	@Test
	void aFigureOfNoAnswersIsAbsentNotZero() {
		var globex = as(TestTokens.service()).getCustomerScores(scoresOf("globex-trading"));

		assertThat(globex.hasNps()).isTrue();
		assertThat(globex.getNps()).isEqualTo(-100);
		assertThat(globex.getDetractors()).isEqualTo(1);
		assertThat(globex.hasLatestCsat()).isFalse();
		assertThat(globex.hasCsatPercentBp()).isFalse();
		assertThat(globex.getCsatCount()).isZero();
	}

	@Test
	void customerGetsItsOwnOrganisationsScoresWithoutComments() {
		var own = as(TestTokens.customer("acme-retail")).getCustomerScores(scoresOf("acme-retail"));

		assertThat(own.getLatestCsat().getScore()).isEqualTo(2);
		assertThat(own.getLatestCsat().getComment()).isEmpty();
		assertThat(own.toString()).doesNotContain("customs");
		assertThat(own.getCsatPercentBp()).isEqualTo(5_000);
	}

	@Test
	void customerCannotReadAnotherOrganisationsScores() {
		for (String other : new String[] { "globex-trading", "no-such-organisation" }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(TestTokens.customer("initech-logistics"))
					.getCustomerScores(scoresOf(other)))
				.satisfies(ex -> {
					assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
					assertThat(ex.getStatus().getDescription()).isEqualTo("No organisation " + other);
				});
		}
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex-trading")).getCustomerScores(scoresOf("acme-retail")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(String.valueOf(ex.getStatus().getDescription())).doesNotContain("customs", "2");
			});
	}

	@Test
	void anOrganisationWithoutAnswersHasNeitherLatestAnswersNorFigures() {
		var unknown = as(TestTokens.staff("manager")).getCustomerScores(scoresOf("no-such-organisation"));

		assertThat(unknown.hasLatestCsat() || unknown.hasLatestNps() || unknown.hasLatestCes()).isFalse();
		assertThat(unknown.hasCsatPercentBp() || unknown.hasNps() || unknown.hasCesAverageTenths()).isFalse();
		assertThat(unknown.getCsatCount() + unknown.getPromoters() + unknown.getPassives() + unknown.getDetractors()
				+ unknown.getCesCount()).isZero();
	}

	@Test
	void aBlankOrganisationIsAnInvalidArgumentNamingTheField() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).getCustomerScores(scoresOf(" ")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("customerId");
			});
	}

	@Test
	void aCallWithoutATokenIsUnauthenticatedAndAPartnersIsRefused() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> stub.getCustomerScores(scoresOf("acme-retail")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.partner("orders.read customers.read")).getCustomerScores(scoresOf("acme-retail")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
