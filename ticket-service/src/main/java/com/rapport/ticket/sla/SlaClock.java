package com.rapport.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * A ticket's SLA timers: the targets it was opened under (kept, so a later change of policy does not move an
 * open ticket's promise), the calendar they count working time on, their due times and the instants from which
 * each is at risk, and since when the ticket waits on the customer, if it does. The due and at-risk instants
 * are worked out on the calendar when a timer starts or moves, so where a ticket stands at any instant needs
 * no calendar: {@link #stateAt} compares. Time waiting on the customer does not count: {@link #resumedAt}
 * moves the running due times by the working time waited.
 *
 * <p>The next reply: after a reply of the customer that staff have not answered, staff owe a public reply by
 * {@code nextReplyDue}; answering late is a breach that stays ({@code nextReplyMissedAt}).
 *
 * @param pausedSince when the ticket began to wait on the customer; null while the timers run
 * @param calendarId  the calendar the targets count on; null on tickets opened before calendars (wall-clock)
 * @param pausedLeft  while paused: the working time that was left on the next due time at the pause
 */
public record SlaClock(Duration firstResponseTarget, Duration resolutionTarget, Instant firstResponseDue,
		Instant resolutionDue, Instant pausedSince, String calendarId, Duration nextReplyTarget, Instant nextReplyDue,
		Instant firstResponseRiskAt, Instant resolutionRiskAt, Instant nextReplyRiskAt, Instant nextReplyMissedAt,
		Duration pausedLeft) {

	@PersistenceCreator
	public SlaClock {
	}

	/** Wall-clock timers without a next-reply target, as the first slice kept them (tests, old tickets). */
	public SlaClock(Duration firstResponseTarget, Duration resolutionTarget, Instant firstResponseDue,
			Instant resolutionDue, Instant pausedSince) {
		this(firstResponseTarget, resolutionTarget, firstResponseDue, resolutionDue, pausedSince, null, null, null, null,
				null, null, null, null);
	}

	/** The timers of a ticket opened at {@code openedAt} under {@code policy}, counted on {@code calendar}. */
	static SlaClock start(SlaPolicy policy, Instant openedAt, BusinessCalendar calendar, int atRiskPercent) {
		Duration firstResponse = policy.firstResponse();
		Duration resolution = policy.resolution();
		return new SlaClock(firstResponse, resolution, calendar.plus(openedAt, firstResponse),
				calendar.plus(openedAt, resolution), null, calendar.id(), policy.nextReply(), null,
				calendar.plus(openedAt, beforeRisk(firstResponse, atRiskPercent)),
				calendar.plus(openedAt, beforeRisk(resolution, atRiskPercent)), null, null, null);
	}

	public boolean paused() {
		return pausedSince != null;
	}

	/** Whether staff owe the customer a reply (the customer wrote after staff's last public answer). */
	public boolean replyOwed() {
		return nextReplyDue != null;
	}

	/**
	 * The timers standing still from {@code at}; already paused, they stay as they are.
	 *
	 * @param firstResponded whether the first response was given
	 */
	public SlaClock pausedAt(Instant at, boolean firstResponded, BusinessCalendar calendar) {
		if (paused()) {
			return this;
		}
		Duration left = calendar.between(at, nextDue(firstResponded));
		return new SlaClock(firstResponseTarget, resolutionTarget, firstResponseDue, resolutionDue, at, calendarId,
				nextReplyTarget, nextReplyDue, firstResponseRiskAt, resolutionRiskAt, nextReplyRiskAt, nextReplyMissedAt,
				left);
	}

	/**
	 * The timers running again from {@code at}: each target not yet met is due later by the working time
	 * waited, so it has as much working time left as it had at the pause (a resumption on a Saturday leaves the
	 * same working time from Monday morning). Instants already past at the pause stay: a breach stays a breach.
	 *
	 * @param firstResponded whether the first response was already given (its due time then stays)
	 */
	public SlaClock resumedAt(Instant at, boolean firstResponded, BusinessCalendar calendar) {
		if (!paused()) {
			return this;
		}
		Instant from = at.isBefore(pausedSince) ? pausedSince : at;
		UnaryOperator<Instant> moved = instant -> instant == null || !instant.isAfter(pausedSince) ? instant
				: calendar.plus(from, calendar.between(pausedSince, instant));
		return new SlaClock(firstResponseTarget, resolutionTarget,
				firstResponded ? firstResponseDue : moved.apply(firstResponseDue), moved.apply(resolutionDue), null,
				calendarId, nextReplyTarget, moved.apply(nextReplyDue),
				firstResponded ? firstResponseRiskAt : moved.apply(firstResponseRiskAt), moved.apply(resolutionRiskAt),
				moved.apply(nextReplyRiskAt), nextReplyMissedAt, null);
	}

	/**
	 * The customer wrote at {@code at}: staff owe a public reply within the next-reply target (counted from the
	 * first unanswered reply: a second one does not move it). Nothing for tickets without that target.
	 */
	public SlaClock replyOwedFrom(Instant at, BusinessCalendar calendar, int atRiskPercent) {
		if (nextReplyTarget == null || replyOwed()) {
			return this;
		}
		return new SlaClock(firstResponseTarget, resolutionTarget, firstResponseDue, resolutionDue, pausedSince,
				calendarId, nextReplyTarget, calendar.plus(at, nextReplyTarget), firstResponseRiskAt, resolutionRiskAt,
				calendar.plus(at, beforeRisk(nextReplyTarget, atRiskPercent)), nextReplyMissedAt, pausedLeft);
	}

	/**
	 * Staff answered the customer at {@code at} (a public reply, a question while waiting on them, the
	 * resolution): no reply is owed any more; one owed and given late stays a breach.
	 */
	public SlaClock answeredAt(Instant at) {
		if (!replyOwed()) {
			return this;
		}
		Instant missed = nextReplyMissedAt != null ? nextReplyMissedAt : at.isAfter(nextReplyDue) ? nextReplyDue : null;
		return new SlaClock(firstResponseTarget, resolutionTarget, firstResponseDue, resolutionDue, pausedSince,
				calendarId, nextReplyTarget, null, firstResponseRiskAt, resolutionRiskAt, null, missed, pausedLeft);
	}

	/**
	 * The running targets under another policy (a change of priority, at {@code at}): each due time not yet
	 * passed moves by the difference of the targets in working time, so time already waited on the customer
	 * stays out of it; one already passed stays (a breach stays a breach). The new targets are kept.
	 */
	public SlaClock retargeted(SlaPolicy policy, Instant at, boolean firstResponded, BusinessCalendar calendar,
			int atRiskPercent) {
		// While paused the timers stand at the pause: what had not passed then is still running.
		Instant clock = paused() && pausedSince.isBefore(at) ? pausedSince : at;
		Instant firstDue = firstResponded || !firstResponseDue.isAfter(clock) ? firstResponseDue
				: calendar.plus(firstResponseDue, policy.firstResponse().minus(firstResponseTarget));
		Instant resolutionDueNow = !resolutionDue.isAfter(clock) ? resolutionDue
				: calendar.plus(resolutionDue, policy.resolution().minus(resolutionTarget));
		Instant replyDue = nextReplyDue == null || !nextReplyDue.isAfter(clock) || nextReplyTarget == null
				? nextReplyDue : calendar.plus(nextReplyDue, policy.nextReply().minus(nextReplyTarget));
		Instant firstRisk = firstDue.equals(firstResponseDue) ? firstResponseRiskAt
				: calendar.minus(firstDue, atRisk(policy.firstResponse(), atRiskPercent));
		Instant resolutionRisk = resolutionDueNow.equals(resolutionDue) ? resolutionRiskAt
				: calendar.minus(resolutionDueNow, atRisk(policy.resolution(), atRiskPercent));
		Instant replyRisk = replyDue == null || replyDue.equals(nextReplyDue) ? nextReplyRiskAt
				: calendar.minus(replyDue, atRisk(policy.nextReply(), atRiskPercent));
		SlaClock moved = new SlaClock(policy.firstResponse(), policy.resolution(), firstDue, resolutionDueNow, null,
				calendarId, policy.nextReply(), replyDue, firstRisk, resolutionRisk, replyRisk, nextReplyMissedAt, null);
		// Paused, it stays paused, with the working time left under the new targets.
		return paused() ? moved.pausedAt(pausedSince, firstResponded, calendar) : moved;
	}

	/**
	 * Where the ticket stands at {@code now}. A target is met when its event came at or before its due time
	 * and breached once its due time has passed without it; a breach stays a breach. While paused, the
	 * timers stand at the pause. At risk: a running target has less than {@code atRiskPercent} of its length
	 * left in working time (exactly that much is still on track; at its due time none is left).
	 *
	 * @param firstRespondedAt null until the first response
	 * @param resolvedAt       null until resolved
	 */
	public SlaState stateAt(Instant now, Instant firstRespondedAt, Instant resolvedAt, int atRiskPercent) {
		if (resolvedAt != null) {
			// Resolving answers the customer: a ticket resolved without a separate first response counts as
			// responded then.
			Instant responded = firstRespondedAt != null ? firstRespondedAt : resolvedAt;
			boolean met = !responded.isAfter(firstResponseDue) && !resolvedAt.isAfter(resolutionDue)
					&& nextReplyMissedAt == null && (nextReplyDue == null || !resolvedAt.isAfter(nextReplyDue));
			return met ? SlaState.MET : SlaState.BREACHED;
		}
		Instant clock = paused() && pausedSince.isBefore(now) ? pausedSince : now;
		boolean firstResponseBreached = firstRespondedAt != null ? firstRespondedAt.isAfter(firstResponseDue)
				: clock.isAfter(firstResponseDue);
		if (firstResponseBreached || clock.isAfter(resolutionDue) || nextReplyMissedAt != null
				|| (replyOwed() && clock.isAfter(nextReplyDue))) {
			return SlaState.BREACHED;
		}
		if (paused()) {
			return SlaState.PAUSED;
		}
		boolean atRisk = (firstRespondedAt == null
				&& now.isAfter(riskFrom(firstResponseRiskAt, firstResponseDue, firstResponseTarget, atRiskPercent)))
				|| now.isAfter(riskFrom(resolutionRiskAt, resolutionDue, resolutionTarget, atRiskPercent))
				|| (replyOwed() && now.isAfter(riskFrom(nextReplyRiskAt, nextReplyDue, nextReplyTarget, atRiskPercent)));
		return atRisk ? SlaState.AT_RISK : SlaState.ON_TRACK;
	}

	/**
	 * The due time that matters next: the first response's until it is given, a reply owed to the customer,
	 * the resolution's; the earliest of those running. For paused timers, where it would be if they ran again
	 * at {@code now} (with the working time left at the pause; on wall-clock timers, the time waited added).
	 */
	public Instant nextDueAt(Instant now, boolean firstResponded) {
		Instant due = nextDue(firstResponded);
		if (paused() && pausedSince.isBefore(now)) {
			return pausedLeft != null ? now.plus(pausedLeft) : due.plus(Duration.between(pausedSince, now));
		}
		return due;
	}

	/**
	 * From when the ticket is breached unless something happens first: a breach that already stays (a first
	 * response or a reply given late) or the earliest due time still running. {@link #stateAt} says
	 * {@code BREACHED} exactly when its clock is after this instant.
	 *
	 * @param firstRespondedAt null until the first response
	 */
	public Instant breachFrom(Instant firstRespondedAt) {
		Instant from = resolutionDue;
		if (firstRespondedAt == null || firstRespondedAt.isAfter(firstResponseDue)) {
			from = earlier(from, firstResponseDue);
		}
		if (nextReplyMissedAt != null) {
			from = earlier(from, nextReplyMissedAt);
		}
		return replyOwed() ? earlier(from, nextReplyDue) : from;
	}

	/**
	 * From when a running ticket is at risk: the earliest at-risk instant of its running targets (never later
	 * than {@link #breachFrom}). {@link #stateAt} says {@code AT_RISK} (or worse) exactly when {@code now} is
	 * after it.
	 */
	public Instant atRiskFrom(Instant firstRespondedAt, int atRiskPercent) {
		Instant from = earlier(breachFrom(firstRespondedAt),
				riskFrom(resolutionRiskAt, resolutionDue, resolutionTarget, atRiskPercent));
		if (firstRespondedAt == null) {
			from = earlier(from, riskFrom(firstResponseRiskAt, firstResponseDue, firstResponseTarget, atRiskPercent));
		}
		return replyOwed() ? earlier(from, riskFrom(nextReplyRiskAt, nextReplyDue, nextReplyTarget, atRiskPercent))
				: from;
	}

	/**
	 * While paused and not breached before the pause: the working time the next due time would have left if
	 * the timers ran again (as {@link #nextDueAt} counts it); else null.
	 */
	public Duration leftWhilePaused(Instant firstRespondedAt) {
		if (!paused() || pausedSince.isAfter(breachFrom(firstRespondedAt))) {
			return null;
		}
		return pausedLeft != null ? pausedLeft : Duration.between(pausedSince, nextDue(firstRespondedAt != null));
	}

	private Instant nextDue(boolean firstResponded) {
		Instant due = firstResponded ? resolutionDue : earlier(firstResponseDue, resolutionDue);
		return replyOwed() ? earlier(due, nextReplyDue) : due;
	}

	private static Instant earlier(Instant a, Instant b) {
		return b.isBefore(a) ? b : a;
	}

	/** From when a target is at risk: stored, else (wall-clock timers) its due time less the at-risk share. */
	private static Instant riskFrom(Instant stored, Instant due, Duration target, int atRiskPercent) {
		return stored != null ? stored : due.minus(atRisk(target, atRiskPercent));
	}

	/** The at-risk share of a target. */
	private static Duration atRisk(Duration target, int atRiskPercent) {
		return target.multipliedBy(atRiskPercent).dividedBy(100);
	}

	/** The part of a target before it is at risk. */
	private static Duration beforeRisk(Duration target, int atRiskPercent) {
		return target.minus(atRisk(target, atRiskPercent));
	}
}
