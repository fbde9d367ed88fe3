package com.rapport.ticket.sla;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The targets a ticket of one tier and priority is promised, in working time of the calendar
 * {@code calendarId}: the first response and the resolution, counted from the opening, and the next reply,
 * counted from each reply of the customer that staff have not answered yet. Stored ({@code sla_policies}, id
 * {@code VIP-URGENT}, ...) once a manager changed it; until then the settings' default (see
 * {@link SlaProperties#defaultPolicy}). {@code updatedAt} and {@code updatedBy}: who changed it last.
 */
@Document("sla_policies")
public record SlaPolicy(@Id String id, Tier tier, Priority priority, Duration firstResponse, Duration nextReply,
		Duration resolution, String calendarId, Instant updatedAt, String updatedBy) {

	/** The id of the policy of {@code tier} and {@code priority}. */
	public static String idOf(Tier tier, Priority priority) {
		return tier.name() + "-" + priority.name();
	}

	/** A policy as the settings define it (never stored yet). */
	public static SlaPolicy of(Tier tier, Priority priority, Duration firstResponse, Duration nextReply,
			Duration resolution, String calendarId) {
		return new SlaPolicy(idOf(tier, priority), tier, priority, firstResponse, nextReply, resolution, calendarId, null,
				null);
	}

	/** Refuses targets that cannot be a promise: not positive, or a resolution shorter than the first response. */
	static void check(String name, Duration firstResponse, Duration nextReply, Duration resolution) {
		if (firstResponse == null || firstResponse.isNegative() || firstResponse.isZero()) {
			throw new IllegalArgumentException("The first-response target of " + name + " must be positive");
		}
		if (nextReply == null || nextReply.isNegative() || nextReply.isZero()) {
			throw new IllegalArgumentException("The next-reply target of " + name + " must be positive");
		}
		if (resolution == null || resolution.compareTo(firstResponse) < 0) {
			throw new IllegalArgumentException(
					"The resolution target of " + name + " must be at least its first-response target");
		}
	}

	/** The same policy as changed by {@code by} at {@code at}. */
	public SlaPolicy changedBy(String by, Instant at) {
		return new SlaPolicy(idOf(tier, priority), tier, priority, firstResponse, nextReply, resolution, calendarId, at,
				by);
	}

	/** The timers of a ticket opened at {@code openedAt} under this policy, on {@code calendar}. */
	public SlaClock start(Instant openedAt, BusinessCalendar calendar, int atRiskPercent) {
		return SlaClock.start(this, openedAt, calendar, atRiskPercent);
	}
}
