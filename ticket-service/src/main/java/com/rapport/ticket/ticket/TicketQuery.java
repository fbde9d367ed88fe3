package com.rapport.ticket.ticket;

import java.util.Set;

import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;

/**
 * Which tickets to list: every filter given must hold (an empty set or null: any). {@code open}: true for NEW,
 * OPEN and PENDING, false for RESOLVED and CLOSED, null for all. The staff filters ({@code assignee},
 * {@code slaStates}, {@code tiers}, {@code channels}) are ignored for customers. {@code sort} null: most urgent
 * first for staff and services, newest first for customers. {@code assigneeId}: one agent's tickets (staff
 * only; with {@code assignee} ANY). {@code pageToken}: the token the previous page gave out (empty: the first
 * page); without one, {@code page} (counted from 0) pages a list newest first. {@code promisesDue} (staff only):
 * only the tickets with an open commitment due within the reminder lead time or past due, the soonest due (the
 * longest overdue) first, read from the index {@code queue_promise_due} (see {@link QueueKeys}).
 */
public record TicketQuery(String customerId, Boolean open, Set<TicketStatus> statuses, AssigneeFilter assignee,
		String assigneeId, Set<SlaState> slaStates, Set<Tier> tiers, Set<Channel> channels, int pageSize, int page,
		String pageToken, Sort sort, boolean promisesDue) {

	/** A query without the "promises due" view. */
	public TicketQuery(String customerId, Boolean open, Set<TicketStatus> statuses, AssigneeFilter assignee,
			String assigneeId, Set<SlaState> slaStates, Set<Tier> tiers, Set<Channel> channels, int pageSize,
			int page, String pageToken, Sort sort) {
		this(customerId, open, statuses, assignee, assigneeId, slaStates, tiers, channels, pageSize, page, pageToken,
				sort, false);
	}

	public TicketQuery {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		slaStates = slaStates == null ? Set.of() : Set.copyOf(slaStates);
		tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
		channels = channels == null ? Set.of() : Set.copyOf(channels);
	}

	public enum AssigneeFilter {
		ANY, ME, UNASSIGNED
	}

	public enum Sort {
		MOST_URGENT, NEWEST
	}

	/** One organisation's tickets, newest first, in statuses open or closed (null: all). */
	public static TicketQuery ofOrganisation(String customerId, Boolean open, int page, int pageSize) {
		return new TicketQuery(customerId, open, null, AssigneeFilter.ANY, null, null, null, null, pageSize, page,
				null, Sort.NEWEST);
	}
}
