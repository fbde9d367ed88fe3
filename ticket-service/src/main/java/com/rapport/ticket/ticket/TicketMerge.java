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
import com.rapport.ticket.sla.SlaProperties;

import org.springframework.stereotype.Service;

/**
 * Merges a duplicate ticket into the one that goes on (the survivor), for staff, with a reason: both conversations
 * are kept; the duplicate is closed, points at the survivor and tells the customer so in a public message (in
 * Chinese and English: the portal says it in the reader's language too); the survivor keeps an internal note. Only
 * tickets of one organisation, neither closed nor merged before, and never a ticket into itself (409 otherwise).
 */
@Service
public class TicketMerge {

	private final TicketLookup lookup;

	private final AuditTrail audit;

	private final SlaProperties sla;

	private final Clock clock;

	TicketMerge(TicketLookup lookup, AuditTrail audit, SlaProperties sla, Clock clock) {
		this.lookup = lookup;
		this.audit = audit;
		this.sla = sla;
		this.clock = clock;
	}

	/** Merges {@code duplicateId} into {@code survivorId} (ids or numbers); answers the survivor. */
	public TicketView merge(Caller caller, String duplicateId, String survivorId, String reason) {
		Callers.requireStaff(caller, "Merging tickets");
		Map<String, Message> bad = new LinkedHashMap<>();
		if (survivorId == null || survivorId.isBlank()) {
			bad.put("survivorId", Message.of("field.required"));
		}
		if (reason == null || reason.isBlank()) {
			bad.put("reason", Message.of("field.required"));
		}
		else if (reason.strip().length() > TicketWorkflow.MAX_REASON) {
			bad.put("reason", Message.of("field.too-long", TicketWorkflow.MAX_REASON));
		}
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("ticket.cannot-merge"), bad);
		}
		Ticket duplicate = lookup.visible(caller, duplicateId);
		Ticket survivor = lookup.visible(caller, survivorId);
		if (duplicate.id().equals(survivor.id())) {
			throw new ConflictException(Message.of("ticket.merge.same", duplicate.number()));
		}
		if (!duplicate.customerId().equals(survivor.customerId())) {
			throw new ConflictException(
					Message.of("ticket.merge.other-organisation", duplicate.number(), survivor.number()));
		}
		if (survivor.merge() != null) {
			throw new ConflictException(
					Message.of("ticket.merge.into-merged", survivor.number(), survivor.merge().intoNumber()));
		}
		if (survivor.status() == TicketStatus.CLOSED) {
			throw new ConflictException(Message.of("ticket.merge.closed", survivor.number()));
		}
		Instant now = clock.instant();
		Author staff = Author.of(caller);
		String why = reason.strip();
		Ticket merged = lookup.change(duplicate.id(), fresh -> {
			// Checked on the fresh copy: of two staff merging it at once, the second is refused.
			if (fresh.merge() != null) {
				throw new ConflictException(
						Message.of("ticket.merge.already-merged", fresh.number(), fresh.merge().intoNumber()));
			}
			if (fresh.status() == TicketStatus.CLOSED) {
				throw new ConflictException(Message.of("ticket.merge.closed", fresh.number()));
			}
			return fresh
				.withMessage(staff.says(MessageBodies.sanitise("Merged into " + survivor.number() + ": " + why), true, now))
				.withMessage(Author.SYSTEM.says(notice(survivor.number()), false, now))
				.mergedInto(new Merge(survivor.id(), survivor.number(), now, staff.id(), staff.name()));
		});
		Ticket kept = lookup.change(survivor.id(), fresh -> fresh.withMessage(staff.says(MessageBodies
			.sanitise("Merged " + merged.number() + " (" + merged.subject() + ") into this ticket: " + why), true, now)));
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", merged.number());
		details.put("into", kept.number());
		details.put("reason", why);
		audit.record(caller, "ticket.merged", "ticket", merged.id(), merged.customerId(), details);
		return TicketView.of(kept, caller, now, sla.atRiskPercent());
	}

	/** What the customer reads on the duplicate, in both languages the platform speaks. */
	static String notice(String survivorNumber) {
		return "<p>This request was merged into " + survivorNumber + ", where we go on with it.</p><p>此请求已合并到 "
				+ survivorNumber + "，我们将在那里继续处理。</p>";
	}
}
