package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ticket.sla.SlaClock;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A support request or complaint of a customer organisation. {@code number} (T-1001) is what people quote;
 * {@code tier} is the organisation's tier the SLA was picked by, {@code tierAssumed} true when customer-service
 * could not be asked then. {@code outbox} holds the events the timeline has still to hear of (see
 * {@link TicketOutbox}). Changes answer a new ticket; the stored one changes only when saved.
 */
@Document("tickets")
@CompoundIndexes({ @CompoundIndex(name = "number", def = "{'number': 1}", unique = true),
		@CompoundIndex(name = "customer_status_opened", def = "{'customerId': 1, 'status': 1, 'openedAt': 1}"),
		@CompoundIndex(name = "customer_requester", def = "{'customerId': 1, 'requester.contactId': 1}"),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true) })
public record Ticket(@Id String id, String number, String customerId, String subject, TicketKind kind,
		Priority priority, TicketStatus status, Channel channel, Instant openedAt, Requester requester, String assignee,
		Instant firstRespondedAt, Instant resolvedAt, Tier tier, Boolean tierAssumed, SlaClock sla,
		@CreatedDate Instant createdAt, @Version Long version, List<TicketEvent> outbox,
		List<UndeliverableEvent> undeliverable) {

	@PersistenceCreator
	public Ticket {
		// A read that leaves the field out (the relay's) must still make a ticket.
		tierAssumed = Boolean.TRUE.equals(tierAssumed);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
	}

	/** An event customer-service refused for good, kept with its reason (see {@link TicketOutbox}). */
	public record UndeliverableEvent(String eventId, String kind, String reason) {
	}

	public boolean isOpen() {
		return status.isOpen();
	}

	/** Where the ticket stands against its SLA at {@code now}. */
	public SlaState slaStateAt(Instant now, int atRiskPercent) {
		return sla.stateAt(now, firstRespondedAt, resolvedAt, atRiskPercent);
	}

	/** The due time that matters next (see {@link SlaClock#nextDueAt}). */
	public Instant nextDueAt(Instant now) {
		return sla.nextDueAt(now, firstRespondedAt != null);
	}

	/** The same ticket with the event its opening must be told as (it must have its id and number). */
	Ticket withEventOfOpening() {
		return withOutbox(new TicketEvent("ticket-opened:" + id, TicketEvent.Kind.TICKET_OPENED, openedAt,
				label() + " " + number + " opened: " + subject, facts()));
	}

	/** The first response, given at {@code at} by {@code responder}, who takes the ticket if nobody has it. */
	Ticket respondedAt(Instant at, String responder) {
		String taker = assignee == null || assignee.isBlank() ? responder : assignee;
		return copy(status == TicketStatus.NEW ? TicketStatus.OPEN : status, taker,
				firstRespondedAt == null ? at : firstRespondedAt, resolvedAt, sla, outbox);
	}

	/**
	 * Waiting on the customer from {@code at}: the timers stand still. Asking the customer answers them, so
	 * it counts as the first response when none was given.
	 */
	Ticket waitingOnCustomerFrom(Instant at) {
		return copy(TicketStatus.PENDING, assignee, firstRespondedAt == null ? at : firstRespondedAt, resolvedAt,
				sla.pausedAt(at), outbox);
	}

	/** Back from the customer at {@code at}: the timers run again, due later by the time waited. */
	Ticket resumedAt(Instant at) {
		return copy(TicketStatus.OPEN, assignee, firstRespondedAt, resolvedAt,
				sla.resumedAt(at, firstRespondedAt != null), outbox);
	}

	/** Resolved at {@code at} (a wait on the customer ends then), with the event the timeline must hear of. */
	Ticket resolvedAt(Instant at) {
		SlaClock running = sla.resumedAt(at, firstRespondedAt != null);
		List<TicketEvent> events = new ArrayList<>(outbox);
		events.add(new TicketEvent("ticket-resolved:" + id, TicketEvent.Kind.TICKET_RESOLVED, at,
				label() + " " + number + " resolved: " + subject, facts()));
		return copy(TicketStatus.RESOLVED, assignee, firstRespondedAt, at, running, events);
	}

	/** The ticket with the requester's personal data taken out. */
	Ticket withRequesterErased() {
		return new Ticket(id, number, customerId, subject, kind, priority, status, channel, openedAt, Requester.ERASED,
				assignee, firstRespondedAt, resolvedAt, tier, tierAssumed, sla, createdAt, version, outbox, undeliverable);
	}

	private Ticket withOutbox(TicketEvent event) {
		List<TicketEvent> events = new ArrayList<>(outbox);
		events.add(event);
		return copy(status, assignee, firstRespondedAt, resolvedAt, sla, events);
	}

	private Ticket copy(TicketStatus status, String assignee, Instant firstRespondedAt, Instant resolvedAt, SlaClock sla,
			List<TicketEvent> outbox) {
		return new Ticket(id, number, customerId, subject, kind, priority, status, channel, openedAt, requester,
				assignee, firstRespondedAt, resolvedAt, tier, tierAssumed, sla, createdAt, version, outbox, undeliverable);
	}

	private String label() {
		return kind == TicketKind.COMPLAINT ? "Complaint" : "Request";
	}

	/** What the timeline keeps: no personal data, so that erasing the requester here leaves none there. */
	private Map<String, String> facts() {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("ticket_number", number);
		facts.put("kind", kind.name());
		facts.put("priority", priority.name());
		facts.put("channel", channel.name());
		facts.put("tier", tier.name());
		return facts;
	}
}
