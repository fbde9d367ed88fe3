package com.rapport.feedback.response;

import java.time.Instant;
import java.util.Map;

/**
 * That an answer was given, as customer-service's timeline must hear of it. Stored inside the answer's
 * document in the same write (an outbox) and relayed afterwards, at least once: the receiver keeps one per
 * {@code eventId}. It carries the score and subject, never the comment or the contact: the timeline is the
 * organisation's, and an erasure here could not reach a copy there.
 */
public record ResponseEvent(String eventId, Instant occurredAt, String summary, Map<String, String> facts) {

	/** The timeline kind of every such event. */
	public static final String KIND = "SURVEY_ANSWERED";

	public ResponseEvent {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}
}
