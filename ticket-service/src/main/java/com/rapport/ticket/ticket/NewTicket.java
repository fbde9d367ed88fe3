package com.rapport.ticket.ticket;

import java.time.Instant;

import com.rapport.ticket.sla.Tier;

/**
 * A ticket to open. {@code openedAt} is when the customer raised it (an email's arrival, a call logged
 * afterwards), now when null. {@code knownTier} is for tickets whose tier is already decided (imports, the
 * demo data): null asks customer-service. {@code priority} defaults to normal, {@code assignee} may be empty.
 */
public record NewTicket(String customerId, String subject, TicketKind kind, Priority priority, Channel channel,
		Requester requester, String assignee, Instant openedAt, Tier knownTier) {

	/** A ticket raised now, its tier asked of customer-service. */
	public NewTicket(String customerId, String subject, TicketKind kind, Priority priority, Channel channel,
			Requester requester) {
		this(customerId, subject, kind, priority, channel, requester, null, null, null);
	}
}
