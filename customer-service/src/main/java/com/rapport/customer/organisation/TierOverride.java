package com.rapport.customer.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A manager's decision that wins over the computed tier through {@code endDate} (inclusive, UTC); after it
 * the computed tier applies again.
 *
 * @param setBy the manager's user name
 */
public record TierOverride(Tier tier, String reason, LocalDate endDate, String setBy, Instant setAt) {

	public boolean activeAt(Instant now) {
		return now.isBefore(endDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}
}
