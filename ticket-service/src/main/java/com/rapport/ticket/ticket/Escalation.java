package com.rapport.ticket.ticket;

import java.time.Instant;

import com.rapport.ticket.sla.Priority;

/**
 * A ticket taken to the team's manager, once per kind: {@code BREACH} (an SLA target passed: the priority went
 * one step up, from {@code fromPriority} to {@code toPriority}, recomputing the running targets) or
 * {@code CRITICAL_COMPLAINT} (a complaint of critical severity, at its opening; the priority stays). The manager's
 * mail is owed while {@code mailPending} is true and sent at {@code mailedAt}; a replica about to send it holds it
 * until {@code mailClaimedUntil} (its claim, so that no other replica sends it too; one that dies mid-send leaves it
 * owed again when the claim runs out).
 */
public record Escalation(Kind kind, Instant at, Priority fromPriority, Priority toPriority, String reason,
		Boolean mailPending, Instant mailedAt, Instant mailClaimedUntil) {

	public enum Kind {
		BREACH, CRITICAL_COMPLAINT
	}

	Escalation mailed(Instant when) {
		return new Escalation(kind, at, fromPriority, toPriority, reason, null, when, null);
	}

	/** One step up; urgent stays urgent. */
	static Priority stepUp(Priority priority) {
		return switch (priority) {
			case LOW -> Priority.NORMAL;
			case NORMAL -> Priority.HIGH;
			case HIGH, URGENT -> Priority.URGENT;
		};
	}
}
