package com.rapport.customer.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

import com.rapport.customer.organisation.Tier;
import com.rapport.support.error.UnprocessableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The earning formula and the expiry date on their edges, and the rules a manager may save. */
class LoyaltyRulesTests {

	final LoyaltyRules defaults = LoyaltyRules.of(LoyaltyProperties.defaults());

	@Test
	void anOrderWithoutValueOrOfZeroEarnsNothing() {
		assertThat(defaults.points(null, Tier.VIP)).isZero();
		assertThat(defaults.points(BigDecimal.ZERO, Tier.VIP)).isZero();
		assertThat(defaults.points(new BigDecimal("-10"), Tier.NORMAL)).isZero();
	}

	@Test
	void pointsAreRoundedDownSoNoPointIsEarnedThatWasNotFullyPaidFor() {
		// CNY 199.99 × 0.01 = 1.9999 points: one.
		assertThat(defaults.points(new BigDecimal("199.99"), Tier.NORMAL)).isEqualTo(1);
		assertThat(defaults.points(new BigDecimal("200.00"), Tier.NORMAL)).isEqualTo(2);
		assertThat(defaults.points(new BigDecimal("99.99"), Tier.NORMAL)).isZero();
	}

	@Test
	void theTierInForceMultipliesThePointsBeforeRounding() {
		BigDecimal value = new BigDecimal("86400.00");
		assertThat(defaults.points(value, Tier.NORMAL)).isEqualTo(864);
		assertThat(defaults.points(value, Tier.KEY)).isEqualTo(1036); // 1036.8
		assertThat(defaults.points(value, Tier.VIP)).isEqualTo(1296);
		// 100 × 0.01 × 1.5 = 1.5: one point, not two.
		assertThat(defaults.points(new BigDecimal("100"), Tier.VIP)).isEqualTo(1);
		assertThat(defaults.points(new BigDecimal("100"), null)).as("no tier is normal").isEqualTo(1);
	}

	@Test
	void pointsExpireWholeCalendarMonthsAfterTheyWereEarned() {
		assertThat(defaults.expiryOf(Instant.parse("2026-01-31T10:00:00Z")))
			.isEqualTo(Instant.parse("2028-01-31T10:00:00Z"));
		LoyaltyRules monthly = new LoyaltyRules(LoyaltyRules.CURRENT, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
				BigDecimal.ONE, 1, 1, "manager", null);
		assertThat(monthly.expiryOf(Instant.parse("2027-01-31T10:00:00Z"))).as("the month's last day")
			.isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
	}

	@Test
	void aManagersRulesAreCheckedFieldByFieldAllAtOnce() {
		assertThatThrownBy(() -> LoyaltyRulesService.validated(new LoyaltyRulesService.RulesInput("0", "11", "-1",
				"1.12345", 0)))
			.isInstanceOfSatisfying(UnprocessableException.class, ex -> assertThat(ex.fieldMessages())
				.containsOnlyKeys("pointsPerUnit", "vipMultiplier", "keyMultiplier", "normalMultiplier", "expiryMonths"));
		assertThatThrownBy(() -> LoyaltyRulesService.validated(new LoyaltyRulesService.RulesInput("ten", null, "1",
				"1", 121)))
			.isInstanceOfSatisfying(UnprocessableException.class, ex -> assertThat(ex.fieldMessages())
				.containsOnlyKeys("pointsPerUnit", "vipMultiplier", "expiryMonths"));
		LoyaltyRules saved = LoyaltyRulesService.validated(new LoyaltyRulesService.RulesInput(" 0.05 ", "2", "1.25",
				"0", 120));
		assertThat(saved.points(new BigDecimal("1000"), Tier.NORMAL)).as("a zero multiplier earns nothing").isZero();
		assertThat(saved.points(new BigDecimal("1000"), Tier.KEY)).isEqualTo(62); // 62.5
	}
}
