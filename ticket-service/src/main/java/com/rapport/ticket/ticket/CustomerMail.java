package com.rapport.ticket.ticket;

import java.time.Instant;

/**
 * A mail the ticket owes its requester, kept in the ticket until it went out (the same write as the change it
 * tells of, so nothing is lost while the mail server is down): the acknowledgement of a new ticket, or a public
 * reply of staff ({@code messageId} names it). The mail package writes and sends them through platform-support's
 * outbox relay; {@code eventId} makes each one mail, whatever the number of tries.
 */
public record CustomerMail(String eventId, Kind kind, String messageId, Instant at) {

	public enum Kind {
		/** The ticket was opened: its number and when the requester will hear back. */
		ACKNOWLEDGEMENT,
		/** Staff answered publicly. */
		REPLY
	}
}
