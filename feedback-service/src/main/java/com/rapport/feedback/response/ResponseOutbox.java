package com.rapport.feedback.response;

import java.util.List;
import java.util.Map;

import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import com.rapport.support.timeline.TimelineOutbox;

import org.springframework.stereotype.Component;

/**
 * Answers' events as customer-service's timeline hears of them: {@value ResponseEvent#KIND}, of the answer's
 * organisation, about {@code survey-response:<id>}. platform-support's relay delivers them every few seconds
 * under lease {@code survey-response-event-relay}.
 */
@Component
class ResponseOutbox implements TimelineOutbox<SurveyResponse, ResponseEvent> {

	@Override
	public Class<SurveyResponse> recordType() {
		return SurveyResponse.class;
	}

	@Override
	public List<String> fields() {
		// The score too: it is a number, which a document read without it could not be made into.
		return List.of("customerId", "score");
	}

	@Override
	public List<ResponseEvent> outbox(SurveyResponse answer) {
		return answer.outbox();
	}

	@Override
	public TimelineEntry entryOf(SurveyResponse answer, ResponseEvent event) {
		Map<String, String> facts = event.facts();
		String code = switch (facts.getOrDefault("subject_type", "RELATIONSHIP")) {
			case "TICKET" -> "timeline.survey.ticket";
			case "ORDER" -> "timeline.survey.order";
			default -> "timeline.survey.relationship";
		};
		return new TimelineEntry(event.eventId(), answer.customerId(), ResponseEvent.KIND, event.occurredAt(),
				event.summary(), "survey-response:" + answer.id(), facts, code,
				List.of(facts.getOrDefault("survey", ""), facts.getOrDefault("score", ""),
						facts.getOrDefault("scale_max", ""), facts.getOrDefault("subject_id", "")));
	}

	@Override
	public String recordName() {
		return "survey answer";
	}

	@Override
	public String leaseName() {
		return "survey-response-event-relay";
	}
}
