package com.rapport.customer.figures;

import java.time.Instant;
import java.util.Map;

import com.rapport.contracts.customer.v1.GetLifecycleFiguresRequest;
import com.rapport.contracts.customer.v1.GetSegmentChoicesRequest;
import com.rapport.contracts.customer.v1.LifecycleCounts;
import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc;
import com.rapport.contracts.customer.v1.LifecycleSegment;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lifecycle figures by segment and by period over the in-process gRPC transport: the stages now counted on the
 * segment indexes, the monthly changes kept as the timeline records them, the backfill of older ones, the choices.
 * Shares the {@link CustomerServiceTest} context.
 */
@CustomerServiceTest
class LifecycleSegmentTests {

	static final ManagedChannel channel = InProcessChannelBuilder
		.forName(CustomerServiceTest.SERVER).directExecutor().build();

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	TimelineService timeline;

	@Autowired
	LifecycleMonths months;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		mongo.dropCollection(LifecycleMonths.MONTHS);
		mongo.dropCollection(LifecycleMonths.CHANGES);
		SegmentStages.index(mongo);
	}

	private void organisation(String id, String tier, String industry, String region, LifecycleStage stage) {
		organisations.save(Organisation.create(id, id, industry, "CN"));
		Update update = Update.update("lifecycleStage", stage.name()).set("tier", tier);
		if (region != null) {
			update.set("region", region);
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Organisation.class);
	}

	private void sixOrganisations() {
		organisation("seg-vip-1", "VIP", "Retail", "East", LifecycleStage.LOYAL);
		organisation("seg-vip-2", "VIP", "Retail", "North", LifecycleStage.DORMANT);
		organisation("seg-key-1", "KEY", "Chemicals", "East", LifecycleStage.REPEAT);
		organisation("seg-normal-1", "NORMAL", "Chemicals", "East", LifecycleStage.CHURNED);
		organisation("seg-normal-2", "NORMAL", null, null, LifecycleStage.PROSPECT);
		organisation("seg-normal-3", "NORMAL", "Retail", "East", LifecycleStage.FIRST_PURCHASE);
	}

	private void changed(String organisationId, LifecycleStage from, LifecycleStage to, String at) {
		timeline.recordOwn(new InteractionInput("customer-service", "lifecycle:" + organisationId + ":" + to + ":" + at,
				organisationId, InteractionKind.LIFECYCLE_CHANGED, Instant.parse(at), "Lifecycle " + from + " → " + to,
				"organisation:" + organisationId, Map.of("from", from.name(), "to", to.name())));
	}

	private static LifecycleFiguresServiceGrpc.LifecycleFiguresServiceBlockingStub as(String token) {
		return LifecycleFiguresServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static LifecycleFigures bySegment(String tier, String industry, String breakdown, String from, String to) {
		return as(TestTokens.staff("manager")).getLifecycleFigures(GetLifecycleFiguresRequest.newBuilder()
			.setSegment(LifecycleSegment.newBuilder().setTier(tier).setIndustry(industry)).setBreakdown(breakdown)
			.setFromMonth(from).setToMonth(to).build());
	}

	@Test
	void withoutOrganisationsEveryCountIsZeroThereAreNoGroupsAndNoRetention() {
		LifecycleFigures none = bySegment("", "", "industry", "2026-09", "2026-11");

		assertThat(none.getTotal().getActive() + none.getTotal().getProspects() + none.getTotal().getChurned()).isZero();
		assertThat(none.getTotal().hasRetentionBp()).isFalse();
		assertThat(none.getTotal().hasPeriodRetentionBp()).isFalse();
		assertThat(none.getGroupsList()).isEmpty();
		assertThat(none.getMonthsList()).extracting(LifecycleCounts::getLabel).containsExactly("2026-09", "2026-10",
				"2026-11");
	}

	@Test
	void theStagesNowOfASegmentAndOneGroupPerIndustryFoundTheOneNotGivenLast() {
		sixOrganisations();

		LifecycleFigures byIndustry = bySegment("", "", "industry", "", "");

		assertThat(byIndustry.getTotal().getActive()).isEqualTo(3);
		assertThat(byIndustry.getTotal().getDormant()).isEqualTo(1);
		assertThat(byIndustry.getTotal().getChurned()).isEqualTo(1);
		assertThat(byIndustry.getTotal().getProspects()).isEqualTo(1);
		assertThat(byIndustry.getGroupsList()).extracting(LifecycleCounts::getLabel)
			.containsExactly("Chemicals", "Retail", "");
		assertThat(byIndustry.getGroups(0).getChurned()).isEqualTo(1);
		assertThat(byIndustry.getGroups(0).getRetentionBp()).isEqualTo(5000); // 1 retained of 2 that ordered
		assertThat(byIndustry.getGroups(1).getActive()).isEqualTo(2);
		assertThat(byIndustry.getGroups(1).getDormant()).isEqualTo(1);
		assertThat(byIndustry.getGroups(2).getProspects()).isEqualTo(1);
		assertThat(byIndustry.getMonthsList()).isEmpty();

		LifecycleFigures vipByTier = bySegment("TIER_VIP", "", "tier", "", "");
		assertThat(vipByTier.getTotal().getActive() + vipByTier.getTotal().getDormant()).isEqualTo(2);
		assertThat(vipByTier.getGroupsList()).extracting(LifecycleCounts::getLabel).containsExactly("VIP");

		LifecycleFigures keyInRetail = bySegment("KEY", "Retail", "region", "", "");
		assertThat(keyInRetail.getTotal().getActive()).isZero();
		assertThat(keyInRetail.getGroupsList()).isEmpty(); // a segment without organisations has no group
	}

	@Test
	void aStageChangeCountsInItsMonthAndSegmentOnceAndTheRetentionOfThePeriodFollows() {
		sixOrganisations();
		changed("seg-vip-2", LifecycleStage.LOYAL, LifecycleStage.DORMANT, "2026-09-30T23:59:00Z");
		changed("seg-normal-1", LifecycleStage.REPEAT, LifecycleStage.CHURNED, "2026-10-01T00:01:00Z");
		changed("seg-normal-1", LifecycleStage.REPEAT, LifecycleStage.CHURNED, "2026-10-01T00:01:00Z"); // repeat
		changed("seg-normal-3", LifecycleStage.PROSPECT, LifecycleStage.FIRST_PURCHASE, "2026-11-15T10:00:00Z");

		LifecycleFigures figures = bySegment("", "", "tier", "2026-09", "2026-11");

		assertThat(figures.getMonthsList()).extracting(LifecycleCounts::getBecameDormant).containsExactly(1L, 0L, 0L);
		assertThat(figures.getMonthsList()).extracting(LifecycleCounts::getBecameChurned).containsExactly(0L, 1L, 0L);
		assertThat(figures.getMonthsList()).extracting(LifecycleCounts::getWon).containsExactly(0L, 0L, 1L);
		// Retained now 4; at the start of November 3 (one won since), of October 4 (one churned in it): 3 of 4 kept.
		assertThat(figures.getMonths(1).getPeriodRetentionBp()).isEqualTo(7500);
		assertThat(figures.getMonths(2).getPeriodRetentionBp()).isEqualTo(10_000);
		assertThat(figures.getTotal().getBecameChurned()).isEqualTo(1);
		assertThat(figures.getTotal().getPeriodRetentionBp()).isEqualTo(7500);
		LifecycleCounts normal = figures.getGroupsList().stream().filter(g -> g.getLabel().equals("NORMAL")).findFirst()
			.orElseThrow();
		assertThat(normal.getBecameChurned()).isEqualTo(1);
		assertThat(normal.getWon()).isEqualTo(1);
		// NORMAL retained now 1 (seg-normal-3), at the start 1 − 1 won + 1 left = 1; it left: 0 %.
		assertThat(normal.getPeriodRetentionBp()).isZero();
		LifecycleCounts vip = figures.getGroups(0);
		assertThat(vip.getLabel()).isEqualTo("VIP");
		assertThat(vip.getBecameDormant()).isEqualTo(1);
		assertThat(vip.getPeriodRetentionBp()).isEqualTo(10_000);
		// The months after the period tell the start too: asked for October alone, November's win is taken back.
		assertThat(bySegment("", "", "", "2026-10", "2026-10").getTotal().getPeriodRetentionBp()).isEqualTo(7500);
	}

	@Test
	void changesRecordedBeforeTheRollupsAreCountedOnceByTheBackfill() {
		sixOrganisations();
		changed("seg-key-1", LifecycleStage.FIRST_PURCHASE, LifecycleStage.REPEAT, "2026-08-01T10:00:00Z");
		changed("seg-normal-1", LifecycleStage.DORMANT, LifecycleStage.CHURNED, "2026-10-05T10:00:00Z");
		mongo.dropCollection(LifecycleMonths.MONTHS);
		mongo.dropCollection(LifecycleMonths.CHANGES);

		assertThat(months.backfill()).isEqualTo(2);
		assertThat(months.backfill()).isZero();

		LifecycleFigures figures = bySegment("NORMAL", "", "", "2026-10", "2026-10");
		assertThat(figures.getTotal().getBecameChurned()).isEqualTo(1);
		assertThat(bySegment("KEY", "", "", "2026-10", "2026-10").getTotal().getBecameChurned()).isZero();
	}

	@Test
	void theChoicesAreTheIndustriesAndRegionsFoundEachOnce() {
		sixOrganisations();

		var choices = as(TestTokens.staff("admin")).getSegmentChoices(GetSegmentChoicesRequest.getDefaultInstance());

		assertThat(choices.getIndustriesList()).containsExactly("Chemicals", "Retail");
		assertThat(choices.getRegionsList()).containsExactly("East", "North");
	}

	@Test
	void aPeriodOrBreakdownThatIsNotOneIsRefusedAndAgentsAreRefused() {
		for (String[] asked : new String[][] { { "2026-11", "2026-09", "" }, { "2026-01", "", "" },
				{ "2024-01", "2026-01", "" }, { "", "", "agent" } }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> bySegment("", "", asked[2], asked[0], asked[1]))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		}
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).getSegmentChoices(GetSegmentChoicesRequest.getDefaultInstance()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
