package com.rapport.ticket.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the unassigned open tickets to agents every {@code rapport.tickets.assignment.interval}, on every replica at
 * once (no lease: {@link AutoAssignment} is safe to run concurrently).
 */
@Component
@EnableConfigurationProperties(AssignmentProperties.class)
class AssignmentSweep {

	private static final Logger log = LoggerFactory.getLogger(AssignmentSweep.class);

	private final AutoAssignment assignment;

	private final AssignmentProperties properties;

	AssignmentSweep(AutoAssignment assignment, AssignmentProperties properties) {
		this.assignment = assignment;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${rapport.tickets.assignment.interval:5s}",
			fixedDelayString = "${rapport.tickets.assignment.interval:5s}")
	void run() {
		if (!properties.enabled()) {
			return;
		}
		try {
			int assigned = assignment.assignWaiting(properties.batch());
			if (assigned > 0) {
				log.info("Assigned {} tickets automatically", assigned);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Automatic assignment round failed: {}", ex.toString());
		}
	}
}
