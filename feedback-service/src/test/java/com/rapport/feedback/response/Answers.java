package com.rapport.feedback.response;

import java.time.Instant;

/** Survey answers for tests: valid unless a test changes a field. */
public final class Answers {

	public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	private Answers() {
	}

	public static NewResponse csat(String id, String customerId, int score) {
		return answer(id, customerId, "CSAT", score, T0);
	}

	public static NewResponse answer(String id, String customerId, String kind, int score, Instant answeredAt) {
		return new NewResponse(id, customerId, "contact-1", kind, score, null, answeredAt, "TICKET", "T-1001",
				"PORTAL");
	}

	public static NewResponse withComment(NewResponse answer, String comment) {
		return new NewResponse(answer.responseId(), answer.customerId(), answer.contactId(), answer.kind(),
				answer.score(), comment, answer.answeredAt(), answer.subjectType(), answer.subjectId(),
				answer.channel());
	}

	public static NewResponse byContact(NewResponse answer, String contactId) {
		return new NewResponse(answer.responseId(), answer.customerId(), contactId, answer.kind(), answer.score(),
				answer.comment(), answer.answeredAt(), answer.subjectType(), answer.subjectId(), answer.channel());
	}

	public static NewResponse about(NewResponse answer, String subjectType, String subjectId) {
		return new NewResponse(answer.responseId(), answer.customerId(), answer.contactId(), answer.kind(),
				answer.score(), answer.comment(), answer.answeredAt(), subjectType, subjectId, answer.channel());
	}
}
