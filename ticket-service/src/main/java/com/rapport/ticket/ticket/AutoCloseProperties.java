package com.rapport.ticket.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resolved tickets close by themselves after {@code after} without a change (the quiet period), checked
 * every {@code interval}; {@code enabled} false switches the job off (tests drive {@link AutoClose} themselves).
 */
@ConfigurationProperties("rapport.tickets.auto-close")
public record AutoCloseProperties(@DefaultValue("true") boolean enabled, @DefaultValue("7d") Duration after,
		@DefaultValue("5m") Duration interval) {

	public AutoCloseProperties {
		if (after == null || after.isNegative() || after.isZero()) {
			throw new IllegalArgumentException("rapport.tickets.auto-close.after must be positive, was " + after);
		}
	}
}
