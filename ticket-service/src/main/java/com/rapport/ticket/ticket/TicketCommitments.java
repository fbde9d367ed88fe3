package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Commitments made in tickets (see {@link Commitment} for the rules on their edges): staff record them; the owner,
 * a manager or an admin marks one kept; staff cancel one with a reason. Each change is audited (never the words of
 * the promise) and told to the customer's timeline through the ticket's outbox, in the same write.
 */
@Service
public class TicketCommitments {

	static final int MAX_WHAT = 500;

	static final int MAX_OWNER = 100;

	private final TicketLookup lookup;

	private final AuditTrail audit;

	private final CommitmentProperties properties;

	private final Clock clock;

	TicketCommitments(TicketLookup lookup, AuditTrail audit, CommitmentProperties properties, Clock clock) {
		this.lookup = lookup;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a caller asks to promise; a blank owner is the caller. */
	public record NewCommitment(String ticketId, Commitment.Kind kind, String what, String ownerId, String ownerName,
			Instant dueAt) {
	}

	/** Records {@code request} on its ticket; answers the commitment. */
	public Commitment record(Caller caller, NewCommitment request) {
		Callers.requireStaff(caller, "Recording a commitment");
		Instant now = clock.instant();
		Map<String, Message> bad = new LinkedHashMap<>();
		if (request.kind() == null) {
			bad.put("kind", Message.of("commitment.kind.required"));
		}
		String what = request.what() == null ? "" : request.what().strip();
		if (what.isEmpty()) {
			bad.put("what", Message.of("field.required"));
		}
		else if (what.length() > MAX_WHAT) {
			bad.put("what", Message.of("field.too-long", MAX_WHAT));
		}
		if (request.dueAt() == null) {
			bad.put("dueAt", Message.of("field.required"));
		}
		else if (!request.dueAt().isAfter(now)) {
			bad.put("dueAt", Message.of("commitment.due.future"));
		}
		String ownerId = blankToNull(request.ownerId());
		String ownerName = blankToNull(request.ownerName());
		if (ownerId != null && ownerId.length() > MAX_OWNER) {
			bad.put("ownerId", Message.of("field.too-long", MAX_OWNER));
		}
		if (ownerName != null && ownerName.length() > MAX_OWNER) {
			bad.put("ownerName", Message.of("field.too-long", MAX_OWNER));
		}
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("commitment.cannot-record"), bad);
		}
		Ticket ticket = lookup.visible(caller, request.ticketId());
		Author staff = Author.of(caller);
		boolean self = ownerId == null || ownerId.equals(caller.name());
		String owner = self ? caller.name() : ownerId;
		String shownAs = self ? staff.name() : ownerName != null ? ownerName : ownerId;
		// The owner's address is known from the token when they promise it themselves; another agent's is not
		// (the reminder then goes to the team's manager, naming them: see CommitmentReminderMail).
		String email = self ? Author.email(caller) : null;
		Instant remindAt = request.dueAt().minus(properties.reminderLead());
		Commitment commitment = new Commitment(UUID.randomUUID().toString(), request.kind(), what, owner, shownAs,
				email, request.dueAt(), remindAt.isBefore(now) ? now : remindAt, now, caller.name(), staff.name(),
				Commitment.Status.OPEN, null, null, null, null, null, null);
		Ticket saved = lookup.change(ticket.id(), fresh -> {
			if (fresh.status() == TicketStatus.CLOSED) {
				throw new ConflictException(Message.of("ticket.closed-already", fresh.number()));
			}
			return fresh.withCommitment(commitment);
		});
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("commitment_id", commitment.id());
		details.put("kind", commitment.kind().name());
		details.put("owner", commitment.ownerId());
		details.put("due_at", commitment.dueAt().toString());
		audit.record(caller, "commitment.recorded", "ticket", saved.id(), saved.customerId(), details);
		return commitment;
	}

	/** Marks the commitment kept now: its owner, a manager or an admin. */
	public Commitment keep(Caller caller, String ticketId, String commitmentId) {
		Callers.requireStaff(caller, "Keeping a commitment");
		Ticket ticket = lookup.visible(caller, ticketId);
		Commitment found = find(ticket, commitmentId);
		if (!found.ownerId().equals(caller.name()) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Only its owner, a manager or an admin marks a commitment kept");
		}
		Instant now = clock.instant();
		Ticket saved = lookup.change(ticket.id(), fresh -> {
			Commitment current = open(fresh, commitmentId);
			return fresh.withCommitmentChanged(current.keptAt(now), now);
		});
		Commitment kept = saved.commitment(commitmentId).orElseThrow();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("commitment_id", commitmentId);
		details.put("in_time", Boolean.toString(kept.keptInTime()));
		audit.record(caller, "commitment.kept", "ticket", saved.id(), saved.customerId(), details);
		return kept;
	}

	/** Cancels the open commitment with a reason: staff. */
	public Commitment cancel(Caller caller, String ticketId, String commitmentId, String reason) {
		Callers.requireStaff(caller, "Cancelling a commitment");
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw UnprocessableException.field(Message.of("commitment.cannot-cancel"), "reason",
					Message.of("field.required"));
		}
		if (why.length() > TicketWorkflow.MAX_REASON) {
			throw UnprocessableException.field(Message.of("commitment.cannot-cancel"), "reason",
					Message.of("field.too-long", TicketWorkflow.MAX_REASON));
		}
		Ticket ticket = lookup.visible(caller, ticketId);
		find(ticket, commitmentId);
		Instant now = clock.instant();
		String by = Author.of(caller).name();
		Ticket saved = lookup.change(ticket.id(), fresh -> {
			Commitment current = open(fresh, commitmentId);
			return fresh.withCommitmentChanged(current.cancelledAt(now, by, why), now);
		});
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("commitment_id", commitmentId);
		details.put("reason", why);
		audit.record(caller, "commitment.cancelled", "ticket", saved.id(), saved.customerId(), details);
		return saved.commitment(commitmentId).orElseThrow();
	}

	/**
	 * A commitment made at {@code made.madeAt()} as the demo data and imports give it (no caller, not audited: the
	 * platform's own work), then kept at {@code keptAt} or found broken at {@code brokenAt} (either may be null),
	 * each with its event for the timeline.
	 */
	public Commitment load(String ticketId, Commitment made, Instant keptAt, Instant brokenAt) {
		Ticket saved = lookup.change(ticketId, fresh -> {
			Ticket changed = fresh.withCommitment(made);
			if (brokenAt != null) {
				changed = changed.withCommitmentChanged(made.brokenFrom(brokenAt), brokenAt, false);
			}
			if (keptAt != null) {
				Commitment current = changed.commitment(made.id()).orElseThrow();
				changed = changed.withCommitmentChanged(current.keptAt(keptAt), keptAt);
			}
			return changed;
		});
		return saved.commitment(made.id()).orElseThrow();
	}

	private static Commitment find(Ticket ticket, String commitmentId) {
		return ticket.commitment(commitmentId == null ? "" : commitmentId.strip())
			.orElseThrow(() -> new NotFoundException(Message.of("commitment.not-found", commitmentId)));
	}

	/** The commitment on the fresh ticket, refused unless still open (of two at once, the second is refused). */
	private static Commitment open(Ticket fresh, String commitmentId) {
		Commitment current = find(fresh, commitmentId);
		return switch (current.status()) {
			case OPEN -> current;
			case KEPT -> throw new ConflictException(Message.of("commitment.kept-already"));
			case CANCELLED -> throw new ConflictException(Message.of("commitment.cancelled-already"));
		};
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
