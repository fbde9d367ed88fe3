package com.rapport.customer.loyalty;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The loyalty settings ({@code rapport.loyalty.*}); anything left out takes the default shown. The rules are the
 * defaults until a manager saves others in the console ({@link LoyaltyRulesService}).
 *
 * @param pointsPerUnit    points per unit of the business currency before the tier's multiplier (0.01: a point per
 *                         CNY 100)
 * @param vipMultiplier    the VIP tier's multiplier (1.5)
 * @param keyMultiplier    the key tier's multiplier (1.2)
 * @param normalMultiplier the normal tier's multiplier (1)
 * @param expiryMonths     earned points expire this many months after they were earned (24)
 * @param expiry           the expiry job
 * @param referralBonus    the points a referral earns its referrer once the invited company's first order is
 *                         delivered (1000; 0 for none)
 */
@ConfigurationProperties("rapport.loyalty")
public record LoyaltyProperties(BigDecimal pointsPerUnit, BigDecimal vipMultiplier, BigDecimal keyMultiplier,
		BigDecimal normalMultiplier, Integer expiryMonths, Expiry expiry, Long referralBonus) {

	public LoyaltyProperties {
		pointsPerUnit = pointsPerUnit == null ? new BigDecimal("0.01") : pointsPerUnit;
		vipMultiplier = vipMultiplier == null ? new BigDecimal("1.5") : vipMultiplier;
		keyMultiplier = keyMultiplier == null ? new BigDecimal("1.2") : keyMultiplier;
		normalMultiplier = normalMultiplier == null ? BigDecimal.ONE : normalMultiplier;
		expiryMonths = expiryMonths == null ? 24 : expiryMonths;
		expiry = expiry == null ? new Expiry(null, null, null) : expiry;
		referralBonus = referralBonus == null ? 1000L : referralBonus;
		if (referralBonus < 0 || referralBonus > LoyaltyRules.MAX_REFERRAL_BONUS) {
			throw new IllegalArgumentException("rapport.loyalty.referral-bonus must be 0 to "
					+ LoyaltyRules.MAX_REFERRAL_BONUS + ", not " + referralBonus);
		}
		if (LoyaltyRules.invalid(pointsPerUnit, vipMultiplier, keyMultiplier, normalMultiplier, expiryMonths)) {
			throw new IllegalArgumentException("rapport.loyalty: points-per-unit above 0 (at most 1000), multipliers "
					+ "from 0 to 10 and expiry-months from 1 to 120, not " + pointsPerUnit + ", " + vipMultiplier + ", "
					+ keyMultiplier + ", " + normalMultiplier + ", " + expiryMonths);
		}
	}

	/**
	 * @param interval  how often each replica looks for points due to expire (1h); one replica at a time does it
	 * @param maxPerRun organisations settled at most per run (500): a backlog is worked off over the next runs
	 * @param hold      the lease (10m)
	 */
	public record Expiry(Duration interval, Integer maxPerRun, Duration hold) {

		public Expiry {
			interval = interval == null ? Duration.ofHours(1) : interval;
			maxPerRun = maxPerRun == null ? 500 : maxPerRun;
			hold = hold == null ? Duration.ofMinutes(10) : hold;
			if (maxPerRun < 1) {
				throw new IllegalArgumentException("rapport.loyalty.expiry.max-per-run must be at least 1");
			}
		}
	}

	public static LoyaltyProperties defaults() {
		return new LoyaltyProperties(null, null, null, null, null, null, null);
	}
}
