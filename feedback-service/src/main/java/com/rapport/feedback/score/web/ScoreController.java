package com.rapport.feedback.score.web;

import com.rapport.feedback.score.ScoreService;
import com.rapport.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The partner API of an organisation's CSAT, NPS and CES figures (scope {@code feedback.read}). */
@RestController
@Tag(name = "Scores")
class ScoreController {

	private final ScoreService scores;

	ScoreController(ScoreService scores) {
		this.scores = scores;
	}

	@GetMapping("/api/feedback/v1/customers/{customerId}/scores")
	@PreAuthorize("hasAuthority('SCOPE_feedback.read')")
	@Operation(operationId = "getScores", summary = "Read an organisation's scores",
			description = "The latest CSAT, NPS and CES answer (whenever given) and the figures of the answers given "
					+ "in the window (`windowDays`, from `windowFrom`). An organisation that never answered has no "
					+ "latest answers and no figures: this service knows answers, not organisations.")
	ScoresJson get(@PathVariable String customerId) {
		return ScoresJson.of(scores.of(Caller.current(), customerId));
	}
}
