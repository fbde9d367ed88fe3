package com.rapport.ticket.ticket;

import java.util.List;

import com.rapport.ticket.sla.SlaState;

/**
 * An organisation's open tickets as of {@code asOf}, most urgent first, at most the page asked for, with
 * the counts over all of them. {@code requesterVisible}: whether the caller may see who raised them (staff).
 */
public record OpenTickets(java.time.Instant asOf, List<OpenTicket> tickets, int openCount, int breachedCount,
		int atRiskCount, boolean requesterVisible) {

	public OpenTickets {
		tickets = List.copyOf(tickets);
	}

	static OpenTickets none(java.time.Instant asOf) {
		return new OpenTickets(asOf, List.of(), 0, 0, 0, false);
	}

	/**
	 * A ticket with its SLA state at {@link OpenTickets#asOf()}; in the console's queue also the working time
	 * left until it breaches (paused: the working time it keeps) and whether its calendar counts working time
	 * at that instant (null where not worked out).
	 */
	public record OpenTicket(Ticket ticket, SlaState state, java.time.Duration workingTimeLeft, Boolean counting) {

		public OpenTicket(Ticket ticket, SlaState state) {
			this(ticket, state, null, null);
		}
	}
}
