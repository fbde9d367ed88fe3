package com.rapport.ordertracking.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every second each replica sends the SMS that are due; {@code rapport.notifications.enabled=false} stops it. */
@Component
@ConditionalOnBooleanProperty(name = "rapport.notifications.enabled", matchIfMissing = true)
class SmsSchedule {

	static final int SENDS_PER_ROUND = 100;

	private final SmsSender sender;

	SmsSchedule(SmsSender sender) {
		this.sender = sender;
	}

	@Scheduled(initialDelayString = "${rapport.notifications.initial-delay:5s}",
			fixedDelayString = "${rapport.notifications.interval:1s}")
	void round() {
		sender.sendDue(SENDS_PER_ROUND);
	}
}
