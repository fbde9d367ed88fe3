package com.rapport.ticket.ticket;

import java.util.List;

import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;
import com.rapport.support.timeline.TimelineOutbox;

import org.springframework.stereotype.Component;

/**
 * Tickets' events as customer-service's timeline hears of them: of the ticket's organisation, about
 * {@code ticket:<id>}. platform-support's relay delivers them every few seconds under lease
 * {@code ticket-event-relay}; a change saved from a copy read before a delivery puts the event back, which the
 * receiver ignores (one interaction per event id).
 */
@Component
class TicketOutbox implements TimelineOutbox<Ticket, TicketEvent> {

	@Override
	public Class<Ticket> recordType() {
		return Ticket.class;
	}

	@Override
	public List<String> fields() {
		return List.of("customerId");
	}

	@Override
	public List<TicketEvent> outbox(Ticket ticket) {
		return ticket.outbox();
	}

	@Override
	public TimelineEntry entryOf(Ticket ticket, TicketEvent event) {
		String number = event.facts().getOrDefault("ticket_number", "");
		boolean complaint = "COMPLAINT".equals(event.facts().get("kind"));
		String code = switch (event.kind()) {
			case TICKET_OPENED -> complaint ? "timeline.complaint.opened" : "timeline.request.opened";
			case TICKET_RESOLVED -> complaint ? "timeline.complaint.resolved" : "timeline.request.resolved";
			case COMMITMENT_MADE -> "timeline.commitment.made";
			case COMMITMENT_KEPT -> "timeline.commitment.kept";
			case COMMITMENT_BROKEN -> "timeline.commitment.broken";
		};
		// customer-service's timeline has no kind of its own for a promise: it is care of the customer, as an
		// invoice's promise to pay is in order-tracking-service.
		String kind = switch (event.kind()) {
			case COMMITMENT_MADE, COMMITMENT_KEPT, COMMITMENT_BROKEN -> "CARE_EVENT";
			default -> event.kind().name();
		};
		return new TimelineEntry(event.eventId(), ticket.customerId(), kind, event.occurredAt(),
				event.summary(), "ticket:" + ticket.id(), event.facts(), code, List.of(number, subjectOf(event.summary())));
	}

	/** The subject the English line ends with ("Request T-1001 opened: subject"); the relay reads no more of the ticket. */
	static String subjectOf(String summary) {
		int colon = summary == null ? -1 : summary.indexOf(": ");
		return colon < 0 ? "" : summary.substring(colon + 2);
	}

	@Override
	public String recordName() {
		return "ticket";
	}

	@Override
	public String leaseName() {
		return "ticket-event-relay";
	}
}
