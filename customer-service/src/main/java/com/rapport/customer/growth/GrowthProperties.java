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
 * @param risk          the churn-risk settings
 * @param reorder       the reorder prediction's settings
 */
@ConfigurationProperties("rapport.growth")
public record GrowthProperties(BigDecimal lifespanYears, BigDecimal margin, Risk risk, Reorder reorder) {

	public GrowthProperties {
		risk = risk == null ? new Risk(null) : risk;
		reorder = reorder == null ? new Reorder(null) : reorder;
		lifespanYears = lifespanYears == null ? new BigDecimal("3") : lifespanYears;
		if (lifespanYears.signum() <= 0) {
			throw new IllegalArgumentException("rapport.growth.lifespan-years must be above 0, not " + lifespanYears);
		}
		if (margin != null && (margin.signum() <= 0 || margin.compareTo(BigDecimal.ONE) > 0)) {
			throw new IllegalArgumentException("rapport.growth.margin must be above 0 and at most 1, not " + margin);
		}
	}

	/**
	 * @param threshold the churn-risk score (0-100) from which an organisation is at risk and its account manager
	 *                  gets a task (40: an organisation silent for twice its usual interval is at risk on that alone)
	 */
	public record Risk(Integer threshold) {

		public Risk {
			threshold = threshold == null ? 40 : threshold;
			if (threshold < 1 || threshold > 100) {
				throw new IllegalArgumentException("rapport.growth.risk.threshold must be 1 to 100, not " + threshold);
			}
		}
	}

	/**
	 * @param leadDays how many days before a product's expected reorder date the account manager gets a task (14)
	 */
	public record Reorder(Integer leadDays) {

		public Reorder {
			leadDays = leadDays == null ? 14 : leadDays;
			if (leadDays < 0 || leadDays > 365) {
				throw new IllegalArgumentException("rapport.growth.reorder.lead-days must be 0 to 365, not " + leadDays);
			}
		}
	}

	/** All defaults. */
	public static GrowthProperties defaults() {
		return new GrowthProperties(null, null, null, null);
	}
}
