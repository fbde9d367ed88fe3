package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.SlaState;

/**
 * A ticket as one caller may see it: the messages they may read (internal notes for staff only), its SLA
 * state at {@code asOf}, what they may do to it now, and whether they see who raised it (staff).
 */
public record TicketView(Ticket ticket, SlaState slaState, List<TicketMessage> messages,
		List<Transition> allowedTransitions, boolean canReply, boolean requesterVisible, Instant asOf) {

	public TicketView {
		messages = List.copyOf(messages);
		allowedTransitions = List.copyOf(allowedTransitions);
	}

	/**
	 * The commitments the caller sees: staff every one; customers, services and partners the open ones (kept and
	 * cancelled ones are no longer shown to the customer), whose staff-only fields {@link #staffView()} tells apart.
	 */
	public List<Commitment> commitments() {
		return requesterVisible ? ticket.commitments()
				: ticket.commitments().stream().filter(Commitment::isOpen).toList();
	}

	/** Whether the caller is staff, and so reads who made and owns a commitment, reminders and cancellations. */
	public boolean staffView() {
		return requesterVisible;
	}

	static TicketView of(Ticket ticket, Caller caller, Instant asOf, int atRiskPercent) {
		boolean staff = Callers.isStaff(caller);
		List<TicketMessage> messages = staff ? ticket.messages()
				: ticket.messages().stream().filter(TicketMessage::isPublic).toList();
		boolean customer = Callers.isContact(caller);
		List<Transition> allowed = staff || customer ? Arrays.stream(Transition.values())
			.filter(t -> (staff || t.byCustomer()) && t.allowedFrom(ticket.status())).toList() : List.of();
		boolean canReply = (staff || customer || caller.hasScope("tickets.write"))
				&& ticket.status() != TicketStatus.CLOSED;
		return new TicketView(ticket, ticket.slaStateAt(asOf, atRiskPercent), messages, allowed, canReply, staff, asOf);
	}
}
