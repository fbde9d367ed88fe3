package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.rapport.ticket.sla.SlaClock;
import com.rapport.ticket.sla.SlaState;

/**
 * Where a ticket stands in the console's queue, kept on the ticket (field {@code queue}) so that the queue is read
 * from indexes instead of being worked out over every open ticket. Worked out from the ticket's status and SLA
 * timers whenever a ticket is made, so every change that moves a timer (opening, replies, status moves, a pause
 * and its end, a change of priority) stores it current with the ticket.
 *
 * <ul>
 * <li>{@code lane} {@code RUNNING}: open with its timers running, or waiting on the customer after a breach;
 * {@code slaDueAt} is when it is (or was) breached, {@code slaAtRiskAt} when it is at risk: breached while
 * {@code slaDueAt} is before now, at risk while {@code slaAtRiskAt} is, else on track.</li>
 * <li>{@code PAUSED}: waiting on the customer, not breached: {@code pausedLeftSeconds} the working time its
 * next due time keeps; both instants null.</li>
 * <li>{@code DONE}: resolved or closed; {@code met} whether it kept its SLA.</li>
 * </ul>
 * {@code assignee} is the assignee's user name, {@code ""} when nobody has it (equality to null is not indexable
 * on the embedded store). Tickets opened before calendars that keep no at-risk instants are at risk at the
 * default share ({@value #DEFAULT_AT_RISK_PERCENT} %).
 *
 * <p>{@code promiseDueAt} (session 17) is the earliest due time of the ticket's open commitments, whatever its
 * status, absent when it has none (index {@code queue_promise_due}): the console's "promises due" view reads the
 * tickets whose promise falls due within the reminder lead time, or is past due, as one range of that index.
 */
public record QueueKeys(Lane lane, Instant slaDueAt, Instant slaAtRiskAt, Long pausedLeftSeconds, Boolean met,
		String assignee, Instant promiseDueAt) {

	/** Keys of a ticket without an open commitment. */
	public QueueKeys(Lane lane, Instant slaDueAt, Instant slaAtRiskAt, Long pausedLeftSeconds, Boolean met,
			String assignee) {
		this(lane, slaDueAt, slaAtRiskAt, pausedLeftSeconds, met, assignee, null);
	}

	static final int DEFAULT_AT_RISK_PERCENT = 25;

	public enum Lane {
		RUNNING, PAUSED, DONE
	}

	static QueueKeys of(TicketStatus status, SlaClock sla, Instant firstRespondedAt, Instant resolvedAt,
			String assigneeId, List<Commitment> commitments) {
		return of(status, sla, firstRespondedAt, resolvedAt, assigneeId).withPromiseDueAt(commitments.stream()
			.filter(Commitment::isOpen)
			.map(Commitment::dueAt)
			.filter(java.util.Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null));
	}

	private QueueKeys withPromiseDueAt(Instant dueAt) {
		return new QueueKeys(lane, slaDueAt, slaAtRiskAt, pausedLeftSeconds, met, assignee, dueAt);
	}

	/** Whether its earliest open promise falls due before {@code bound} (overdue ones too). */
	public boolean promiseDueBefore(Instant bound) {
		return promiseDueAt != null && bound != null && promiseDueAt.isBefore(bound);
	}

	static QueueKeys of(TicketStatus status, SlaClock sla, Instant firstRespondedAt, Instant resolvedAt,
			String assigneeId) {
		String assignee = assigneeId == null ? "" : assigneeId;
		if (status == null || sla == null) {
			return new QueueKeys(null, null, null, null, null, assignee);
		}
		if (!status.isOpen()) {
			Boolean met = resolvedAt == null ? null
					: sla.stateAt(resolvedAt, firstRespondedAt, resolvedAt, DEFAULT_AT_RISK_PERCENT) == SlaState.MET;
			return new QueueKeys(Lane.DONE, null, null, null, met, assignee);
		}
		Duration left = sla.leftWhilePaused(firstRespondedAt);
		if (left != null) {
			return new QueueKeys(Lane.PAUSED, null, null, Math.max(left.toSeconds(), 0), null, assignee);
		}
		return new QueueKeys(Lane.RUNNING, sla.breachFrom(firstRespondedAt),
				sla.atRiskFrom(firstRespondedAt, DEFAULT_AT_RISK_PERCENT), null, null, assignee);
	}
}
