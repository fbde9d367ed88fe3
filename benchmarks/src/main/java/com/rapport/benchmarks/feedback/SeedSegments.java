package com.rapport.benchmarks.feedback;

import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * Each organisation's segment (tier, industry, region) for the roll-ups by segment, as feedback-service would count
 * it: its own copy ({@code organisation_segments}, which its refresh fills from customer-service), else
 * customer-service's organisations read from that service's store file (offline seeding, the platform down), else
 * unknown, which the service moves to the organisation's segment once its refresh learns it ({@code segmentPending}).
 * The service's {@code Segment}: tier {@code VIP}, {@code KEY}, {@code NORMAL}; industry and region as
 * customer-service keeps them, empty when not given; {@code UNKNOWN} in all three when not known.
 */
final class SeedSegments {

	record Segment(String tier, String industry, String region) {

		static final Segment UNKNOWN = new Segment("UNKNOWN", "UNKNOWN", "UNKNOWN");

		Segment {
			tier = tier == null || tier.isBlank() ? "NORMAL" : tier.strip().replace("TIER_", "");
			industry = industry == null ? "" : industry.strip();
			region = region == null ? "" : region.strip();
		}

		boolean known() {
			return !equals(UNKNOWN);
		}

		/** The service's {@code Segment.key()}: the industry's length before it, so free texts never run together. */
		String key() {
			return tier + "|" + industry.length() + ":" + industry + "|" + region;
		}

		Document toDocument() {
			return new Document("tier", tier).append("industry", industry).append("region", region);
		}

		static Segment of(Document document) {
			return new Segment(document.getString("tier"), document.getString("industry"), document.getString("region"));
		}
	}

	private final Map<String, Segment> segments = new HashMap<>();

	/** No organisation known: every answer's segment unknown (tests). */
	SeedSegments() {
	}

	/** feedback-service's copy, then customer-service's organisations where the copy has none. */
	static SeedSegments of(MongoCollection<Document> copy, MongoCollection<Document> organisations) {
		SeedSegments known = new SeedSegments();
		if (organisations != null) {
			organisations.find().projection(Projections.include("tier", "industry", "region"))
				.forEach(organisation -> known.put(organisation.getString("_id"), Segment.of(organisation)));
		}
		if (copy != null) {
			copy.find(Filters.ne("missing", true))
				.forEach(kept -> known.put(kept.getString("_id"), Segment.of(kept)));
		}
		return known;
	}

	void put(String organisationId, Segment segment) {
		segments.put(organisationId, segment);
	}

	/** The organisation's segment, {@link Segment#UNKNOWN} when neither store knows it. */
	Segment of(String organisationId) {
		return segments.getOrDefault(organisationId, Segment.UNKNOWN);
	}

	int size() {
		return segments.size();
	}
}
