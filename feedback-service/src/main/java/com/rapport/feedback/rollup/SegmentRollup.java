package com.rapport.feedback.rollup;

import java.util.Map;

import com.rapport.feedback.response.SurveyKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the answers of one survey in one UTC month add up to for the organisations that were in one segment (tier,
 * industry, region) when they answered ({@code UNKNOWN} in all three: the segment could not be learnt then, until the
 * answer moves to its own). Shaped as {@link Rollup} with the segment instead of an organisation; increments only
 * ({@link SegmentCounts}).
 */
@Document(SegmentCounts.COLLECTION)
@CompoundIndex(name = "month_segment", def = "{'month': 1, 'tier': 1, 'industry': 1, 'region': 1}")
record SegmentRollup(@Id String id, String month, SurveyKind kind, String tier, String industry, String region,
		Map<String, Number> scores, Number invited, Number invitedAnswered) {

	/** The same counts as an organisation's roll-up, to be added up the same way. */
	Rollup counts() {
		return new Rollup(id, null, month, kind, scores, invited, invitedAnswered);
	}
}
