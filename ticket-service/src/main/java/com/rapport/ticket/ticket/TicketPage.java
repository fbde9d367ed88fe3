package com.rapport.ticket.ticket;

import java.util.List;

/**
 * One page of a ticket list, with the SLA state of each as of the answer; {@code more} whether a next page
 * exists, {@code total} over all pages; {@code requesterVisible} whether the caller sees who raised them;
 * {@code nextPageToken} the cursor of the queue's next page (null on the last, and for lists paged by number).
 */
public record TicketPage(List<OpenTickets.OpenTicket> tickets, boolean more, int total, int page, int pageSize,
		boolean requesterVisible, String nextPageToken) {

	public TicketPage {
		tickets = List.copyOf(tickets);
	}

	/** A page of a list paged by page number ({@code page + 1} is the next). */
	public TicketPage(List<OpenTickets.OpenTicket> tickets, boolean more, int total, int page, int pageSize,
			boolean requesterVisible) {
		this(tickets, more, total, page, pageSize, requesterVisible, null);
	}
}
