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
		return new TimelineEntry(event.eventId(), ticket.customerId(), event.kind().name(), event.occurredAt(),
				event.summary(), "ticket:" + ticket.id(), event.facts());
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
