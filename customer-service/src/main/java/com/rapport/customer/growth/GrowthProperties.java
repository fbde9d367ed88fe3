package com.rapport.customer.growth;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The growth figures' settings ({@code rapport.growth.*}); anything left out takes the default shown.
 *
 * @param lifespanYears how long a customer relationship is expected to last, in years (3): the projection's
 *                      horizon
 * @param margin        the gross margin applied to the projection, above 0 and at most 1 (none: the projection
 *                      is revenue)
 */
@ConfigurationProperties("rapport.growth")
public record GrowthProperties(BigDecimal lifespanYears, BigDecimal margin) {

	public GrowthProperties {
		lifespanYears = lifespanYears == null ? new BigDecimal("3") : lifespanYears;
		if (lifespanYears.signum() <= 0) {
			throw new IllegalArgumentException("rapport.growth.lifespan-years must be above 0, not " + lifespanYears);
		}
		if (margin != null && (margin.signum() <= 0 || margin.compareTo(BigDecimal.ONE) > 0)) {
			throw new IllegalArgumentException("rapport.growth.margin must be above 0 and at most 1, not " + margin);
		}
	}

	/** All defaults. */
	public static GrowthProperties defaults() {
		return new GrowthProperties(null, null);
	}
}
