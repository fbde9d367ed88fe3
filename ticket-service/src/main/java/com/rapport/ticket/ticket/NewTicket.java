package com.rapport.ticket.ticket;

import java.time.Instant;

import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.Tier;

/**
 * A ticket to open. {@code openedAt} is when the customer raised it (an email's arrival, a call logged
 * afterwards), now when null. {@code knownTier} is for tickets whose tier is already decided (imports, the
 * demo data): null asks customer-service. {@code priority} defaults to normal, {@code assignee} may be empty.
 * {@code body} is the opening message (the customer's description) written by {@code openingAuthor}; a ticket
 * opened with a body must have a {@code classification} with a category.
 */
public record NewTicket(String customerId, String subject, TicketKind kind, Priority priority, Channel channel,
		Requester requester, String assignee, Instant openedAt, Tier knownTier, Classification classification,
		String body, Author openingAuthor) {

	/** A ticket without a conversation, as the first slice opened them. */
	public NewTicket(String customerId, String subject, TicketKind kind, Priority priority, Channel channel,
			Requester requester, String assignee, Instant openedAt, Tier knownTier) {
		this(customerId, subject, kind, priority, channel, requester, assignee, openedAt, knownTier, null, null, null);
	}

	/** A ticket raised now, its tier asked of customer-service. */
	public NewTicket(String customerId, String subject, TicketKind kind, Priority priority, Channel channel,
			Requester requester) {
		this(customerId, subject, kind, priority, channel, requester, null, null, null);
	}

	/** The opening message's author: as given, else the requester (their words). */
	Author author() {
		if (openingAuthor != null) {
			return openingAuthor;
		}
		String id = requester.contactId() != null ? requester.contactId()
				: requester.username() != null ? requester.username() : requester.email();
		return new Author(AuthorKind.CUSTOMER, id, requester.name() != null ? requester.name() : requester.email());
	}
}
