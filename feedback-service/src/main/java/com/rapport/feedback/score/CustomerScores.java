package com.rapport.feedback.score;

import java.time.Instant;
import java.util.Optional;

import com.rapport.feedback.response.SubjectType;

/**
 * One organisation's scores: its latest answer of each kind (whenever given) and the figures of the answers
 * given in the window, from {@code windowFrom} (inclusive) to now.
 */
public record CustomerScores(String customerId, Optional<Latest> latestCsat, Optional<Latest> latestNps,
		Optional<Latest> latestCes, long windowDays, Instant windowFrom, Figures.Csat csat, Figures.Nps nps,
		Figures.Ces ces) {

	/** One answer as the 360 shows it; {@code comment} is null when none was written or it is withheld. */
	public record Latest(int score, Instant answeredAt, String comment, SubjectType subjectType, String subjectId) {

		Latest withoutComment() {
			return new Latest(score, answeredAt, null, subjectType, subjectId);
		}
	}

	/** The same scores without the contacts' comments, for a caller who may see figures but not what people wrote. */
	CustomerScores withoutComments() {
		return new CustomerScores(customerId, latestCsat.map(Latest::withoutComment),
				latestNps.map(Latest::withoutComment), latestCes.map(Latest::withoutComment), windowDays, windowFrom,
				csat, nps, ces);
	}
}
