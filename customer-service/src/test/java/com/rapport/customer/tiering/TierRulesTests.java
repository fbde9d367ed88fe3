package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.organisation.TierOverride;
import com.rapport.customer.organisation.TierReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TierRulesTests {

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	final TieringProperties defaults = TieringProperties.defaults();

	static Rfm rfm(Integer recencyDays, int frequency, String monetary) {
		return new Rfm(null, recencyDays, frequency, new BigDecimal(monetary), "CNY", frequency);
	}

	TierReason decide(Integer recencyDays, int frequency, String monetary) {
		return TierRules.decide(rfm(recencyDays, frequency, monetary), defaults, NOW);
	}

	@Test
	void noOrdersIsNormal() {
		TierReason reason = decide(null, 0, "0");
		assertThat(reason.tier()).isEqualTo(Tier.NORMAL);
		assertThat(reason.rule()).isEqualTo(TierRules.NORMAL);
		assertThat(reason.text()).isEqualTo("never ordered, 0 orders in 12 months, CNY 0: NORMAL");
	}

	@Test
	void vipFromExactlyTheMonetaryThreshold() {
		assertThat(decide(200, 1, "1000000.00").tier()).isEqualTo(Tier.VIP);
		assertThat(decide(200, 1, "1000000.00").rule()).isEqualTo(TierRules.VIP_MONETARY);
		assertThat(decide(200, 1, "999999.99").tier()).isEqualTo(Tier.KEY);
	}

	@Test
	void vipFromTwelveOrdersWhenTheLatestIsAtMostThirtyDaysOld() {
		assertThat(decide(30, 12, "10").rule()).isEqualTo(TierRules.VIP_FREQUENT_AND_RECENT);
		assertThat(decide(31, 12, "10").tier()).isEqualTo(Tier.KEY);
		assertThat(decide(30, 11, "10").tier()).isEqualTo(Tier.KEY);
	}

	@Test
	void keyFromExactlyTheKeyThresholds() {
		assertThat(decide(5, 1, "200000").rule()).isEqualTo(TierRules.KEY_MONETARY);
		assertThat(decide(5, 1, "199999.99").tier()).isEqualTo(Tier.NORMAL);
		assertThat(decide(5, 4, "10").rule()).isEqualTo(TierRules.KEY_FREQUENCY);
		assertThat(decide(5, 3, "10").tier()).isEqualTo(Tier.NORMAL);
	}

	@Test
	void theReasonNamesTheFiguresAndTheTier() {
		TierReason reason = decide(3, 14, "1234000");
		assertThat(reason.text()).isEqualTo("ordered 3 days ago, 14 orders in 12 months, CNY 1,234,000: VIP");
		assertThat(reason.recencyDays()).isEqualTo(3);
		assertThat(reason.frequency()).isEqualTo(14);
		assertThat(reason.monetary()).isEqualByComparingTo("1234000");
		assertThat(reason.windowDays()).isEqualTo(365);
		assertThat(reason.computedAt()).isEqualTo(NOW);
		assertThat(decide(1, 1, "0.4").text()).isEqualTo("ordered 1 day ago, 1 order in 12 months, CNY 0: NORMAL");
	}

	@Test
	void configuredThresholdsApply() {
		TieringProperties strict = new TieringProperties(null, null, null,
				new TieringProperties.Vip(new BigDecimal("5000000"), 50, null),
				new TieringProperties.Key(new BigDecimal("1000000"), 10), null);
		assertThat(TierRules.decide(rfm(3, 14, "1234000"), strict, NOW).tier()).isEqualTo(Tier.KEY);
		assertThat(TierRules.decide(rfm(3, 9, "999999"), strict, NOW).tier()).isEqualTo(Tier.NORMAL);
	}

	@Test
	void anOverrideWinsThroughItsEndDateAndThenTheComputedTierApplies() {
		TierOverride override = new TierOverride(Tier.VIP, "strategic", LocalDate.parse("2026-12-31"), "manager.wang",
				NOW);
		assertThat(override.activeAt(Instant.parse("2026-12-31T23:59:59.999Z"))).isTrue();
		assertThat(override.activeAt(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
		Organisation organisation = Organisation.create("acme-retail", "Acme Retail", null, "CN")
			.withTiering(Tier.VIP, null, decide(3, 1, "10"), override);
		assertThat(organisation.currentTier(NOW)).isEqualTo(Tier.VIP);
		assertThat(organisation.currentTier(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(Tier.NORMAL);
	}

	@Test
	void withoutAnOverrideTheStoredTierIsTheCurrentOne() {
		Organisation organisation = Organisation.create("acme-retail", "Acme Retail", null, "CN")
			.withTiering(Tier.KEY, null, decide(3, 4, "10"), null);
		assertThat(organisation.currentTier(NOW)).isEqualTo(Tier.KEY);
	}
}
