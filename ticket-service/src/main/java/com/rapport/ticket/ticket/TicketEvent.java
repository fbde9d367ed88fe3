package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.Map;

/**
 * Something about a ticket that customer-service's timeline must hear of. It is stored inside the ticket
 * document in the same write as the change it tells of (an outbox), and relayed afterwards, at least once:
 * the receiver keeps one per {@code eventId}.
 */
public record TicketEvent(String eventId, Kind kind, Instant occurredAt, String summary, Map<String, String> facts) {

	public enum Kind {
		TICKET_OPENED, TICKET_RESOLVED, COMMITMENT_MADE, COMMITMENT_KEPT, COMMITMENT_BROKEN
	}

	public TicketEvent {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}
}
