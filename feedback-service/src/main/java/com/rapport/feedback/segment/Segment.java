package com.rapport.feedback.segment;

import java.util.Locale;

import org.bson.Document;

/**
 * An organisation's segment: its tier ({@code VIP}, {@code KEY}, {@code NORMAL}), industry and region as
 * customer-service keeps them (industry and region free text, empty when not given). {@link #UNKNOWN} when it could
 * not be learnt (customer-service down at the time).
 */
public record Segment(String tier, String industry, String region) {

	/** The value of every part of the unknown segment. */
	public static final String UNKNOWN_VALUE = "UNKNOWN";

	public static final Segment UNKNOWN = new Segment(UNKNOWN_VALUE, UNKNOWN_VALUE, UNKNOWN_VALUE);

	public Segment {
		tier = tier == null || tier.isBlank() ? "NORMAL" : tier.strip().toUpperCase(Locale.ROOT).replace("TIER_", "");
		industry = industry == null ? "" : industry.strip();
		region = region == null ? "" : region.strip();
	}

	public boolean known() {
		return !equals(UNKNOWN);
	}

	/** The part a breakdown groups by: {@code tier}, {@code industry} or {@code region}. */
	public String part(String dimension) {
		return switch (dimension) {
			case "industry" -> industry;
			case "region" -> region;
			default -> tier;
		};
	}

	/** As stored in an answer and a roll-up. */
	public Document toDocument() {
		return new Document("tier", tier).append("industry", industry).append("region", region);
	}

	public static Segment of(Document document) {
		return document == null ? UNKNOWN
				: new Segment(document.getString("tier"), document.getString("industry"), document.getString("region"));
	}

	/** A key that tells segments apart whatever their free texts hold (the industry's length before it). */
	public String key() {
		return tier + "|" + industry.length() + ":" + industry + "|" + region;
	}
}
