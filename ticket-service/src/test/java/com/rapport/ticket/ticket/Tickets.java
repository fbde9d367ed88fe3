package com.rapport.ticket.ticket;

import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.Tier;

/** Test tickets. */
final class Tickets {

	static final Requester ALICE = Requester.of("contact-alice", "Alice Chen", "Alice.Chen@acme-retail.example");

	private Tickets() {
	}

	static NewTicket newTicket(String customerId, String subject) {
		return new NewTicket(customerId, subject, TicketKind.REQUEST, Priority.NORMAL, Channel.PORTAL, ALICE);
	}

	/** A ticket as stored, opened at {@code openedAt} under the default policy of {@code tier}, nothing done yet. */
	static Ticket stored(String customerId, String number, Instant openedAt, Tier tier, Requester requester) {
		return new Ticket(UUID.randomUUID().toString(), number, customerId, "Subject of " + number, TicketKind.REQUEST,
				Priority.NORMAL, TicketStatus.NEW, Channel.PORTAL, openedAt, requester, null, null, null, tier, false,
				SlaProperties.defaults().policyFor(tier).start(openedAt, BusinessCalendar.ROUND_THE_CLOCK, 25), null, null, List.of(), List.of());
	}

	static Ticket stored(String customerId, String number, Instant openedAt) {
		return stored(customerId, number, openedAt, Tier.NORMAL, ALICE);
	}

	static Ticket resolved(Ticket ticket) {
		return ticket.respondedAt(ticket.openedAt().plus(Duration.ofMinutes(5)), "Li Na")
			.resolvedAt(ticket.openedAt().plus(Duration.ofMinutes(10)), BusinessCalendar.ROUND_THE_CLOCK);
	}
}
