package com.rapport.feedback.improvement;

import com.rapport.contracts.feedback.v1.ImprovementServiceGrpc;
import com.rapport.contracts.feedback.v1.ListImprovementsRequest;
import com.rapport.contracts.feedback.v1.RecordImprovementRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
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
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** "You said, we did" over in-process gRPC, as the console and the portal ask for it. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + ImprovementsTests.SERVER, "rapport.surveys.sending=false" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class ImprovementsTests {

	static final String SERVER = "feedback-improvements";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void none() {
		mongo.dropCollection(Improvement.class);
	}

	@AfterAll
	static void stop() {
		channel.shutdownNow();
	}

	private static ImprovementServiceGrpc.ImprovementServiceBlockingStub as(String token) {
		return ImprovementServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static com.rapport.contracts.feedback.v1.Improvement record(String id, String customerId, String said,
			String did) {
		return as(TestTokens.staff("manager")).recordImprovement(RecordImprovementRequest.newBuilder()
			.setImprovementId(id).setCustomerId(customerId).setYouSaid(said).setWeDid(did).build());
	}

	@Test
	void aContactSeesWhatWasDoneForItsOrganisationAndForEveryoneNeverForAnother() {
		record("imp-1", "acme-retail", "Pallets arrive unlabelled", "Every pallet now carries its order number");
		record("imp-2", "", "Tracking links come late", "The link is in the shipping mail");
		record("imp-3", "globex-trading", "Invoices in the wrong currency", "Invoices in SGD");

		var acme = as(TestTokens.customer("acme-retail")).listImprovements(ListImprovementsRequest.newBuilder()
			.setCustomerId("globex-trading").build());
		assertThat(acme.getImprovementsList()).extracting(i -> i.getId()).containsExactlyInAnyOrder("imp-1", "imp-2");
		assertThat(acme.toString()).doesNotContain("SGD");

		var staff = as(TestTokens.staff("agent")).listImprovements(ListImprovementsRequest.getDefaultInstance());
		assertThat(staff.getImprovementsList()).hasSize(3);
		var globex = as(TestTokens.staff("agent")).listImprovements(ListImprovementsRequest.newBuilder()
			.setCustomerId("globex-trading").build());
		assertThat(globex.getImprovementsList()).extracting(i -> i.getId()).containsExactlyInAnyOrder("imp-2", "imp-3");
	}

	@Test
	void recordingTwiceStoresOnceAndOtherWordsUnderTheSameIdAreRefused() {
		var first = record("imp-4", "acme-retail", "Slow answers", "A second shift on the desk");
		var again = record("imp-4", "acme-retail", "Slow answers", "A second shift on the desk");

		assertThat(again).isEqualTo(first);
		assertThat(first.getRecordedBy()).isEqualTo("staff-manager");
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> record("imp-4", "acme-retail", "Slow answers", "Something else"))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
		assertThat(mongo.findAll(Improvement.class)).hasSize(1);
	}

	@Test
	void badFieldsAreNamedAndNothingIsStored() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> record("bad id!", "acme-retail", " ", "x".repeat(2001)))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("improvementId", "youSaid", "weDid");
			});
		assertThat(mongo.findAll(Improvement.class)).isEmpty();
	}

	@Test
	void agentsReadButDoNotRecord() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).recordImprovement(RecordImprovementRequest.newBuilder()
				.setImprovementId("imp-5").setYouSaid("x").setWeDid("y").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
