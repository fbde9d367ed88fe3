package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.time.Duration;

import com.rapport.customer.organisation.LifecycleStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleRulesTests {

	final TieringProperties defaults = TieringProperties.defaults();

	LifecycleStage stage(Integer recencyDays, int inWindow, long total) {
		return LifecycleRules.stage(new Rfm(null, recencyDays, inWindow, BigDecimal.ZERO, "CNY", total), defaults);
	}

	@Test
	void withoutAnyOrderAProspect() {
		assertThat(stage(null, 0, 0)).isEqualTo(LifecycleStage.PROSPECT);
	}

	@Test
	void oneOrderAFirstPurchaseTwoARepeat() {
		assertThat(stage(2, 1, 1)).isEqualTo(LifecycleStage.FIRST_PURCHASE);
		assertThat(stage(2, 2, 2)).isEqualTo(LifecycleStage.REPEAT);
		assertThat(stage(2, 1, 5)).as("earlier orders outside the window still make a repeat buyer")
			.isEqualTo(LifecycleStage.REPEAT);
	}

	@Test
	void loyalFromExactlyTenOrdersInTheWindow() {
		assertThat(stage(3, 10, 10)).isEqualTo(LifecycleStage.LOYAL);
		assertThat(stage(3, 9, 30)).isEqualTo(LifecycleStage.REPEAT);
	}

	@Test
	void dormantFromExactlyNinetyDaysWithoutAnOrderEvenWhenLoyal() {
		assertThat(stage(89, 14, 14)).isEqualTo(LifecycleStage.LOYAL);
		assertThat(stage(90, 14, 14)).isEqualTo(LifecycleStage.DORMANT);
		assertThat(stage(120, 5, 5)).isEqualTo(LifecycleStage.DORMANT);
	}

	@Test
	void churnedFromExactlyThreeHundredSixtyFiveDays() {
		assertThat(stage(364, 1, 3)).isEqualTo(LifecycleStage.DORMANT);
		assertThat(stage(365, 1, 3)).isEqualTo(LifecycleStage.CHURNED);
		assertThat(stage(400, 0, 3)).isEqualTo(LifecycleStage.CHURNED);
	}

	@Test
	void configuredPeriodsApply() {
		TieringProperties quick = new TieringProperties(null, null, null, null, null,
				new TieringProperties.Lifecycle(3, Duration.ofDays(30), Duration.ofDays(60)));
		assertThat(LifecycleRules.stage(new Rfm(null, 5, 3, BigDecimal.ZERO, "CNY", 3), quick))
			.isEqualTo(LifecycleStage.LOYAL);
		assertThat(LifecycleRules.stage(new Rfm(null, 30, 3, BigDecimal.ZERO, "CNY", 3), quick))
			.isEqualTo(LifecycleStage.DORMANT);
		assertThat(LifecycleRules.stage(new Rfm(null, 60, 3, BigDecimal.ZERO, "CNY", 3), quick))
			.isEqualTo(LifecycleStage.CHURNED);
	}
}
