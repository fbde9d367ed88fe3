package com.rapport.customer.growth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The growth settings managers set in the console (one document, {@code _id: current}), or the configured
 * defaults ({@code rapport.growth.risk.threshold}, {@code rapport.growth.reorder.lead-days}; version 0, never
 * stored).
 *
 * @param riskThreshold   the churn-risk score (1-100) from which an organisation is at risk
 * @param reorderLeadDays how many days (0-365) before an expected reorder its task opens
 */
@Document("growth_settings")
public record GrowthSettings(@Id String id, int riskThreshold, int reorderLeadDays, long version, String updatedBy,
		Instant updatedAt) {

	public static final String CURRENT = "current";

	static final int MAX_THRESHOLD = 100;

	static final int MAX_LEAD_DAYS = 365;

	static GrowthSettings of(GrowthProperties properties) {
		return new GrowthSettings(CURRENT, properties.risk().threshold(), properties.reorder().leadDays(), 0, null,
				null);
	}

	boolean sameAs(GrowthSettings other) {
		return riskThreshold == other.riskThreshold && reorderLeadDays == other.reorderLeadDays;
	}
}
