package com.rapport.ticket.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation to the team's manager ({@link EscalationSweep}): every {@code interval} breached tickets are escalated
 * and owed mails sent to {@code managerEmail} from {@code from}; {@code enabled} false switches the sweep off
 * (tests drive it themselves). A ticket is at risk from the SLA's {@code rapport.sla.at-risk-percent}.
 */
@ConfigurationProperties("rapport.tickets.escalation")
public record EscalationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
		@DefaultValue("support-manager@rapport.example") String managerEmail,
		@DefaultValue("Rapport support <support@rapport.example>") String from,
		@DefaultValue("http://localhost:8080") String consoleUrl) {

	public EscalationProperties {
		if (managerEmail == null || !managerEmail.contains("@")) {
			throw new IllegalArgumentException(
					"rapport.tickets.escalation.manager-email must be an email address, was " + managerEmail);
		}
	}
}
