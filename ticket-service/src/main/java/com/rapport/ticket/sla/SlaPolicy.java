package com.rapport.ticket.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * The targets a tier is promised: the first response and the resolution, each counted from the opening.
 * Wall-clock time for now: business calendars (working hours, holidays) come with a later issue.
 */
public record SlaPolicy(Tier tier, Duration firstResponse, Duration resolution) {

	public SlaPolicy {
		Objects.requireNonNull(tier, "tier");
		if (firstResponse == null || firstResponse.isNegative() || firstResponse.isZero()) {
			throw new IllegalArgumentException("The first-response target of " + tier + " must be positive");
		}
		if (resolution == null || resolution.compareTo(firstResponse) < 0) {
			throw new IllegalArgumentException(
					"The resolution target of " + tier + " must be at least its first-response target");
		}
	}

	/** The timers of a ticket opened at {@code openedAt} under this policy. */
	public SlaClock start(java.time.Instant openedAt) {
		return new SlaClock(firstResponse, resolution, openedAt.plus(firstResponse), openedAt.plus(resolution), null);
	}
}
