package com.rapport.ticket.ticket;

import java.util.List;

/**
 * One page of a ticket list, with the SLA state of each as of the answer; {@code more} whether a next page
 * exists, {@code total} over all pages; {@code requesterVisible} whether the caller sees who raised them.
 */
public record TicketPage(List<OpenTickets.OpenTicket> tickets, boolean more, int total, int page, int pageSize,
		boolean requesterVisible) {

	public TicketPage {
		tickets = List.copyOf(tickets);
	}
}
