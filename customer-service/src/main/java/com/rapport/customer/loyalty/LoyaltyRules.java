package com.rapport.customer.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;

import com.rapport.customer.organisation.Tier;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The rules points are earned and expire by, as a manager last saved them (one document, {@code _id: current}),
 * or the configured defaults (version 0, never stored).
 *
 * <p>Points for a delivered order = ⌊value in the business currency × points per unit × the tier's multiplier⌋:
 * whole points, rounded down, so an order never earns a point it did not fully pay for; an order without a value
 * (or in a currency without a rate) earns nothing.
 */
@Document("loyalty_rules")
public record LoyaltyRules(@Id String id, BigDecimal pointsPerUnit, BigDecimal vipMultiplier, BigDecimal keyMultiplier,
		BigDecimal normalMultiplier, int expiryMonths, long version, String updatedBy, Instant updatedAt,
		Long referralBonus) {

	public static final String CURRENT = "current";

	/** The most points a referral may earn. */
	static final long MAX_REFERRAL_BONUS = 1_000_000;

	/** Rules saved before the referral bonus existed read with none (0) until saved again. */
	@PersistenceCreator
	public LoyaltyRules {
		referralBonus = referralBonus == null ? 0L : referralBonus;
	}

	/** Without a referral bonus (the rules as they were before referrals). */
	public LoyaltyRules(String id, BigDecimal pointsPerUnit, BigDecimal vipMultiplier, BigDecimal keyMultiplier,
			BigDecimal normalMultiplier, int expiryMonths, long version, String updatedBy, Instant updatedAt) {
		this(id, pointsPerUnit, vipMultiplier, keyMultiplier, normalMultiplier, expiryMonths, version, updatedBy,
				updatedAt, 0L);
	}

	static final BigDecimal MAX_POINTS_PER_UNIT = new BigDecimal("1000");

	static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;

	static final int MAX_EXPIRY_MONTHS = 120;

	static LoyaltyRules of(LoyaltyProperties properties) {
		return new LoyaltyRules(CURRENT, properties.pointsPerUnit(), properties.vipMultiplier(),
				properties.keyMultiplier(), properties.normalMultiplier(), properties.expiryMonths(), 0, null, null,
				properties.referralBonus());
	}

	static boolean invalid(BigDecimal perUnit, BigDecimal vip, BigDecimal key, BigDecimal normal, int months) {
		return perUnit.signum() <= 0 || perUnit.compareTo(MAX_POINTS_PER_UNIT) > 0 || outside(vip) || outside(key)
				|| outside(normal) || months < 1 || months > MAX_EXPIRY_MONTHS;
	}

	private static boolean outside(BigDecimal multiplier) {
		return multiplier.signum() < 0 || multiplier.compareTo(MAX_MULTIPLIER) > 0;
	}

	public BigDecimal multiplier(Tier tier) {
		if (tier == null) {
			return normalMultiplier;
		}
		return switch (tier) {
			case VIP -> vipMultiplier;
			case KEY -> keyMultiplier;
			case NORMAL -> normalMultiplier;
		};
	}

	/** The points an order of {@code value} (business currency; {@code null} without one) earns at {@code tier}. */
	public long points(BigDecimal value, Tier tier) {
		if (value == null || value.signum() <= 0) {
			return 0;
		}
		return value.multiply(pointsPerUnit).multiply(multiplier(tier)).setScale(0, RoundingMode.FLOOR).longValueExact();
	}

	/** When points earned at {@code earnedAt} expire: {@code expiryMonths} calendar months later (UTC). */
	public Instant expiryOf(Instant earnedAt) {
		return earnedAt.atZone(ZoneOffset.UTC).plusMonths(expiryMonths).toInstant();
	}

	/** Points earned at or before this moment have expired at {@code now}. */
	public Instant expiredUpTo(Instant now) {
		return now.atZone(ZoneOffset.UTC).minusMonths(expiryMonths).toInstant();
	}

	boolean sameRulesAs(LoyaltyRules other) {
		return pointsPerUnit.compareTo(other.pointsPerUnit) == 0 && vipMultiplier.compareTo(other.vipMultiplier) == 0
				&& keyMultiplier.compareTo(other.keyMultiplier) == 0
				&& normalMultiplier.compareTo(other.normalMultiplier) == 0 && expiryMonths == other.expiryMonths
				&& referralBonus.longValue() == other.referralBonus.longValue();
	}
}
