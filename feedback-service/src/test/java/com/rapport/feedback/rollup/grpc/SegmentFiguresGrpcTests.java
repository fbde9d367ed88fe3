package com.rapport.feedback.rollup.grpc;

import java.time.Instant;
import java.util.Date;

import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.FeedbackFiguresServiceGrpc;
import com.rapport.contracts.feedback.v1.GetSegmentFiguresRequest;
import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.contracts.feedback.v1.SegmentFilter;
import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GetSegmentFigures} over in-process gRPC as the dashboard asks it: a segment filter and a breakdown instead of
 * organisation ids, managers alone, a breakdown not offered named. The same context as {@code ImprovementsTests}
 * (same properties and imports, so the context cache serves both); the segment copy is filled here, so nothing asks
 * customer-service.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + SegmentFiguresGrpcTests.SERVER, "rapport.surveys.sending=false" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class SegmentFiguresGrpcTests {

	/** ImprovementsTests' server: the one context both use. */
	static final String SERVER = "feedback-improvements";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Instant NOVEMBER = Instant.parse("2026-11-10T09:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	ResponseService answers;

	@BeforeEach
	void threeOrganisationsInTwoTiers() {
		responses.deleteAll();
		for (String collection : new String[] { "feedback_rollups", "feedback_segment_rollups",
				"organisation_segments" }) {
			mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
		}
		keep("acme", "VIP", "Retail", "East China");
		keep("initech", "VIP", "Logistics", "");
		keep("globex", "NORMAL", "Retail", "North China");
	}

	@AfterAll
	static void stop() {
		channel.shutdownNow();
	}

	private void keep(String id, String tier, String industry, String region) {
		mongo.insert(new Document("_id", id).append("tier", tier).append("industry", industry).append("region", region)
			.append("refreshedAt", Date.from(NOVEMBER)), "organisation_segments");
	}

	private static FeedbackFiguresServiceGrpc.FeedbackFiguresServiceBlockingStub as(String token) {
		return FeedbackFiguresServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static GetSegmentFiguresRequest.Builder november() {
		return GetSegmentFiguresRequest.newBuilder().setFromMonth("2026-11").setToMonth("2026-11");
	}

	@Test
	void aManagerReadsASegmentsFiguresBrokenDownWithoutNamingAnyOrganisation() {
		answers.record(Answers.answer("a-1", "acme", "CSAT", 5, NOVEMBER));
		answers.record(Answers.answer("i-1", "initech", "CSAT", 2, NOVEMBER));
		answers.record(Answers.answer("g-1", "globex", "CSAT", 4, NOVEMBER));
		answers.record(Answers.answer("g-2", "globex", "NPS", 10, NOVEMBER));

		FeedbackFigures vipByRegion = as(TestTokens.staff("manager")).getSegmentFigures(november()
			.setSegment(SegmentFilter.newBuilder().setTier("TIER_VIP")).setBreakdown("region").build());

		assertThat(vipByRegion.getTotal().getCsat().getDistributionList()).containsExactly(0L, 0L, 1L, 0L, 0L, 1L);
		assertThat(vipByRegion.getTotal().getCsat().getCsatPercentBp()).isEqualTo(5_000);
		assertThat(vipByRegion.getTotal().getNps().hasNps()).isFalse();
		assertThat(vipByRegion.getGroupsList()).extracting(PeriodFigures::getLabel).containsExactly("East China", "");
		assertThat(vipByRegion.getMonthsList()).extracting(PeriodFigures::getLabel).containsExactly("2026-11");

		FeedbackFigures retailByTier = as(TestTokens.staff("admin")).getSegmentFigures(november()
			.setSegment(SegmentFilter.newBuilder().setIndustry("Retail")).setBreakdown("tier").build());
		assertThat(retailByTier.getGroupsList()).extracting(PeriodFigures::getLabel).containsExactly("VIP", "NORMAL");
		assertThat(retailByTier.getGroups(1).getNps().getNps()).isEqualTo(100);
		assertThat(retailByTier.getTotal().getCsat().getAnswers()).isEqualTo(2);
	}

	@Test
	void aBreakdownNotOfferedIsNamedAndOnlyManagersAndAdminsRead() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).getSegmentFigures(november().setBreakdown("agent").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("breakdown");
			});
		for (String token : new String[] { TestTokens.staff("agent"), TestTokens.customer("acme") }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).getSegmentFigures(november().setBreakdown("tier").build()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
	}
}
