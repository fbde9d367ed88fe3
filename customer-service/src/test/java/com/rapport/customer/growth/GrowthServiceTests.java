package com.rapport.customer.growth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.CustomerValue;
import com.rapport.contracts.customer.v1.GetCustomerValueRequest;
import com.rapport.contracts.customer.v1.GrowthServiceGrpc;
import com.rapport.contracts.customer.v1.ListValueBySegmentRequest;
import com.rapport.contracts.customer.v1.ListValueBySegmentResponse;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lifetime value kept in step with deliveries recorded on the timeline, the nightly recompute, and the value by
 * segment, over the real services, gRPC in process and the embedded store (in memory).
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-growth" })
@Import({ TestTokens.DecoderConfiguration.class, GrowthServiceTests.Signals.class })
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class GrowthServiceTests {

	/** ticket-service's and feedback-service's answers, as the tests set them (none here: unknown). */
	static final Map<String, SupportFacts> FACTS = new java.util.concurrent.ConcurrentHashMap<>();

	/** order-tracking-service's order lines, as the tests set them (none here: not read). */
	static final Map<String, List<ReorderRules.Line>> LINES = new java.util.concurrent.ConcurrentHashMap<>();

	/** The ranges the batch read was asked for, the per-organisation reads, and whether the batch read fails. */
	static final List<String> RANGES = new java.util.concurrent.CopyOnWriteArrayList<>();

	static final java.util.concurrent.atomic.AtomicInteger ONE_BY_ONE = new java.util.concurrent.atomic.AtomicInteger();

	static final java.util.concurrent.atomic.AtomicBoolean RANGE_DOWN = new java.util.concurrent.atomic.AtomicBoolean();

	/** The next read of a page's orders is not answered, once (a refusal while order-tracking-service starts). */
	static final java.util.concurrent.atomic.AtomicBoolean RANGE_REFUSED_ONCE = new java.util.concurrent.atomic.AtomicBoolean();

	/** What happens meanwhile, once, when the nightly run reads a page's orders (an erasure, say). */
	static final java.util.concurrent.atomic.AtomicReference<Runnable> MEANWHILE = new java.util.concurrent.atomic.AtomicReference<>();

	@org.springframework.boot.test.context.TestConfiguration
	static class Signals {

		@org.springframework.context.annotation.Bean
		@org.springframework.context.annotation.Primary
		SupportSignals testSupportSignals() {
			return organisationId -> FACTS.getOrDefault(organisationId, SupportFacts.UNKNOWN);
		}

		@org.springframework.context.annotation.Bean
		@org.springframework.context.annotation.Primary
		OrderHistory testOrderHistory() {
			return new OrderHistory() {

				@Override
				public List<ReorderRules.Line> linesOf(String organisationId) {
					ONE_BY_ONE.incrementAndGet();
					return LINES.get(organisationId);
				}

				@Override
				public Map<String, List<ReorderRules.Line>> linesOfRange(String firstId, String lastId) {
					RANGES.add(firstId + ".." + lastId);
					Runnable meanwhile = MEANWHILE.getAndSet(null);
					if (meanwhile != null) {
						meanwhile.run();
					}
					if (RANGE_DOWN.get() || RANGE_REFUSED_ONCE.getAndSet(false)) {
						return null;
					}
					Map<String, List<ReorderRules.Line>> inRange = new java.util.TreeMap<>();
					LINES.forEach((id, lines) -> {
						if (id.compareTo(firstId) >= 0 && id.compareTo(lastId) <= 0) {
							inRange.put(id, lines);
						}
					});
					return inRange;
				}
			};
		}
	}

	@Autowired
	com.rapport.customer.care.CareTaskRepository careTasks;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	CustomerGrowthRepository growthFigures;

	@Autowired
	TimelineService timeline;

	@Autowired
	GrowthService growth;

	final Caller orderTracking = caller(TestTokens.service());

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	ManagedChannel channel;

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		growthFigures.deleteAll();
		careTasks.deleteAll();
		FACTS.clear();
		LINES.clear();
		RANGES.clear();
		ONE_BY_ONE.set(0);
		RANGE_DOWN.set(false);
		RANGE_REFUSED_ONCE.set(false);
		MEANWHILE.set(null);
		organisation("acme-retail", "Retail", "East");
		organisation("globex-trading", "Trading", "East");
		organisation("umbrella-supplies", null, null);
		channel = InProcessChannelBuilder.forName("customer-growth").directExecutor().build();
	}

	@AfterEach
	void closeChannel() {
		channel.shutdownNow();
	}

	private void organisation(String id, String industry, String region) {
		organisations.save(Organisation.create(id, id, industry, "CN")
			.withProfile(new Organisation.Profile(id, industry, null, "CN", region, List.of(), "agent.li",
					OrganisationStatus.ACTIVE, null)));
	}

	private boolean deliver(String organisationId, String eventId, int daysAgo, String currency, String minorUnits) {
		return timeline.record(orderTracking, new InteractionInput("order-tracking-service", eventId, organisationId,
				InteractionKind.ORDER_DELIVERED, now.minus(Duration.ofDays(daysAgo)), "Order " + eventId + " delivered",
				"order:" + eventId, Map.of("order_number", eventId, "currency", currency, "amount_minor_units",
						minorUnits)));
	}

	private GrowthServiceGrpc.GrowthServiceBlockingStub as(String token) {
		return GrowthServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void aRecordedDeliveryUpdatesTheValueAtOnceAndARepeatChangesNothing() {
		assertThat(deliver("acme-retail", "ACME-1", 400, "CNY", "2000000")).isTrue();
		assertThat(deliver("acme-retail", "ACME-2", 35, "USD", "100000")).isTrue();
		assertThat(deliver("acme-retail", "ACME-2", 35, "USD", "100000")).as("a replayed event").isFalse();

		CustomerValue value = as(TestTokens.staff("agent"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("acme-retail").build());

		assertThat(value.getComputed()).isTrue();
		assertThat(value.getCurrency()).isEqualTo("CNY");
		assertThat(value.getHistoricalValue()).isEqualTo("27200.00"); // 20,000 + USD 1,000 × 7.2
		assertThat(value.getDeliveredOrders()).isEqualTo(2);
		assertThat(value.getAverageOrderValue()).isEqualTo("13600.00");
		assertThat(value.getObservedDays()).isEqualTo(400);
		assertThat(value.getOrdersPerYear()).isEqualTo("1.82"); // 2 over 400/365 years: 1.825, shown half-even
		assertThat(value.getLifespanYears()).isEqualTo("3");
		assertThat(value.getMargin()).isEmpty();
		assertThat(value.getProjectedValue()).isEqualTo("74460.00"); // 13,600 × 1.825 × 3
		assertThat(value.getFirstOrderAt().getSeconds()).isEqualTo(now.minus(Duration.ofDays(400)).getEpochSecond());
	}

	@Test
	void aBurstOfSignalsForOneOrganisationIsOneRecomputeThatCountsThemAllAndALaterSignalIsAnother() {
		java.util.Deque<Runnable> held = new java.util.concurrent.ConcurrentLinkedDeque<>();
		Object inline = org.springframework.test.util.ReflectionTestUtils.getField(growth, "signals");
		org.springframework.test.util.ReflectionTestUtils.setField(growth, "signals",
				new GrowthConfiguration.SignalRunner(held::add, null));
		try {
			for (int i = 1; i <= 5; i++) {
				deliver("acme-retail", "BURST-" + i, 30 + i, "CNY", "100000");
			}
			deliver("globex-trading", "BURST-G", 30, "CNY", "100000");
			assertThat(held).as("one waiting recompute per organisation, not one per signal").hasSize(2);

			held.poll().run();
			held.poll().run();
			assertThat(growthFigures.findById("acme-retail").orElseThrow().value().deliveredOrders())
				.as("the one recompute read every delivery of the burst").isEqualTo(5);
			assertThat(growthFigures.findById("globex-trading").orElseThrow().value().deliveredOrders()).isEqualTo(1);

			deliver("acme-retail", "BURST-6", 20, "CNY", "100000");
			assertThat(held).as("a signal after the recompute started asks for another").hasSize(1);
			held.poll().run();
			assertThat(growthFigures.findById("acme-retail").orElseThrow().value().deliveredOrders()).isEqualTo(6);
		}
		finally {
			org.springframework.test.util.ReflectionTestUtils.setField(growth, "signals", inline);
		}
	}

	@Test
	void anOrganisationNeverComputedAnswersZeroNotAnError() {
		CustomerValue value = as(TestTokens.staff("manager"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("umbrella-supplies").build());

		assertThat(value.getComputed()).isFalse();
		assertThat(value.getHistoricalValue()).isEqualTo("0.00");
		assertThat(value.getProjectedValue()).isEqualTo("0.00");
	}

	@Test
	void theNightlyRunComputesEveryOrganisationAndTheSegmentsSumThem() {
		deliver("acme-retail", "ACME-1", 400, "CNY", "2000000");
		deliver("globex-trading", "GLX-1", 10, "SGD", "100000");
		growthFigures.deleteAll(); // as if recorded before this feature: the nightly run catches up

		assertThat(growth.recomputeAll()).isEqualTo(3);
		assertThat(growthFigures.count()).isEqualTo(3);

		ListValueBySegmentResponse byIndustry = as(TestTokens.staff("manager")).listValueBySegment(
				ListValueBySegmentRequest.newBuilder().setSegment(
						com.rapport.contracts.customer.v1.ValueSegment.VALUE_SEGMENT_INDUSTRY).build());
		assertThat(byIndustry.getCurrency()).isEqualTo("CNY");
		assertThat(byIndustry.getRowsList()).extracting(r -> r.getKey() + " " + r.getOrganisations() + " "
				+ r.getCustomers() + " " + r.getHistoricalValue() + " " + r.getProjectedValue())
			.containsExactly("Retail 1 1 20000.00 54750.00", // 20,000 × 365/400 a year × 3
					"Trading 1 1 5300.00 15900.00", " 1 0 0.00 0.00");
		assertThat(byIndustry.getTotal().getOrganisations()).isEqualTo(3);
		assertThat(byIndustry.getTotal().getHistoricalValue()).isEqualTo("25300.00");

		ListValueBySegmentResponse byCohort = as(TestTokens.staff("admin")).listValueBySegment(
				ListValueBySegmentRequest.newBuilder().setSegment(
						com.rapport.contracts.customer.v1.ValueSegment.VALUE_SEGMENT_COHORT).build());
		assertThat(byCohort.getRowsList()).extracting(r -> r.getKey())
			.contains(Integer.toString(now.minus(Duration.ofDays(400)).atZone(java.time.ZoneOffset.UTC).getYear()), "");
		assertThat(byCohort.getRowsList()).hasSize(3); // 400 days and 10 days ago: two years, and none
	}

	private boolean place(String organisationId, String eventId, int daysAgo, String minorUnits) {
		return timeline.record(orderTracking, new InteractionInput("order-tracking-service", "placed:" + eventId,
				organisationId, InteractionKind.ORDER_PLACED, now.minus(Duration.ofDays(daysAgo)), "Order " + eventId + " placed",
				"order:" + eventId, Map.of("order_number", eventId, "currency", "CNY", "amount_minor_units",
						minorUnits)));
	}

	@Test
	void aCustomerDriftingAwayGetsItsAccountManagerATaskWithTheReasonsUntilItOrdersAgain() {
		// Globex: every 30 days, silent for 70; one breached ticket. Acme: the same rhythm, silent for 65, and worth
		// more. Umbrella orders on its rhythm.
		for (int i = 0; i < 6; i++) {
			place("globex-trading", "GLX-" + i, 70 + 30 * i, "1000000");
			deliver("globex-trading", "GLX-" + i, 68 + 30 * i, "CNY", "1000000");
			place("acme-retail", "ACME-" + i, 65 + 30 * i, "5000000");
			deliver("acme-retail", "ACME-" + i, 63 + 30 * i, "CNY", "5000000");
			place("umbrella-supplies", "UMB-" + i, 5 + 30 * i, "1000000");
		}
		FACTS.put("globex-trading", new SupportFacts(new SupportFacts.Tickets(0, 1), new SupportFacts.Scores(null, null)));
		growth.recomputeAll();

		var tasks = careTasks.findAll().stream().filter(t -> t.kind() == com.rapport.customer.care.CareTaskKind.CHURN_RISK)
			.toList();
		assertThat(tasks).extracting(com.rapport.customer.care.CareTask::organisationId)
			.containsExactlyInAnyOrder("acme-retail", "globex-trading");
		assertThat(tasks).filteredOn(t -> t.organisationId().equals("globex-trading")).singleElement().satisfies(t -> {
			assertThat(t.assignee()).isEqualTo("agent.li");
			assertThat(t.open()).isTrue();
			assertThat(t.summary()).isEqualTo("Churn risk 60/100 for globex-trading: No order for 70 days, where it "
					+ "usually orders every 30 days; Open tickets past their service level: 1");
		});

		var atRisk = as(TestTokens.staff("agent")).listCustomersAtRisk(
				com.rapport.contracts.customer.v1.ListCustomersAtRiskRequest.getDefaultInstance());
		assertThat(atRisk.getThreshold()).isEqualTo(40);
		assertThat(atRisk.getCustomersList()).extracting(c -> c.getOrganisationId() + " " + c.getChurnRisk().getScore())
			.as("most valuable first, not riskiest first").containsExactly("acme-retail 40", "globex-trading 60");
		assertThat(atRisk.getCustomers(1).getChurnRisk().getReasonsList())
			.extracting(r -> r.getCode() + " " + r.getArgsList())
			.containsExactly("growth.risk.rhythm [70, 30]", "growth.risk.breached [1]");

		CustomerValue umbrella = as(TestTokens.staff("agent"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("umbrella-supplies").build());
		assertThat(umbrella.getChurnRisk().getScore()).isZero();
		assertThat(umbrella.getChurnRisk().getAtRisk()).isFalse();
		assertThat(umbrella.getChurnRisk().getReasonsList()).extracting(r -> r.getCode())
			.containsExactly("growth.risk.tickets-unknown", "growth.risk.scores-unknown");

		// Globex orders again and its ticket is answered: the signal recomputes at once and closes the task.
		FACTS.put("globex-trading", new SupportFacts(new SupportFacts.Tickets(0, 0), new SupportFacts.Scores(null, null)));
		place("globex-trading", "GLX-NEW", 0, "1000000");
		assertThat(careTasks.findAll()).filteredOn(t -> t.organisationId().equals("globex-trading"))
			.singleElement().satisfies(t -> assertThat(t.open()).isFalse());
		assertThat(growthFigures.findById("globex-trading").orElseThrow().atRisk()).isFalse();
	}

	@Test
	void aRegularBuyerDueToReorderGetsItsAccountManagerOneTaskAndThe360ItsExpectedDate() {
		List<ReorderRules.Line> chairs = new java.util.ArrayList<>();
		for (int daysAgo : new int[] { 110, 80, 50, 20 }) {
			chairs.add(new ReorderRules.Line(now.minus(Duration.ofDays(daysAgo)), "CHAIR-ERG-01", "Ergonomic chair", 120));
		}
		LINES.put("acme-retail", chairs);

		growth.recomputeAll();
		growth.recompute("acme-retail"); // a second run opens no second task

		var tasks = careTasks.findAll().stream()
			.filter(t -> t.kind() == com.rapport.customer.care.CareTaskKind.REORDER_DUE).toList();
		java.time.LocalDate expected = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(10);
		assertThat(tasks).singleElement().satisfies(t -> {
			assertThat(t.id()).isEqualTo("reorder:acme-retail:CHAIR-ERG-01:" + expected);
			assertThat(t.assignee()).isEqualTo("agent.li");
			assertThat(t.summary()).isEqualTo("Reorder due: acme-retail usually orders CHAIR-ERG-01 (Ergonomic chair) every "
					+ "30 days; next expected on " + expected + " (last 120 on " + expected.minusDays(30) + ")");
		});
		CustomerValue acme = as(TestTokens.staff("agent"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("acme-retail").build());
		assertThat(acme.getReordersList()).singleElement().satisfies(r -> {
			assertThat(r.getSku()).isEqualTo("CHAIR-ERG-01");
			assertThat(r.getExpectedOn()).isEqualTo(expected.toString());
			assertThat(r.getUsualIntervalDays()).isEqualTo(30);
			assertThat(r.getDue()).isTrue();
		});

		// order-tracking-service not answering keeps the reorders as they were.
		LINES.clear();
		growth.recompute("acme-retail");
		assertThat(growthFigures.findById("acme-retail").orElseThrow().reorders()).hasSize(1);
	}

	@Test
	void theNightlyRunReadsTheOrdersOfAPageOfOrganisationsInOneBatchAndKeepsTheReordersWhenItFails() {
		List<ReorderRules.Line> chairs = new java.util.ArrayList<>();
		for (int daysAgo : new int[] { 110, 80, 50, 20 }) {
			chairs.add(new ReorderRules.Line(now.minus(Duration.ofDays(daysAgo)), "CHAIR-ERG-01", "Ergonomic chair", 120));
		}
		LINES.put("acme-retail", chairs);
		LINES.put("globex-trading", chairs.subList(0, 2)); // two days: no rhythm yet

		assertThat(growth.recomputeAll()).isEqualTo(3);

		// One read for the page (ids acme-retail .. umbrella-supplies), none per organisation.
		assertThat(RANGES).containsExactly("acme-retail..umbrella-supplies");
		assertThat(ONE_BY_ONE).hasValue(0);
		assertThat(growthFigures.findById("acme-retail").orElseThrow().reorders()).singleElement()
			.satisfies(r -> assertThat(r.sku()).isEqualTo("CHAIR-ERG-01"));
		assertThat(growthFigures.findById("umbrella-supplies").orElseThrow().reorders()).isEmpty();

		// The same figures as a signal's recompute of one organisation, which reads it alone.
		var batch = growthFigures.findById("acme-retail").orElseThrow().reorders();
		growth.recompute("acme-retail");
		assertThat(growthFigures.findById("acme-retail").orElseThrow().reorders()).isEqualTo(batch);

		// order-tracking-service not answering the batch keeps every organisation's reorders as they were.
		RANGE_DOWN.set(true);
		LINES.clear();
		assertThat(growth.recomputeAll()).isEqualTo(3);
		assertThat(growthFigures.findById("acme-retail").orElseThrow().reorders()).isEqualTo(batch);
	}

	@Test
	void aPagesOrderReadThatIsRefusedOnceIsAskedAgainSoItsReordersAreStillPredicted() {
		List<ReorderRules.Line> chairs = new java.util.ArrayList<>();
		for (int daysAgo : new int[] { 110, 80, 50, 20 }) {
			chairs.add(new ReorderRules.Line(now.minus(Duration.ofDays(daysAgo)), "CHAIR-ERG-01", "Ergonomic chair", 120));
		}
		LINES.put("acme-retail", chairs);
		RANGE_REFUSED_ONCE.set(true);

		assertThat(growth.recomputeAll()).isEqualTo(3);

		assertThat(RANGES).containsExactly("acme-retail..umbrella-supplies", "acme-retail..umbrella-supplies");
		assertThat(growthFigures.findById("acme-retail").orElseThrow().reorders()).singleElement()
			.satisfies(r -> assertThat(r.sku()).isEqualTo("CHAIR-ERG-01"));
	}

	@Test
	void theNightlyRunReadsPageAfterPageByIdSoAnOrganisationErasedMeanwhileLeavesNoOtherOut() {
		List<Organisation> more = new java.util.ArrayList<>();
		for (int i = 1; i <= 1_000; i++) {
			String id = String.format("org-%04d", i);
			more.add(Organisation.create(id, id, "Retail", "CN"));
		}
		organisations.saveAll(more);
		// While the first page is computed, an organisation of that page is erased: the pages after it must not move.
		MEANWHILE.set(() -> organisations.deleteById("acme-retail"));

		assertThat(growth.recomputeAll()).isEqualTo(1_003);

		assertThat(RANGES).containsExactly("acme-retail..org-0498", "org-0499..org-0998", "org-0999..umbrella-supplies");
		for (Organisation organisation : organisations.findAll()) {
			assertThat(growthFigures.existsById(organisation.id())).as(organisation.id()).isTrue();
		}
		assertThat(growthFigures.count()).isEqualTo(1_003);
	}

	@Test
	void theNightlyRunReplacesEachPagesFiguresInOneWrite(CapturedOutput output) {
		deliver("acme-retail", "ACME-1", 400, "CNY", "2000000");
		assertThat(growth.recomputeAll()).isEqualTo(3);
		deliver("acme-retail", "ACME-2", 10, "CNY", "1000000");

		assertThat(growth.recomputeAll()).isEqualTo(3);

		assertThat(growthFigures.count()).isEqualTo(3);
		assertThat(growthFigures.findById("acme-retail").orElseThrow().value().deliveredOrders()).isEqualTo(2);
		// Replaced in the page's one write, not by the one-by-one fallback after a refused write.
		assertThat(output.getAll()).doesNotContain("Could not store a page of growth figures in one write");
	}

	@Test
	void segmentsAreTheManagersAndTheValueIsStaffs() {
		ListValueBySegmentRequest byTier = ListValueBySegmentRequest.newBuilder()
			.setSegment(com.rapport.contracts.customer.v1.ValueSegment.VALUE_SEGMENT_TIER).build();
		assertThatThrownBy(() -> as(TestTokens.customer("acme-retail")).listCustomersAtRisk(
				com.rapport.contracts.customer.v1.ListCustomersAtRiskRequest.getDefaultInstance()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> as(TestTokens.staff("agent")).listValueBySegment(byTier))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> as(TestTokens.staff("manager"))
			.listValueBySegment(ListValueBySegmentRequest.getDefaultInstance()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		assertThatThrownBy(() -> as(TestTokens.customer("acme-retail"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("acme-retail").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> as(TestTokens.staff("agent"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("nobody").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}
}
