package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.time.Duration;

import com.rapport.support.lease.MongoLease;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code rapport.receivables.interval} (1 min) one replica (lease {@code invoice-reminder-planner}) queues the
 * reminders that came due; every second each replica sends what is due (the claims keep them apart).
 * {@code rapport.receivables.enabled=false} stops both (tests drive them themselves).
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.receivables.enabled", matchIfMissing = true)
class ReceivablesSchedule {

	static final int SENDS_PER_ROUND = 100;

	private final ReminderPlanner planner;

	private final ReminderSender sender;

	private final MongoLease lease;

	ReceivablesSchedule(ReminderPlanner planner, ReminderSender sender, MongoTemplate mongo, Clock clock,
			@Value("${spring.application.name:order-tracking-service}") String name) {
		this.planner = planner;
		this.sender = sender;
		this.lease = new MongoLease(mongo, clock, name);
	}

	@Scheduled(initialDelayString = "${rapport.receivables.initial-delay:10s}",
			fixedDelayString = "${rapport.receivables.interval:1m}")
	void plan() {
		lease.runExclusively("invoice-reminder-planner", Duration.ofMinutes(5), planner::plan);
	}

	@Scheduled(initialDelayString = "${rapport.receivables.initial-delay:10s}",
			fixedDelayString = "${rapport.receivables.send-interval:1s}")
	void send() {
		sender.sendDue(SENDS_PER_ROUND);
	}
}
