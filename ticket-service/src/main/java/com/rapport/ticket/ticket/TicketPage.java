package com.rapport.ticket.ticket;

import java.util.List;

/**
 * One page of a ticket list, with the SLA state of each as of the answer; {@code more} whether a next page
 * exists, {@code total} over all pages; {@code requesterVisible} whether the caller sees who raised them;
 * {@code nextPageToken} the cursor of the queue's next page (null on the last, and for lists paged by number).
 * For staff (session 17): a ticket whose earliest open promise is due before {@code promiseDueBefore} (now and the
 * reminder lead time; null for anyone else) is marked as a promise falling due, and {@code promisesDueCount} is
 * how many tickets are (every organisation's, whatever the filters).
 */
public record TicketPage(List<OpenTickets.OpenTicket> tickets, boolean more, int total, int page, int pageSize,
		boolean requesterVisible, String nextPageToken, java.time.Instant promiseDueBefore, int promisesDueCount) {

	/** A page of the queue read by its cursor, without the promises' marker. */
	public TicketPage(List<OpenTickets.OpenTicket> tickets, boolean more, int total, int page, int pageSize,
			boolean requesterVisible, String nextPageToken) {
		this(tickets, more, total, page, pageSize, requesterVisible, nextPageToken, null, 0);
	}

	public TicketPage {
		tickets = List.copyOf(tickets);
	}

	/** A page of a list paged by page number ({@code page + 1} is the next). */
	public TicketPage(List<OpenTickets.OpenTicket> tickets, boolean more, int total, int page, int pageSize,
			boolean requesterVisible) {
		this(tickets, more, total, page, pageSize, requesterVisible, null);
	}

	/** This page with the promises' marker bound and count (staff's lists). */
	public TicketPage withPromises(java.time.Instant dueBefore, int count) {
		return new TicketPage(tickets, more, total, page, pageSize, requesterVisible, nextPageToken, dueBefore, count);
	}

	/** Whether this listed ticket is to be marked as having a promise falling due. */
	public boolean promiseDue(Ticket ticket) {
		return ticket.queue() != null && ticket.queue().promiseDueBefore(promiseDueBefore);
	}
}
