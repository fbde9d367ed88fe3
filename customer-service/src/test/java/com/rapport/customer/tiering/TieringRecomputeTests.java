package com.rapport.customer.tiering;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.care.CareTask;
import com.rapport.customer.care.CareTaskKind;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Recompute on a recorded order and nightly, over the real services and the embedded store (in memory). */
@CustomerServiceTest
class TieringRecomputeTests {

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	CareTaskRepository careTasks;

	@Autowired
	TimelineService timeline;

	@Autowired
	TieringService tiering;

	@Autowired
	ApplicationContext context;

	final Caller orderTracking = caller(TestTokens.service());

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		careTasks.deleteAll();
		organisations.save(Organisation.create("stark-components", "Stark Components", null, "CN")
			.withProfile(new Organisation.Profile("Stark Components", "Electronics", null, "CN", null, List.of(),
					"agent.li", OrganisationStatus.ACTIVE, null)));
	}

	private boolean placeOrder(String eventId, Instant at, String currency, String minorUnits) {
		return timeline.record(orderTracking, new InteractionInput("order-tracking-service", eventId,
				"stark-components", InteractionKind.ORDER_PLACED, at, "Order " + eventId + " placed",
				"order:" + eventId, Map.of("order_number", "PO-" + eventId, "currency", currency,
						"amount_minor_units", minorUnits)));
	}

	private List<Interaction> entries(InteractionKind kind) {
		return interactions.findAll().stream().filter(i -> i.kind() == kind).toList();
	}

	@Test
	void recordingAnOrderUpdatesTheTierAndRecordsTierChangedOnce() {
		for (int i = 1; i <= 3; i++) {
			placeOrder("order-" + i, now.minus(Duration.ofDays(40 - i)), "CNY", "1000000");
		}
		assertThat(organisations.findById("stark-components").orElseThrow().tier()).isEqualTo(Tier.NORMAL);
		assertThat(entries(InteractionKind.TIER_CHANGED)).isEmpty();

		assertThat(placeOrder("order-4", now.minus(Duration.ofDays(5)), "SGD", "100000")).isTrue();

		Organisation stark = organisations.findById("stark-components").orElseThrow();
		assertThat(stark.tier()).isEqualTo(Tier.KEY);
		assertThat(stark.lifecycleStage()).isEqualTo(LifecycleStage.REPEAT);
		assertThat(stark.tierReason().rule()).isEqualTo(TierRules.KEY_FREQUENCY);
		assertThat(stark.tierReason().monetary()).isEqualByComparingTo("35300"); // 3 × CNY 10,000 + SGD 1,000 × 5.3
		assertThat(stark.tierReason().text())
			.isEqualTo("ordered 5 days ago, 4 orders in 12 months, CNY 35,300: KEY");
		List<Interaction> changes = entries(InteractionKind.TIER_CHANGED);
		assertThat(changes).singleElement().satisfies(change -> {
			assertThat(change.source()).isEqualTo("customer-service");
			assertThat(change.eventId()).startsWith("tier:stark-components:KEY:");
			assertThat(change.summary()).startsWith("Tier NORMAL → KEY: ").contains("4 orders in 12 months");
			assertThat(change.attributes()).containsEntry("from", "NORMAL").containsEntry("to", "KEY");
		});
		assertThat(entries(InteractionKind.LIFECYCLE_CHANGED)).extracting(i -> i.attributes().get("to"))
			.containsExactlyInAnyOrder("FIRST_PURCHASE", "REPEAT");

		assertThat(placeOrder("order-4", now.minus(Duration.ofDays(5)), "SGD", "100000")).as("a repeat").isFalse();
		tiering.recompute("stark-components");
		assertThat(entries(InteractionKind.TIER_CHANGED)).hasSize(1);
		assertThat(entries(InteractionKind.LIFECYCLE_CHANGED)).hasSize(2);
	}

	@Test
	void theNightlyRecomputeReachesEveryOrganisationOverSeveralPagesOfTwoHundred() {
		List<Organisation> more = new java.util.ArrayList<>();
		for (int i = 0; i < 449; i++) {
			more.add(Organisation.create("%03d-org".formatted(i), "Org " + i, null, "CN"));
		}
		organisations.saveAll(more);

		assertThat(tiering.recomputeAll()).as("450 organisations, pages of 200 by id").isEqualTo(450);
	}

	@Test
	void theNightlyRecomputeMovesASilentCustomerToDormantAndOpensExactlyOneCareTask() {
		organisations.save(organisations.findById("stark-components").orElseThrow()
			.withTiering(Tier.NORMAL, LifecycleStage.REPEAT, null, null));
		// Stored without the recording path, as if the orders had come in months ago.
		for (int i = 0; i < 2; i++) {
			Instant at = now.minus(Duration.ofDays(120 + i));
			interactions.insert(new Interaction(null, "order-tracking-service", "old-" + i, "stark-components",
					InteractionKind.ORDER_PLACED, at, null, "order:old-" + i,
					Map.of("currency", "CNY", "amount_minor_units", "500000"), at));
		}

		assertThat(tiering.recomputeAll()).isEqualTo(1);
		assertThat(tiering.recomputeAll()).as("a second run changes nothing").isEqualTo(1);

		Organisation stark = organisations.findById("stark-components").orElseThrow();
		assertThat(stark.lifecycleStage()).isEqualTo(LifecycleStage.DORMANT);
		assertThat(stark.tierReason().recencyDays()).isEqualTo(120);
		assertThat(entries(InteractionKind.LIFECYCLE_CHANGED)).singleElement()
			.satisfies(change -> assertThat(change.summary()).startsWith("Lifecycle REPEAT → DORMANT: ordered 120 days ago"));
		List<CareTask> tasks = careTasks.findAll();
		assertThat(tasks).singleElement().satisfies(task -> {
			assertThat(task.organisationId()).isEqualTo("stark-components");
			assertThat(task.assignee()).isEqualTo("agent.li");
			assertThat(task.kind()).isEqualTo(CareTaskKind.WAKE_UP_CALL);
			assertThat(task.open()).isTrue();
		});
	}

	@Test
	void aDormantCustomerOrderingAgainClosesItsWakeUpCall() {
		placeOrder("old-1", now.minus(Duration.ofDays(200)), "CNY", "100");
		placeOrder("old-2", now.minus(Duration.ofDays(100)), "CNY", "100");
		assertThat(organisations.findById("stark-components").orElseThrow().lifecycleStage())
			.isEqualTo(LifecycleStage.DORMANT);
		assertThat(careTasks.findAll()).singleElement().satisfies(task -> assertThat(task.open()).isTrue());

		placeOrder("new-1", now.minus(Duration.ofDays(1)), "CNY", "100");

		assertThat(organisations.findById("stark-components").orElseThrow().lifecycleStage())
			.isEqualTo(LifecycleStage.REPEAT);
		assertThat(careTasks.findAll()).singleElement().satisfies(task -> assertThat(task.open()).isFalse());
	}

	@Test
	void theNightlyScheduleIsOffInTests() {
		assertThat(context.getBeanNamesForType(NightlyRecomputeConfiguration.NightlyRecompute.class)).isEmpty();
	}

	@Test
	void anOverrideWinsIsAuditedOnceAndItsRemovalRestoresTheComputedTier() {
		placeOrder("order-1", now.minus(Duration.ofDays(2)), "CNY", "100");
		Caller manager = caller(TestTokens.staff("manager"));

		Organisation overridden = tiering.setOverride(manager, "stark-components",
				new TieringService.OverrideInput("vip", "Strategic launch partner", "2099-12-31"));

		assertThat(overridden.tier()).isEqualTo(Tier.VIP);
		assertThat(overridden.tierReason().tier()).isEqualTo(Tier.NORMAL);
		assertThat(overridden.tierOverride().reason()).isEqualTo("Strategic launch partner");
		assertThat(overridden.tierOverride().setBy()).isEqualTo(manager.name());
		assertThat(entries(InteractionKind.TIER_CHANGED)).singleElement()
			.satisfies(change -> assertThat(change.summary()).startsWith("Tier override VIP by " + manager.name()));

		placeOrder("order-2", now.minus(Duration.ofDays(1)), "CNY", "100");
		assertThat(organisations.findById("stark-components").orElseThrow().tier()).as("the override still wins")
			.isEqualTo(Tier.VIP);

		Organisation restored = tiering.removeOverride(manager, "stark-components");
		assertThat(restored.tier()).isEqualTo(Tier.NORMAL);
		assertThat(restored.tierOverride()).isNull();
		assertThat(entries(InteractionKind.TIER_CHANGED)).hasSize(2);
	}
}
