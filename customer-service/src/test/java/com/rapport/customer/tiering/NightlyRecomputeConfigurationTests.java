package com.rapport.customer.tiering;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled run itself, switched on here (a cron that never fires in a test) and called by hand. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-nightly", "rapport.tiering.nightly.enabled=true",
		"rapport.tiering.nightly.cron=0 0 0 29 2 *" })
@Import(TestTokens.DecoderConfiguration.class)
class NightlyRecomputeConfigurationTests {

	@Autowired
	NightlyRecomputeConfiguration.NightlyRecompute nightly;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	CareTaskRepository careTasks;

	@Test
	void theNightlyRunRecomputesEveryOrganisationUnderTheLease() {
		organisations.deleteAll();
		interactions.deleteAll();
		careTasks.deleteAll();
		organisations.save(Organisation.create("wayne-hardware", "Wayne Hardware", null, "US"));
		Instant at = Instant.now().minus(Duration.ofDays(400));
		interactions.insert(new Interaction(null, "order-tracking-service", "old-1", "wayne-hardware",
				InteractionKind.ORDER_PLACED, at, null, "order:old-1",
				Map.of("currency", "USD", "amount_minor_units", "100000"), at));

		nightly.run();

		assertThat(organisations.findById("wayne-hardware").orElseThrow().lifecycleStage())
			.isEqualTo(LifecycleStage.CHURNED);
		assertThat(careTasks.count()).as("churned straight away: no wake-up call").isZero();
	}

	@Autowired
	TieringPolicyService policies;

	@Test
	void savedRulesAreAppliedToEveryOrganisationInTheBackground() throws InterruptedException {
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("oscorp-supplies", "Oscorp Supplies", null, "US"));
		Instant at = Instant.now().minus(Duration.ofDays(10));
		interactions.insert(new Interaction(null, "order-tracking-service", "o-1", "oscorp-supplies",
				InteractionKind.ORDER_PLACED, at, null, "order:o-1",
				Map.of("currency", "CNY", "amount_minor_units", "5000000"), at));
		nightly.run();
		assertThat(organisations.findById("oscorp-supplies").orElseThrow().tier()).isEqualTo(Tier.NORMAL);
		long version = policies.current().version();

		policies.update(TieringPolicyTests.caller(TestTokens.staff("manager")), new TieringPolicyService.PolicyInput(365,
				"1000000", 12, 30, version % 2 == 0 ? "40000" : "45000", 4, 10, 90, 365), version);

		// No call here: the saving replica recomputes on its own, off the request.
		for (int i = 0; i < 100 && policies.current().recomputeDue(); i++) {
			Thread.sleep(100);
		}
		assertThat(policies.current().recomputeDue()).isFalse();
		assertThat(organisations.findById("oscorp-supplies").orElseThrow().tier()).isEqualTo(Tier.KEY);
	}
}
