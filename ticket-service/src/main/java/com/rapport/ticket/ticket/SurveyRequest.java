package com.rapport.ticket.ticket;

import java.time.Instant;

/**
 * A resolution feedback-service has still to hear of, so that it can ask the requester how it went. Stored
 * inside the ticket in the same write as the resolution (an outbox), relayed afterwards at least once: the
 * receiver keeps one survey per ticket. Its id is the resolution's timeline event id.
 */
public record SurveyRequest(String eventId, Instant occurredAt) {
}
