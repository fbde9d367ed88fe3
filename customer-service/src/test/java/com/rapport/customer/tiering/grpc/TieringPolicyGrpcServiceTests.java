package com.rapport.customer.tiering.grpc;

import com.google.rpc.BadRequest;
import com.rapport.contracts.customer.v1.GetTieringPolicyRequest;
import com.rapport.contracts.customer.v1.TieringPolicy;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc;
import com.rapport.contracts.customer.v1.UpdateTieringPolicyRequest;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The console's view and edit of the tiering rules, over the in-process transport. */
@CustomerServiceTest
class TieringPolicyGrpcServiceTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		mongo.dropCollection("tiering_policy");
	}

	private static TieringPolicyServiceGrpc.TieringPolicyServiceBlockingStub as(String token) {
		return TieringPolicyServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static TieringPolicy.Builder rules(String vipMonetary, int dormantAfterDays) {
		return TieringPolicy.newBuilder().setWindowDays(365).setVipMonetary(vipMonetary).setVipFrequency(12)
			.setVipRecencyDays(30).setKeyMonetary("200000").setKeyFrequency(4).setLoyalOrders(10)
			.setDormantAfterDays(dormantAfterDays).setChurnedAfterDays(365);
	}

	@Test
	void anAgentReadsTheConfiguredDefaultsWithTheBaseCurrency() {
		TieringPolicy policy = as(TestTokens.staff("agent")).getTieringPolicy(GetTieringPolicyRequest.getDefaultInstance());

		assertThat(policy.getVersion()).isZero();
		assertThat(policy.getVipMonetary()).isEqualTo("1000000");
		assertThat(policy.getBaseCurrency()).isEqualTo("CNY");
		assertThat(policy.getChurnedAfterDays()).isEqualTo(365);
		assertThat(policy.hasUpdatedAt()).isFalse();
	}

	@Test
	void aManagerSavesAndTheAnswerCarriesTheNewVersionAndWhoSavedIt() {
		TieringPolicy saved = as(TestTokens.staff("manager")).updateTieringPolicy(UpdateTieringPolicyRequest.newBuilder()
			.setPolicy(rules("1500000.50", 60)).setVersion(0).build());

		assertThat(saved.getVersion()).isEqualTo(1);
		assertThat(saved.getVipMonetary()).isEqualTo("1500000.5");
		assertThat(saved.getDormantAfterDays()).isEqualTo(60);
		assertThat(saved.getUpdatedBy()).isNotBlank();
		assertThat(saved.hasUpdatedAt()).isTrue();
		assertThat(saved.getRecomputedVersion()).as("the recompute runs after the answer").isZero();
		assertThat(as(TestTokens.staff("agent")).getTieringPolicy(GetTieringPolicyRequest.getDefaultInstance())
			.getVipMonetary()).isEqualTo("1500000.5");
	}

	@Test
	void badThresholdsComeBackNamedForTheForm() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("admin")).updateTieringPolicy(UpdateTieringPolicyRequest.newBuilder()
				.setPolicy(rules("a million", 400)).build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				BadRequest bad = StatusProto.fromThrowable(ex).getDetails(0).unpack(BadRequest.class);
				assertThat(bad.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
					.containsExactlyInAnyOrder("vipMonetary", "churnedAfterDays");
			});
	}

	@Test
	void aSaveOnAnOldVersionFailsItsPrecondition() {
		as(TestTokens.staff("manager")).updateTieringPolicy(UpdateTieringPolicyRequest.newBuilder()
			.setPolicy(rules("900000", 90)).setVersion(0).build());

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).updateTieringPolicy(UpdateTieringPolicyRequest.newBuilder()
				.setPolicy(rules("800000", 90)).setVersion(0).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
	}
}
