package com.rapport.ticket.ticket;

import java.time.Instant;

/**
 * One message of a ticket's conversation: a public reply (seen by the customer) or an internal note (staff
 * only). {@code body} is sanitised HTML ({@link MessageBodies}). {@code authorId} is the author's user name
 * (or, for the requester's own words logged by others, their contact id or email) and {@code authorName} the
 * name shown; both are personal data and go when the author is erased.
 */
public record TicketMessage(String id, AuthorKind authorKind, String authorId, String authorName, boolean internal,
		String body, Instant at) {

	public boolean isPublic() {
		return !internal;
	}

	TicketMessage withAuthorErased() {
		return new TicketMessage(id, authorKind, null, null, internal, body, at);
	}
}
