package com.rapport.ordertracking.order;

import java.time.Instant;

/**
 * One step an order reached, when (the partner's event time), where, and what the partner said about it.
 * {@code eventId} is the partner's id of the event, by which a repeat is recognised (a milestone sent with the
 * order itself has none). A {@code SHIPPED} step may name the carrier, tracking number and tracking link.
 * {@code backwards} is derived by the order (never null): a step of a lower rank than one that happened before it.
 * {@code receivedAt} is when this service heard of it (null for milestones sent with the order).
 */
public record Milestone(MilestoneCode code, Instant occurredAt, String note, String eventId, String place,
		String carrier, String trackingNumber, String trackingLink, Boolean backwards, Instant receivedAt) {

	/** Boxed so that a milestone stored before steps were flagged (no field) reads as not backwards. */
	public Milestone {
		backwards = Boolean.TRUE.equals(backwards);
	}

	public Milestone(MilestoneCode code, Instant occurredAt, String note) {
		this(code, occurredAt, note, null, null, null, null, null, false, null);
	}

	Milestone flagged(boolean backwards) {
		return backwards == this.backwards ? this
				: new Milestone(code, occurredAt, note, eventId, place, carrier, trackingNumber, trackingLink, backwards,
						receivedAt);
	}
}
