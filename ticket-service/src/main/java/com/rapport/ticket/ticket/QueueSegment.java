package com.rapport.ticket.ticket;

import java.time.Instant;

import com.rapport.ticket.sla.SlaState;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The queue most urgent first is read as these segments, in this order, each from an index (see
 * {@link QueueKeys}) in the order of its sort key and then the id: breached (the longest breached first), at risk
 * and on track (the soonest due first), paused (the least working time left first), then resolved and closed
 * (newest first). Each segment is one SLA state, except the last, which holds the met and the breached done.
 */
enum QueueSegment {

	BREACHED, AT_RISK, ON_TRACK, PAUSED, DONE,

	/**
	 * Not a segment of the queue most urgent first: the "promises due" view (session 17), the tickets whose earliest
	 * open commitment is due before a bound (now and the reminder lead time; the overdue ones too), soonest due
	 * first, one range of the index {@code queue_promise_due} closed on both sides.
	 */
	PROMISE_DUE;

	static final String PROMISE_DUE_AT = "queue.promiseDueAt";

	static final String LANE = "queue.lane";

	static final String DUE = "queue.slaDueAt";

	static final String AT_RISK_FROM = "queue.slaAtRiskAt";

	static final String PAUSED_LEFT = "queue.pausedLeftSeconds";

	static final String MET = "queue.met";

	/**
	 * The running tickets not breached as of {@code now} (at risk and on track together): one range of the queue's
	 * due index, so that the store counts them from the index alone, where each of the two alone needs every
	 * ticket's at-risk instant read from the ticket.
	 */
	static Criteria runningNotBreached(Instant now) {
		return Criteria.where(LANE).is(QueueKeys.Lane.RUNNING).and(DUE).gte(now).lt(LATEST);
	}

	/**
	 * Ends that close a due-time range on both sides with instants: a range open on one side also holds, in an
	 * index, the values of other types sorted beyond it, so the embedded store would read every ticket to count
	 * it; closed by two instants it counts the range from the index alone. No due time falls outside them.
	 */
	static final Instant EARLIEST = Instant.EPOCH;

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	/**
	 * The tickets of this segment as of {@code now}, after the cursor's ticket when {@code after} is one of this
	 * segment (its key bounds the index range; the id breaks ties).
	 */
	Criteria criteria(Instant now, QueueCursor after) {
		boolean resume = after != null && after.segment() == this;
		Criteria lane = this == PROMISE_DUE ? new Criteria() : Criteria.where(LANE).is(switch (this) {
			case BREACHED, AT_RISK, ON_TRACK -> QueueKeys.Lane.RUNNING;
			case PAUSED -> QueueKeys.Lane.PAUSED;
			case DONE -> QueueKeys.Lane.DONE;
			case PROMISE_DUE -> throw new IllegalStateException();
		});
		boolean ranged = resume || this == BREACHED || this == AT_RISK || this == ON_TRACK || this == PROMISE_DUE;
		if (ranged) {
			Criteria key = this == PROMISE_DUE ? Criteria.where(keyField()) : lane.and(keyField());
			if (this == PROMISE_DUE) {
				// {@code now} is the view's bound here: due before it, or overdue.
				lane = key;
				key.gte(EARLIEST).lt(now);
			}
			else if (this == BREACHED) {
				key.gte(EARLIEST).lt(now);
			}
			else if (this == AT_RISK || this == ON_TRACK) {
				key.gte(now).lt(LATEST);
			}
			if (resume) {
				Object from = stored(after.key());
				if (descending()) {
					key.lte(from);
				}
				else {
					key.gte(from);
				}
			}
		}
		if (this == AT_RISK) {
			lane.and(AT_RISK_FROM).lt(now);
		}
		else if (this == ON_TRACK) {
			lane.and(AT_RISK_FROM).gte(now);
		}
		if (resume) {
			Object from = stored(after.key());
			lane.orOperator(descending() ? Criteria.where(keyField()).lt(from) : Criteria.where(keyField()).gt(from),
					descending() ? Criteria.where("_id").lt(after.id()) : Criteria.where("_id").gt(after.id()));
		}
		return lane;
	}

	/** The field this segment is ordered by (with the id after it). */
	String keyField() {
		return switch (this) {
			case BREACHED, AT_RISK, ON_TRACK -> DUE;
			case PAUSED -> PAUSED_LEFT;
			case DONE -> "openedAt";
			case PROMISE_DUE -> PROMISE_DUE_AT;
		};
	}

	boolean descending() {
		return this == DONE;
	}

	Sort sort() {
		Sort.Direction direction = descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(new Sort.Order(direction, keyField()), new Sort.Order(direction, "_id"));
	}

	/** The sort key of a ticket of this segment, as a cursor keeps it. */
	long key(Ticket ticket) {
		return switch (this) {
			case BREACHED, AT_RISK, ON_TRACK -> ticket.queue().slaDueAt().toEpochMilli();
			case PAUSED -> ticket.queue().pausedLeftSeconds();
			case DONE -> ticket.openedAt().toEpochMilli();
			case PROMISE_DUE -> ticket.queue().promiseDueAt().toEpochMilli();
		};
	}

	/** The key as stored, for a query after a cursor. */
	Object stored(long key) {
		return this == PAUSED ? (Object) key : Instant.ofEpochMilli(key);
	}

	/**
	 * The SLA state every ticket of this segment is in; null for the done, which are met or breached, and for the
	 * promises due, which are in any.
	 */
	SlaState state() {
		return switch (this) {
			case BREACHED -> SlaState.BREACHED;
			case AT_RISK -> SlaState.AT_RISK;
			case ON_TRACK -> SlaState.ON_TRACK;
			case PAUSED -> SlaState.PAUSED;
			case DONE, PROMISE_DUE -> null;
		};
	}
}
