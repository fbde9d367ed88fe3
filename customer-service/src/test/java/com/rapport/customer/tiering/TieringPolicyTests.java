package com.rapport.customer.tiering;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A manager's tiering rules: validated, versioned, audited, and applied to every organisation. */
@CustomerServiceTest
class TieringPolicyTests {

	static final TieringPolicyService.PolicyInput DEFAULTS = new TieringPolicyService.PolicyInput(365, "1000000", 12, 30,
			"200000", 4, 10, 90, 365);

	@Autowired
	TieringPolicyService policies;

	@Autowired
	TieringService tiering;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail trail;

	final Caller manager = caller(TestTokens.staff("manager"));

	final Caller agent = caller(TestTokens.staff("agent"));

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() {
		mongo.dropCollection(TieringPolicy.class);
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("stark-components", "Stark Components", null, "CN"));
		// CNY 300,000 in 3 orders over the last months: KEY by the default rules (from CNY 200,000).
		for (int i = 0; i < 3; i++) {
			Instant at = now.minus(Duration.ofDays(20 + 10 * i));
			interactions.insert(new Interaction(null, "order-tracking-service", "order-" + i, "stark-components",
					InteractionKind.ORDER_PLACED, at, null, "order:order-" + i,
					Map.of("currency", "CNY", "amount_minor_units", "10000000"), at));
		}
		tiering.recomputeAll();
	}

	private static TieringPolicyService.PolicyInput withVipMonetary(String amount) {
		return new TieringPolicyService.PolicyInput(365, amount, 12, 30, "200000", 4, 10, 90, 365);
	}

	@Test
	void theConfiguredDefaultsApplyUntilAManagerSaves() {
		TieringPolicy current = policies.current();

		assertThat(current.version()).isZero();
		assertThat(current.vipMonetary()).isEqualByComparingTo("1000000");
		assertThat(current.keyFrequency()).isEqualTo(4);
		assertThat(current.dormantAfterDays()).isEqualTo(90);
		assertThat(organisations.findById("stark-components").orElseThrow().tier()).isEqualTo(Tier.KEY);
	}

	@Test
	void aManagerLowersTheVipAmountAndEveryOrganisationIsRecomputedWithIt() {
		NewAuditEntries audited = NewAuditEntries.since(trail);

		TieringPolicy saved = policies.update(manager, withVipMonetary("250,000"), 0L);

		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.vipMonetary()).isEqualByComparingTo("250000");
		assertThat(saved.updatedBy()).isEqualTo(manager.name());
		assertThat(saved.recomputeDue()).isTrue();
		var event = audited.single();
		assertThat(event.action()).isEqualTo("tiering-policy.updated");
		assertThat(event.details()).containsEntry("vipMonetary", "1000000 → 250000").containsEntry("version", "1")
			.doesNotContainKey("keyMonetary");

		assertThat(tiering.recomputeIfDue()).isTrue();

		Organisation stark = organisations.findById("stark-components").orElseThrow();
		assertThat(stark.tier()).isEqualTo(Tier.VIP);
		assertThat(stark.tierReason().rule()).isEqualTo(TierRules.VIP_MONETARY);
		assertThat(interactions.findAll()).filteredOn(i -> i.kind() == InteractionKind.TIER_CHANGED)
			.extracting(Interaction::summary).anySatisfy(s -> assertThat(s).startsWith("Tier KEY → VIP: "));
		TieringPolicy after = policies.current();
		assertThat(after.recomputeDue()).isFalse();
		assertThat(after.recomputedVersion()).isEqualTo(1);
		assertThat(after.recomputedOrganisations()).isEqualTo(1);
		assertThat(tiering.recomputeIfDue()).as("nothing left to apply").isFalse();
	}

	@Test
	void shorterDormancyMakesASilentCustomerDormant() {
		policies.update(manager, new TieringPolicyService.PolicyInput(365, "1000000", 12, 30, "200000", 4, 10, 15, 365),
				null);

		tiering.recomputeIfDue();

		assertThat(organisations.findById("stark-components").orElseThrow().lifecycleStage())
			.isEqualTo(LifecycleStage.DORMANT);
	}

	@Test
	void everyBadThresholdIsNamedAtOnceAndNothingChanges() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> policies.update(manager,
					new TieringPolicyService.PolicyInput(20, "lots", 12, 2000, "-5", 0, 1, 90, 90), null))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("windowDays", "vipMonetary",
					"vipRecencyDays", "keyMonetary", "keyFrequency", "loyalOrders", "churnedAfterDays"));
		assertThat(policies.current().version()).isZero();
	}

	@Test
	void keyThresholdsMustStayBelowTheVipOnes() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> policies.update(manager,
					new TieringPolicyService.PolicyInput(365, "200000", 3, 30, "200000.00", 4, 10, 90, 365), null))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("keyMonetary", "keyFrequency"));
	}

	@Test
	void aSaveOnAnOldVersionIsRefusedAndKeepsTheOtherManagersRules() {
		policies.update(manager, withVipMonetary("800000"), 0L);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> policies.update(manager, withVipMonetary("500000"), 0L))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("tiering.changed-meanwhile"));
		assertThat(policies.current().vipMonetary()).isEqualByComparingTo("800000");
		assertThat(policies.current().version()).isEqualTo(1);
	}

	@Test
	void theSameRulesAgainChangeNothing() {
		NewAuditEntries audited = NewAuditEntries.since(trail);

		TieringPolicy answer = policies.update(manager, DEFAULTS, 0L);

		assertThat(answer.version()).isZero();
		assertThat(audited.events()).isEmpty();
		assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), TieringPolicy.class)).isZero();
	}

	@Test
	void agentsCannotChangeTheRulesAndAreRefusedBeforeAnyCheck() {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> policies.update(agent, new TieringPolicyService.PolicyInput(null, null, null, null, null,
					null, null, null, null), null));
		assertThat(policies.current().version()).isZero();
	}
}
