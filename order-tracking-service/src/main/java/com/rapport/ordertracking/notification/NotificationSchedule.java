package com.rapport.ordertracking.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code rapport.notifications.interval} (1 s) each replica queues pending changes and sends what is due;
 * {@code rapport.notifications.enabled=false} stops both (tests drive them themselves).
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.notifications.enabled", matchIfMissing = true)
class NotificationSchedule {

	static final int SENDS_PER_ROUND = 200;

	private final NotificationFanOut fanOut;

	private final NotificationSender sender;

	NotificationSchedule(NotificationFanOut fanOut, NotificationSender sender) {
		this.fanOut = fanOut;
		this.sender = sender;
	}

	@Scheduled(initialDelayString = "${rapport.notifications.initial-delay:5s}",
			fixedDelayString = "${rapport.notifications.interval:1s}")
	void round() {
		fanOut.queuePending();
		sender.sendDue(SENDS_PER_ROUND);
	}
}
