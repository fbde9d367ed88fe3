package com.rapport.ticket.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commitments ({@link CommitmentSweep}): every {@code interval} the owners of open commitments due within
 * {@code reminderLead} are reminded (once) and the commitments past due are found broken; {@code enabled} false
 * switches the sweep off (tests drive it themselves).
 */
@ConfigurationProperties("rapport.tickets.commitments")
public record CommitmentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
		@DefaultValue("2h") Duration reminderLead) {

	public CommitmentProperties {
		if (reminderLead == null || reminderLead.isNegative()) {
			throw new IllegalArgumentException(
					"rapport.tickets.commitments.reminder-lead must be a duration of 0 or more, was " + reminderLead);
		}
	}
}
