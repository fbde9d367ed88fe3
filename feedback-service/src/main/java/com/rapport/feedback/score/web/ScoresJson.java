package com.rapport.feedback.score.web;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import com.rapport.feedback.score.CustomerScores;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One organisation's figures as partners read them: the latest answer of each kind (null when it never answered
 * that survey: "no answer yet" is not 0) and the figures of the answers given in the window. A figure is null when
 * the window has no answer of its kind. Shares are basis points (6666 is 66.66 %), the CES average in tenths.
 */
@Schema(name = "Scores")
record ScoresJson(String customerId, LatestJson latestCsat, LatestJson latestNps, LatestJson latestCes,
		long windowDays, Instant windowFrom, CsatJson csat, NpsJson nps, CesJson ces) {

	@Schema(name = "LatestAnswer")
	record LatestJson(int score, Instant answeredAt, String comment, String subjectType, String subjectId) {
	}

	@Schema(name = "CsatFigures")
	record CsatJson(int count, @Schema(description = "Answers of 4 or 5, in basis points, rounded down") Integer percentBasisPoints) {
	}

	@Schema(name = "NpsFigures")
	record NpsJson(int promoters, int passives, int detractors,
			@Schema(description = "% promoters − % detractors, −100 to 100") Integer score) {
	}

	@Schema(name = "CesFigures")
	record CesJson(int count, @Schema(description = "Mean in tenths (53 is 5.3)") Integer averageTenths,
			@Schema(description = "Answers of 5 to 7, in basis points, rounded down") Integer easyShareBasisPoints) {
	}

	static ScoresJson of(CustomerScores scores) {
		return new ScoresJson(scores.customerId(), latest(scores.latestCsat()), latest(scores.latestNps()),
				latest(scores.latestCes()), scores.windowDays(), scores.windowFrom(),
				new CsatJson(scores.csat().count(), value(scores.csat().percentBasisPoints())),
				new NpsJson(scores.nps().promoters(), scores.nps().passives(), scores.nps().detractors(),
						value(scores.nps().score())),
				new CesJson(scores.ces().count(), value(scores.ces().averageTenths()),
						value(scores.ces().easyShareBasisPoints())));
	}

	private static LatestJson latest(Optional<CustomerScores.Latest> latest) {
		return latest.map(answer -> new LatestJson(answer.score(), answer.answeredAt(), answer.comment(),
				answer.subjectType().name(), answer.subjectId())).orElse(null);
	}

	private static Integer value(OptionalInt figure) {
		return figure.isPresent() ? figure.getAsInt() : null;
	}
}
