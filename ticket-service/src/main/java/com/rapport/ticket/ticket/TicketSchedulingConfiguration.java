package com.rapport.ticket.ticket;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link AutoClose}, {@link EscalationSweep} and {@link CommitmentSweep} on their schedules. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ AutoCloseProperties.class, EscalationProperties.class, CommitmentProperties.class })
class TicketSchedulingConfiguration {
}
