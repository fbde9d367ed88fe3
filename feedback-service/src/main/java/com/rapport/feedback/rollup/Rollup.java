package com.rapport.feedback.rollup;

import java.util.Map;

import com.rapport.feedback.response.SurveyKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one organisation's answers of one survey in one UTC month add up to ({@code customerId} {@value #ALL}: every
 * organisation's): how many gave each score ({@code scores}, keys {@code s0} … {@code s10}), the invitations sent that
 * month and how many of them were answered. Only ever changed by increments ({@link Rollups}).
 */
@Document("feedback_rollups")
@CompoundIndex(name = "customer_month", def = "{'customerId': 1, 'month': 1}")
record Rollup(@Id String id, String customerId, String month, SurveyKind kind, Map<String, Number> scores, Number invited,
		Number invitedAnswered) {

	/** The customer id of the roll-ups of every organisation. */
	static final String ALL = "*";

	static String idOf(String customerId, String month, SurveyKind kind) {
		return customerId + "|" + month + "|" + kind.name();
	}

	long invitedCount() {
		return invited == null ? 0 : invited.longValue();
	}

	long invitedAnsweredCount() {
		return invitedAnswered == null ? 0 : invitedAnswered.longValue();
	}

	/** {@code scores} as an array indexed by score. */
	long[] distribution() {
		long[] byScore = new long[kind.max() + 1];
		if (scores != null) {
			scores.forEach((key, count) -> {
				int score = Integer.parseInt(key.substring(1));
				if (score < byScore.length && count != null) {
					byScore[score] = count.longValue();
				}
			});
		}
		return byScore;
	}
}
