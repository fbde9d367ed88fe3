package com.rapport.ticket.assignment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic assignment ({@link AssignmentSweep}): every {@code interval} up to {@code batch} unassigned open tickets
 * are given to an agent; {@code enabled} false switches it off (tests drive it themselves).
 */
@ConfigurationProperties("rapport.tickets.assignment")
public record AssignmentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
		@DefaultValue("100") int batch) {

	public AssignmentProperties {
		if (batch < 1 || batch > 1000) {
			throw new IllegalArgumentException("rapport.tickets.assignment.batch must be 1-1000, was " + batch);
		}
	}
}
