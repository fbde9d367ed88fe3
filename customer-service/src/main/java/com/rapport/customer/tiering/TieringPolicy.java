package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The tiering and lifecycle thresholds as a manager last saved them: one document, {@code current}. Until the
 * first save the configured defaults ({@link TieringProperties}) apply, shown as version 0. Base currency and
 * conversion rates stay configuration: they are bookkeeping, not policy.
 *
 * @param recomputedVersion the version every organisation was last recomputed with (by the background run after
 *                          a change, or the nightly run); below {@code version} while a recompute is due
 */
@Document(TieringPolicy.COLLECTION)
public record TieringPolicy(@Id String id, int windowDays, BigDecimal vipMonetary, int vipFrequency,
		int vipRecencyDays, BigDecimal keyMonetary, int keyFrequency, int loyalOrders, int dormantAfterDays,
		int churnedAfterDays, long version, String updatedBy, Instant updatedAt, long recomputedVersion,
		Instant recomputedAt, int recomputedOrganisations) {

	static final String COLLECTION = "tiering_policy";

	static final String CURRENT = "current";

	/** The configured defaults, as a never-saved policy. */
	static TieringPolicy of(TieringProperties properties) {
		return new TieringPolicy(CURRENT, (int) properties.window().toDays(), properties.vip().monetary(),
				properties.vip().frequency(), (int) properties.vip().recency().toDays(), properties.key().monetary(),
				properties.key().frequency(), properties.lifecycle().loyalOrders(),
				(int) properties.lifecycle().dormantAfter().toDays(), (int) properties.lifecycle().churnedAfter().toDays(),
				0, null, null, 0, null, 0);
	}

	/** The rules to compute with: these thresholds, the configured currency and rates. */
	TieringProperties applyTo(TieringProperties properties) {
		return new TieringProperties(Duration.ofDays(windowDays), properties.baseCurrency(), properties.rates(),
				new TieringProperties.Vip(vipMonetary, vipFrequency, Duration.ofDays(vipRecencyDays)),
				new TieringProperties.Key(keyMonetary, keyFrequency),
				new TieringProperties.Lifecycle(loyalOrders, Duration.ofDays(dormantAfterDays),
						Duration.ofDays(churnedAfterDays)));
	}

	/** Whether the thresholds are those of {@code other} (amounts compared by value: 1E+6 equals 1000000). */
	boolean sameRulesAs(TieringPolicy other) {
		return windowDays == other.windowDays && vipMonetary.compareTo(other.vipMonetary) == 0
				&& vipFrequency == other.vipFrequency && vipRecencyDays == other.vipRecencyDays
				&& keyMonetary.compareTo(other.keyMonetary) == 0 && keyFrequency == other.keyFrequency
				&& loyalOrders == other.loyalOrders && dormantAfterDays == other.dormantAfterDays
				&& churnedAfterDays == other.churnedAfterDays;
	}

	/** Whether a change waits for its recompute. */
	public boolean recomputeDue() {
		return recomputedVersion < version;
	}
}
