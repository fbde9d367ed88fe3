package com.rapport.feedback.response.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.rapport.feedback.response.SurveyResponse;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.domain.Page;

/**
 * A survey answer as partners read it. {@code contactId} and {@code comment} are null when none was given or the
 * contact's personal data was erased; the score stays (it belongs to the organisation's figures).
 */
@Schema(name = "Response")
record ResponseJson(String id, String customerId, String contactId, String kind, int score,
		@Schema(description = "The survey's scale") int scaleMin, int scaleMax, String comment, Instant answeredAt,
		String subjectType, String subjectId, String channel, Instant recordedAt) {

	@Schema(name = "ResponsePage")
	record PageJson(List<ResponseJson> items, int page, int size, long total) {
	}

	/** Times as the store keeps them (milliseconds), so an answer reads the same when first stored and replayed. */
	static ResponseJson of(SurveyResponse answer) {
		return new ResponseJson(answer.id(), answer.customerId(), answer.contactId(), answer.kind().name(),
				answer.score(), answer.kind().min(), answer.kind().max(), answer.comment(), millis(answer.answeredAt()),
				answer.subjectType().name(), answer.subjectId(), answer.channel() == null ? null : answer.channel().name(),
				millis(answer.recordedAt()));
	}

	private static Instant millis(Instant at) {
		return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
	}

	static PageJson of(Page<SurveyResponse> page) {
		return new PageJson(page.getContent().stream().map(ResponseJson::of).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements());
	}
}
