package com.rapport.customer.figures;

import java.util.List;

import com.rapport.customer.organisation.Organisation;

/**
 * A segment of organisations: a tier (VIP, KEY, NORMAL), an industry and a region as customer-service keeps them
 * (empty when not given). As a filter each empty part admits any value.
 */
public record Segment(String tier, String industry, String region) {

	/** The dimensions a breakdown may name. */
	public static final List<String> DIMENSIONS = List.of("tier", "industry", "region");

	public Segment {
		tier = tier == null ? "" : tier.strip();
		industry = industry == null ? "" : industry.strip();
		region = region == null ? "" : region.strip();
	}

	public static final Segment ANY = new Segment("", "", "");

	/** The organisation's segment now (its tier in force as stored). */
	static Segment of(Organisation organisation) {
		return new Segment(organisation.tier().name(), organisation.industry(), organisation.region());
	}

	/** The value of one dimension: {@code tier}, {@code industry} or {@code region}. */
	String value(String dimension) {
		return switch (dimension) {
			case "tier" -> tier;
			case "industry" -> industry;
			case "region" -> region;
			default -> throw new IllegalArgumentException(dimension);
		};
	}

	/** This filter with one dimension fixed to a value. */
	Segment with(String dimension, String value) {
		return switch (dimension) {
			case "tier" -> new Segment(value, industry, region);
			case "industry" -> new Segment(tier, value, region);
			case "region" -> new Segment(tier, industry, value);
			default -> throw new IllegalArgumentException(dimension);
		};
	}

	/** Whether this filter admits a segment: each non-empty part equal. */
	boolean admits(Segment segment) {
		return (tier.isEmpty() || tier.equals(segment.tier())) && (industry.isEmpty() || industry.equals(segment.industry()))
				&& (region.isEmpty() || region.equals(segment.region()));
	}
}
