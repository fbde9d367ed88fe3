package com.rapport.ticket.ticket;

import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * A promise an agent made in a ticket (issue 9, "Commitments"): what kind, what (in the customer's words), who
 * keeps it ({@code ownerId} user name, {@code ownerName}, {@code ownerEmail} when known) and by when
 * ({@code dueAt}). The owner is reminded once from {@code remindAt} ({@code remindedAt} marks it, claimed in one
 * conditional write: see {@link CommitmentSweep}).
 *
 * <p>The rules on their edges: kept at or before its due time is <b>kept</b>; still open after it (a second later),
 * or kept later, is <b>broken</b>: {@code brokenAt} is set once (by the sweep, by a late keep, or by a cancel after
 * the due time) and never unset, so it is counted once, and a broken commitment kept late stays broken (it is shown
 * as kept, late). Cancelled before its due time it is neither. The customer sees it while it is {@code OPEN}.
 */
public record Commitment(String id, Kind kind, String what, String ownerId, String ownerName, String ownerEmail,
		Instant dueAt, Instant remindAt, Instant madeAt, String madeById, String madeByName, Status status,
		Instant keptAt, Instant cancelledAt, String cancelledByName, String cancelReason, Instant remindedAt,
		Instant brokenAt, Instant remindKey, Instant breakKey) {

	/**
	 * The sweep's keys (session 16), worked out from the rest and stored with it, absent once there is nothing left to
	 * do (indexes {@code commitments_pending_remind}, {@code commitments_pending_break}, sparse): {@code remindKey} is
	 * {@code remindAt} while the reminder is owed (open, not reminded, not broken), {@code breakKey} is {@code dueAt}
	 * while it is open and not found broken. So the sweep reads only commitments it may still act on, never the kept,
	 * cancelled, reminded or broken ones that pile up over the years.
	 */
	@PersistenceCreator
	public Commitment {
		boolean open = status == Status.OPEN;
		remindKey = open && remindedAt == null && brokenAt == null ? remindAt : null;
		breakKey = open && brokenAt == null ? dueAt : null;
	}

	/** A commitment; its sweep keys are worked out. */
	public Commitment(String id, Kind kind, String what, String ownerId, String ownerName, String ownerEmail,
			Instant dueAt, Instant remindAt, Instant madeAt, String madeById, String madeByName, Status status,
			Instant keptAt, Instant cancelledAt, String cancelledByName, String cancelReason, Instant remindedAt,
			Instant brokenAt) {
		this(id, kind, what, ownerId, ownerName, ownerEmail, dueAt, remindAt, madeAt, madeById, madeByName, status,
				keptAt, cancelledAt, cancelledByName, cancelReason, remindedAt, brokenAt, null, null);
	}

	public enum Kind {
		CALL_BACK, FIX, CREDIT_NOTE, OTHER
	}

	public enum Status {
		OPEN, KEPT, CANCELLED
	}

	/** Whether it is broken at {@code now}: not kept by its due time (strictly after it), unless cancelled before. */
	public boolean brokenAt(Instant now) {
		if (brokenAt != null) {
			return true;
		}
		return switch (status) {
			case OPEN -> now.isAfter(dueAt);
			case KEPT -> keptAt.isAfter(dueAt);
			case CANCELLED -> false;
		};
	}

	/** Whether it was kept by its due time (at it exactly counts as kept). */
	public boolean keptInTime() {
		return status == Status.KEPT && !keptAt.isAfter(dueAt) && brokenAt == null;
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	Commitment keptAt(Instant at) {
		return new Commitment(id, kind, what, ownerId, ownerName, ownerEmail, dueAt, remindAt, madeAt, madeById,
				madeByName, Status.KEPT, at, cancelledAt, cancelledByName, cancelReason, remindedAt,
				brokenAt != null ? brokenAt : at.isAfter(dueAt) ? at : null);
	}

	Commitment cancelledAt(Instant at, String byName, String reason) {
		return new Commitment(id, kind, what, ownerId, ownerName, ownerEmail, dueAt, remindAt, madeAt, madeById,
				madeByName, Status.CANCELLED, keptAt, at, byName, reason, remindedAt,
				brokenAt != null ? brokenAt : at.isAfter(dueAt) ? at : null);
	}

	/** Its owner reminded at {@code at} (null: the claim given back). */
	Commitment remindedAt(Instant at) {
		return new Commitment(id, kind, what, ownerId, ownerName, ownerEmail, dueAt, remindAt, madeAt, madeById,
				madeByName, status, keptAt, cancelledAt, cancelledByName, cancelReason, at, brokenAt);
	}

	/** Found broken at {@code at} (still open after its due time). */
	Commitment brokenFrom(Instant at) {
		return new Commitment(id, kind, what, ownerId, ownerName, ownerEmail, dueAt, remindAt, madeAt, madeById,
				madeByName, status, keptAt, cancelledAt, cancelledByName, cancelReason, remindedAt, at);
	}
}
