package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * Moves tickets through their statuses ({@link Transition}) and to the agents who work them. Staff make every
 * move; a contact of the ticket's organisation closes or reopens its resolved tickets. A move the ticket's
 * status does not allow is a conflict (ABORTED, 409). Each change is audited with its reason; staff's reason
 * is also kept as an internal note.
 */
@Service
public class TicketWorkflow {

	static final int MAX_REASON = 500;

	private final TicketLookup lookup;

	private final TicketConversation conversation;

	private final AuditTrail audit;

	private final SlaProperties sla;

	private final SlaSettings settings;

	private final Clock clock;

	TicketWorkflow(TicketLookup lookup, TicketConversation conversation, AuditTrail audit, SlaProperties sla,
			SlaSettings settings, Clock clock) {
		this.lookup = lookup;
		this.conversation = conversation;
		this.audit = audit;
		this.sla = sla;
		this.settings = settings;
		this.clock = clock;
	}

	/** Makes {@code transition} on the caller's behalf. */
	public TicketView change(Caller caller, String idOrNumber, Transition transition, String reason) {
		boolean staff = Callers.isStaff(caller);
		if (!staff && !(Callers.isContact(caller) && (transition == null || transition.byCustomer()))) {
			throw new AccessDeniedException("This status change is for staff");
		}
		if (transition == null) {
			throw UnprocessableException.field(Message.of("ticket.cannot-change-status"), "transition",
					Message.of("ticket.transition.required"));
		}
		checkReason(reason, "ticket.cannot-change-status");
		Ticket ticket = lookup.visible(caller, idOrNumber);
		Instant now = clock.instant();
		Ticket saved = change(ticket.id(), transition, now);
		if (staff && reason != null && !reason.isBlank()) {
			saved = conversation.note(saved.id(), Author.of(caller), reason, now);
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("transition", transition.name());
		details.put("status", ticket.status() + " -> " + saved.status());
		if (reason != null && !reason.isBlank()) {
			details.put("reason", reason.strip());
		}
		audit.record(caller, "ticket.status-changed", "ticket", saved.id(), saved.customerId(), details);
		return TicketView.of(saved, caller, now, sla.atRiskPercent());
	}

	/** Makes {@code transition} at {@code at}, if the ticket's status allows it (else a conflict naming why). */
	public Ticket change(String id, Transition transition, Instant at) {
		return lookup.change(id, ticket -> {
			if (!transition.allowedFrom(ticket.status())) {
				throw new ConflictException(refusal(ticket, transition));
			}
			BusinessCalendar calendar = settings.calendar(ticket.sla().calendarId());
			return switch (transition) {
				case WAIT_ON_CUSTOMER -> ticket.waitingOnCustomerFrom(at, calendar);
				case RESUME -> ticket.resumedAt(at, calendar);
				case RESOLVE -> ticket.resolvedAt(at, calendar);
				case CLOSE -> ticket.closedAt(at);
				case REOPEN -> ticket.reopenedAt(at);
			};
		});
	}

	/** Why {@code transition} cannot be made from the ticket's status. */
	static Message refusal(Ticket ticket, Transition transition) {
		String number = ticket.number();
		return switch (ticket.status()) {
			case CLOSED -> Message.of("ticket.closed-already", number);
			case RESOLVED -> Message.of("ticket.resolved-already", number);
			case PENDING -> transition == Transition.WAIT_ON_CUSTOMER ? Message.of("ticket.already-waiting", number)
					: Message.of("ticket.not-resolved", number);
			case NEW, OPEN -> transition == Transition.RESUME ? Message.of("ticket.not-waiting", number)
					: Message.of("ticket.not-resolved", number);
		};
	}

	/**
	 * Works the ticket at another {@code priority} (staff, with a reason, kept as an internal note): its running
	 * targets become those of the policy of its tier and the new priority (see {@link Ticket#prioritisedAt});
	 * audited as {@code ticket.priority-changed}. The same priority again changes nothing; a resolved or closed
	 * ticket is a conflict.
	 */
	public TicketView changePriority(Caller caller, String idOrNumber, Priority priority, String reason) {
		Callers.requireStaff(caller, "A change of priority");
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "priority");
		if (priority == null) {
			errors.rejectValue("priority", "ticket.priority.required");
		}
		if (reason == null || reason.isBlank()) {
			errors.rejectValue("reason", "field.required");
		}
		else if (reason.strip().length() > MAX_REASON) {
			errors.rejectValue("reason", "field.too-long", new Object[] { MAX_REASON }, null);
		}
		UnprocessableException.throwIfAny(Message.of("ticket.cannot-change-priority"), errors);
		Ticket ticket = lookup.visible(caller, idOrNumber);
		Instant now = clock.instant();
		if (ticket.priority() == priority) {
			return TicketView.of(ticket, caller, now, sla.atRiskPercent());
		}
		Ticket saved = lookup.change(ticket.id(), fresh -> {
			if (!fresh.isOpen()) {
				throw new ConflictException(fresh.status() == TicketStatus.RESOLVED
						? Message.of("ticket.resolved-already", fresh.number())
						: Message.of("ticket.closed-already", fresh.number()));
			}
			SlaPolicy policy = settings.policy(fresh.tier(), priority);
			return fresh.prioritisedAt(priority, policy, settings.calendar(fresh.sla().calendarId()),
					settings.atRiskPercent(), now);
		});
		saved = conversation.note(saved.id(), Author.of(caller), reason, now);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("priority", ticket.priority() + " -> " + saved.priority());
		details.put("reason", reason.strip());
		audit.record(caller, "ticket.priority-changed", "ticket", saved.id(), saved.customerId(), details);
		return TicketView.of(saved, caller, now, sla.atRiskPercent());
	}

	/**
	 * Gives the ticket to {@code assigneeId} (the caller when blank), shown as {@code assigneeName} (else the
	 * user name, or the caller's name when they take it). Staff only; a reassignment needs a reason.
	 */
	public TicketView assign(Caller caller, String idOrNumber, String assigneeId, String assigneeName, String reason) {
		Callers.requireStaff(caller, "Assignment");
		checkReason(reason, "ticket.cannot-assign");
		boolean self = assigneeId == null || assigneeId.isBlank();
		String id = self ? caller.name() : assigneeId.strip();
		String name = assigneeName != null && !assigneeName.isBlank() ? assigneeName.strip()
				: self ? Author.displayName(caller) : id;
		Ticket ticket = lookup.visible(caller, idOrNumber);
		boolean hasReason = reason != null && !reason.isBlank();
		if (ticket.assigneeId() != null && !ticket.assigneeId().equals(id) && !hasReason) {
			throw UnprocessableException.field(Message.of("ticket.cannot-assign"), "reason",
					Message.of("ticket.reassign.reason-required"));
		}
		Instant now = clock.instant();
		Ticket saved = lookup.change(ticket.id(), fresh -> {
			if (fresh.status() == TicketStatus.CLOSED) {
				throw new ConflictException(Message.of("ticket.closed-already", fresh.number()));
			}
			return fresh.assignedTo(id, name, now);
		});
		if (hasReason) {
			saved = conversation.note(saved.id(), Author.of(caller), reason, now);
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("assignee", id);
		if (ticket.assigneeId() != null) {
			details.put("previous_assignee", ticket.assigneeId());
		}
		if (hasReason) {
			details.put("reason", reason.strip());
		}
		audit.record(caller, "ticket.assigned", "ticket", saved.id(), saved.customerId(), details);
		return TicketView.of(saved, caller, now, sla.atRiskPercent());
	}

	private static void checkReason(String reason, String refusal) {
		if (reason != null && reason.strip().length() > MAX_REASON) {
			throw UnprocessableException.field(Message.of(refusal), "reason", Message.of("field.too-long", MAX_REASON));
		}
	}
}
