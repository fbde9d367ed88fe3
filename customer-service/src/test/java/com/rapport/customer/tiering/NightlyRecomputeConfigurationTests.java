package com.rapport.customer.tiering;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
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
}
