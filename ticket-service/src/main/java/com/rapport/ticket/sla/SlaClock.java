package com.rapport.ticket.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A ticket's SLA timers: the targets it was opened under (kept, so a later change of policy does not move
 * an open ticket's promise), their due times, and since when it waits on the customer, if it does. Time
 * waiting on the customer does not count: {@link #resumed} moves the due times of the targets still running
 * by the time waited.
 *
 * @param pausedSince when the ticket began to wait on the customer; null while the timers run
 */
public record SlaClock(Duration firstResponseTarget, Duration resolutionTarget, Instant firstResponseDue,
		Instant resolutionDue, Instant pausedSince) {

	public boolean paused() {
		return pausedSince != null;
	}

	/** The timers standing still from {@code at}; already paused, they stay as they are. */
	public SlaClock pausedAt(Instant at) {
		return paused() ? this : new SlaClock(firstResponseTarget, resolutionTarget, firstResponseDue, resolutionDue, at);
	}

	/**
	 * The timers running again from {@code at}: each target not yet met is due later by the time waited.
	 *
	 * @param firstResponded whether the first response was already given (its due time then stays)
	 */
	public SlaClock resumedAt(Instant at, boolean firstResponded) {
		if (!paused()) {
			return this;
		}
		Duration waited = Duration.between(pausedSince, at);
		if (waited.isNegative()) {
			waited = Duration.ZERO;
		}
		return new SlaClock(firstResponseTarget, resolutionTarget,
				firstResponded ? firstResponseDue : firstResponseDue.plus(waited), resolutionDue.plus(waited), null);
	}

	/**
	 * Where the ticket stands at {@code now}. A target is met when its event came at or before its due time
	 * and breached once its due time has passed without it; a breach stays a breach. While paused, the
	 * timers stand at the pause. At risk: a running target has less than {@code atRiskPercent} of its length
	 * left (exactly that much is still on track; at its due time none is left).
	 *
	 * @param firstRespondedAt null until the first response
	 * @param resolvedAt       null until resolved
	 */
	public SlaState stateAt(Instant now, Instant firstRespondedAt, Instant resolvedAt, int atRiskPercent) {
		if (resolvedAt != null) {
			// Resolving answers the customer: a ticket resolved without a separate first response counts as
			// responded then.
			Instant responded = firstRespondedAt != null ? firstRespondedAt : resolvedAt;
			boolean met = !responded.isAfter(firstResponseDue) && !resolvedAt.isAfter(resolutionDue);
			return met ? SlaState.MET : SlaState.BREACHED;
		}
		Instant clock = paused() && pausedSince.isBefore(now) ? pausedSince : now;
		boolean firstResponseBreached = firstRespondedAt != null ? firstRespondedAt.isAfter(firstResponseDue)
				: clock.isAfter(firstResponseDue);
		if (firstResponseBreached || clock.isAfter(resolutionDue)) {
			return SlaState.BREACHED;
		}
		if (paused()) {
			return SlaState.PAUSED;
		}
		boolean atRisk = (firstRespondedAt == null && atRisk(now, firstResponseDue, firstResponseTarget, atRiskPercent))
				|| atRisk(now, resolutionDue, resolutionTarget, atRiskPercent);
		return atRisk ? SlaState.AT_RISK : SlaState.ON_TRACK;
	}

	/**
	 * The due time that matters next: the first response's until it is given, then the resolution's. For
	 * paused timers, where it would be if they ran again at {@code now}.
	 */
	public Instant nextDueAt(Instant now, boolean firstResponded) {
		Instant due = firstResponded ? resolutionDue : firstResponseDue;
		if (paused() && pausedSince.isBefore(now)) {
			return due.plus(Duration.between(pausedSince, now));
		}
		return due;
	}

	private static boolean atRisk(Instant now, Instant due, Duration target, int atRiskPercent) {
		Duration left = Duration.between(now, due);
		return left.multipliedBy(100).compareTo(target.multipliedBy(atRiskPercent)) < 0;
	}
}
