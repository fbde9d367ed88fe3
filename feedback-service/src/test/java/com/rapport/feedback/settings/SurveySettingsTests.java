package com.rapport.feedback.settings;

import com.rapport.contracts.audit.v1.AuditTrailGrpc;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.feedback.v1.GetSurveySettingsRequest;
import com.rapport.contracts.feedback.v1.SurveySettings;
import com.rapport.contracts.feedback.v1.SurveySettingsServiceGrpc;
import com.rapport.contracts.feedback.v1.UpdateSurveySettingsRequest;
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

/** The managers' survey settings over the in-process gRPC transport (real security interceptor), on the embedded store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + SurveySettingsTests.SERVER, "rapport.surveys.sending=false" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class SurveySettingsTests {

	static final String SERVER = "feedback-survey-settings";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void defaults() {
		mongo.dropCollection(com.rapport.feedback.settings.SurveySettings.class);
	}

	@AfterAll
	static void stop() {
		channel.shutdownNow();
	}

	private static SurveySettingsServiceGrpc.SurveySettingsServiceBlockingStub as(String token) {
		return SurveySettingsServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static SurveySettings save(String token, boolean afterTicket, boolean afterOrder, long version) {
		return as(token).updateSurveySettings(UpdateSurveySettingsRequest.newBuilder().setCesAfterTicket(afterTicket)
			.setCesAfterOrder(afterOrder).setExpectedVersion(version).build());
	}

	@Test
	void untilAManagerDecidesACesFollowsEachDeliveredOrderAndNoTicket() {
		SurveySettings settings = as(TestTokens.staff("agent")).getSurveySettings(GetSurveySettingsRequest.getDefaultInstance());

		assertThat(settings.getCesAfterOrder()).isTrue();
		assertThat(settings.getCesAfterTicket()).isFalse();
		assertThat(settings.getVersion()).isZero();
		assertThat(settings.hasUpdatedAt()).isFalse();
	}

	@Test
	void aManagerChoosesBothThenNeitherEachSaveOverTheVersionReadAndAudited() {
		SurveySettings both = save(TestTokens.staff("manager"), true, true, 0);
		assertThat(both.getCesAfterTicket()).isTrue();
		assertThat(both.getVersion()).isEqualTo(1);
		assertThat(both.getUpdatedBy()).isEqualTo("staff-manager");
		assertThat(both.getUpdatedAt().getSeconds()).isEqualTo(FixedClock.NOW.getEpochSecond());

		SurveySettings neither = save(TestTokens.staff("admin"), false, false, 1);
		assertThat(neither.getCesAfterOrder()).isFalse();
		assertThat(neither.getVersion()).isEqualTo(2);
		assertThat(as(TestTokens.staff("agent")).getSurveySettings(GetSurveySettingsRequest.getDefaultInstance()))
			.isEqualTo(neither);

		var entries = AuditTrailGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")))
			.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList().stream()
			.filter(e -> e.getAction().equals("survey-settings.updated")).toList();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
		assertThat(entries.get(0).getDetailsMap()).containsEntry("ces_after_order", "true -> false");
	}

	@Test
	void aSaveOverAnOldVersionOverwritesNothing() {
		save(TestTokens.staff("manager"), true, true, 0);

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("admin"), false, false, 0))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
		assertThat(as(TestTokens.staff("manager")).getSurveySettings(GetSurveySettingsRequest.getDefaultInstance())
			.getCesAfterTicket()).isTrue();
	}

	@Test
	void aNegativeVersionIsRefusedNamingIt() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("manager"), true, true, -1))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("expectedVersion");
			});
	}

	@Test
	void theFollowUpThresholdsAreEveryLowCsatEveryDetractorAndEveryUnhappyCommentUntilAManagerChangesThem() {
		SurveySettings defaults = as(TestTokens.staff("agent")).getSurveySettings(GetSurveySettingsRequest.getDefaultInstance());
		assertThat(defaults.getFollowUpCsatBelow()).isEqualTo(3);
		assertThat(defaults.getFollowUpNpsAtMost()).isEqualTo(6);
		assertThat(defaults.getFollowUpOnComments()).isTrue();

		SurveySettings changed = as(TestTokens.staff("manager")).updateSurveySettings(UpdateSurveySettingsRequest
			.newBuilder().setCesAfterOrder(true).setFollowUpCsatBelow(4).setFollowUpNpsAtMost(-1)
			.setFollowUpOnComments(false).setExpectedVersion(0).build());
		assertThat(changed.getFollowUpCsatBelow()).isEqualTo(4);
		assertThat(changed.getFollowUpNpsAtMost()).isEqualTo(-1);
		assertThat(changed.getFollowUpOnComments()).isFalse();

		// A save that leaves the thresholds out keeps them.
		SurveySettings kept = save(TestTokens.staff("manager"), true, true, 1);
		assertThat(kept.getFollowUpCsatBelow()).isEqualTo(4);
		assertThat(kept.getFollowUpNpsAtMost()).isEqualTo(-1);
		var entries = AuditTrailGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")))
			.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList().stream()
			.filter(e -> e.getAction().equals("survey-settings.updated")
					&& "3 -> 4".equals(e.getDetailsMap().get("follow_up_csat_below")))
			.toList();
		assertThat(entries).singleElement()
			.satisfies(e -> assertThat(e.getDetailsMap()).containsEntry("follow_up_nps_at_most", "6 -> -1")
				.containsEntry("follow_up_on_comments", "true -> false"));
	}

	@Test
	void aThresholdOutOfRangeIsRefusedNamingItAndNothingIsSaved() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).updateSurveySettings(UpdateSurveySettingsRequest
				.newBuilder().setFollowUpCsatBelow(6).setFollowUpNpsAtMost(11).setExpectedVersion(0).build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("followUpCsatBelow", "followUpNpsAtMost");
			});
		assertThat(as(TestTokens.staff("manager")).getSurveySettings(GetSurveySettingsRequest.getDefaultInstance())
			.getVersion()).isZero();
	}

	@Test
	void agentsReadButDoNotChangeThem() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("agent"), true, true, 0))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
