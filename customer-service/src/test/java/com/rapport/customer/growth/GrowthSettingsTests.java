package com.rapport.customer.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.rapport.contracts.customer.v1.GetGrowthSettingsRequest;
import com.rapport.contracts.customer.v1.GrowthServiceGrpc;
import com.rapport.contracts.customer.v1.UpdateGrowthSettingsRequest;
import com.rapport.customer.care.CareTaskKind;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The managers' churn-risk threshold and reorder lead days over gRPC in process (the console's form): validated,
 * versioned, audited, and a new threshold applied at once to the scores already computed (tasks opened and closed).
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-growth" })
@Import({ TestTokens.DecoderConfiguration.class, GrowthServiceTests.Signals.class })
class GrowthSettingsTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail trail;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	CustomerGrowthRepository growthFigures;

	@Autowired
	CareTaskRepository careTasks;

	@Autowired
	GrowthService growth;

	ManagedChannel channel;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@BeforeEach
	void setUp() {
		mongo.dropCollection(GrowthSettings.class);
		organisations.deleteAll();
		growthFigures.deleteAll();
		careTasks.deleteAll();
		channel = InProcessChannelBuilder.forName("customer-growth").directExecutor().build();
		scored("globex-trading", 30);
		scored("stark-components", 45);
	}

	@AfterEach
	void closeChannelAndForgetTheSettings() {
		channel.shutdownNow();
		mongo.dropCollection(GrowthSettings.class); // the other tests of this context judge by the defaults
	}

	/** An organisation whose last computed churn risk is {@code score}, judged by the default threshold 40. */
	private void scored(String id, int score) {
		organisations.save(Organisation.create(id, id, "Trading", "CN")
			.withProfile(new Organisation.Profile(id, "Trading", null, "CN", "East", List.of(), "agent.li",
					OrganisationStatus.ACTIVE, null)));
		growthFigures.save(CustomerGrowth.of(id, null, new ChurnRisk(score, 40,
				List.of(new RiskReason("growth.risk.rhythm", List.of("70", "30"), score)), now), List.of()));
	}

	private GrowthServiceGrpc.GrowthServiceBlockingStub as(String token) {
		return GrowthServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static UpdateGrowthSettingsRequest settings(int threshold, int leadDays, long version) {
		return UpdateGrowthSettingsRequest.newBuilder().setRiskThreshold(threshold).setReorderLeadDays(leadDays)
			.setVersion(version).build();
	}

	@Test
	void theDefaultsApplyUntilAManagerSavesAndANewThresholdJudgesTheScoresAgainAtOnce() {
		var defaults = as(TestTokens.staff("agent")).getGrowthSettings(GetGrowthSettingsRequest.getDefaultInstance());
		assertThat(defaults.getRiskThreshold()).isEqualTo(40);
		assertThat(defaults.getReorderLeadDays()).isEqualTo(14);
		assertThat(defaults.getVersion()).isZero();
		NewAuditEntries audited = NewAuditEntries.since(trail);

		var saved = as(TestTokens.staff("manager")).updateGrowthSettings(settings(25, 21, 0));

		assertThat(saved.getVersion()).isEqualTo(1);
		assertThat(saved.getUpdatedBy()).isNotEmpty();
		var event = audited.single();
		assertThat(event.action()).isEqualTo("growth-settings.updated");
		assertThat(event.details()).containsEntry("riskThreshold", "40 → 25").containsEntry("reorderLeadDays", "14 → 21");
		// Globex (30) is at risk now, with a task for its account manager; Stark (45) was and stays.
		assertThat(growthFigures.findById("globex-trading").orElseThrow().atRisk()).isTrue();
		assertThat(growthFigures.findById("globex-trading").orElseThrow().risk().threshold()).isEqualTo(25);
		assertThat(careTasks.findAll()).filteredOn(t -> t.kind() == CareTaskKind.CHURN_RISK && t.open())
			.singleElement().satisfies(t -> {
				assertThat(t.organisationId()).isEqualTo("globex-trading");
				assertThat(t.assignee()).isEqualTo("agent.li");
				assertThat(t.summary()).startsWith("Churn risk 30/100 for globex-trading: ");
			});
		assertThat(growth.threshold()).isEqualTo(25);

		// Raised above both: both leave the list and Globex's task closes.
		as(TestTokens.staff("admin")).updateGrowthSettings(settings(50, 21, 1));
		assertThat(growthFigures.findByAtRiskTrue()).isEmpty();
		assertThat(careTasks.findAll()).filteredOn(t -> t.kind() == CareTaskKind.CHURN_RISK).allMatch(t -> !t.open());

		// The same settings again change nothing: no new version, no audit entry.
		NewAuditEntries again = NewAuditEntries.since(trail);
		assertThat(as(TestTokens.staff("manager")).updateGrowthSettings(settings(50, 21, 2)).getVersion()).isEqualTo(2);
		assertThat(again.events()).isEmpty();
	}

	@Test
	void badValuesAreNamedTogetherAnOldVersionIsRefusedAndAgentsMayOnlyRead() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).updateGrowthSettings(settings(0, 366, 0)))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				com.google.rpc.BadRequest bad = io.grpc.protobuf.StatusProto.fromThrowable(ex).getDetails(0)
					.unpack(com.google.rpc.BadRequest.class);
				assertThat(bad.getFieldViolationsList()).extracting(com.google.rpc.BadRequest.FieldViolation::getField)
					.containsExactlyInAnyOrder("riskThreshold", "reorderLeadDays");
			});
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).updateGrowthSettings(settings(101, -1, 0)))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));

		as(TestTokens.staff("manager")).updateGrowthSettings(settings(35, 14, 0));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("admin")).updateGrowthSettings(settings(60, 14, 0)))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
		assertThat(as(TestTokens.staff("agent")).getGrowthSettings(GetGrowthSettingsRequest.getDefaultInstance())
			.getRiskThreshold()).isEqualTo(35);

		for (String caller : List.of(TestTokens.staff("agent"), TestTokens.customer("globex-trading"),
				TestTokens.service())) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(caller).updateGrowthSettings(settings(20, 14, 1)))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThat(as(TestTokens.staff("agent")).getGrowthSettings(GetGrowthSettingsRequest.getDefaultInstance())
			.getRiskThreshold()).isEqualTo(35);
	}
}
