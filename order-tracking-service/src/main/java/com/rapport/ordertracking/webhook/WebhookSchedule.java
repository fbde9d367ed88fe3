package com.rapport.ordertracking.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code rapport.webhooks.interval} (1 s) each replica queues waiting order events for the subscriptions,
 * tries what is due and mails due alerts; {@code rapport.webhooks.enabled=false} stops it (tests drive it
 * themselves). The claims keep replicas apart, so no lease is needed.
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.webhooks.enabled", matchIfMissing = true)
class WebhookSchedule {

	static final int SENDS_PER_ROUND = 100;

	private final WebhookFanOut fanOut;

	private final WebhookSender sender;

	private final WebhookAlerts alerts;

	WebhookSchedule(WebhookFanOut fanOut, WebhookSender sender, WebhookAlerts alerts) {
		this.fanOut = fanOut;
		this.sender = sender;
		this.alerts = alerts;
	}

	@Scheduled(initialDelayString = "${rapport.webhooks.initial-delay:5s}",
			fixedDelayString = "${rapport.webhooks.interval:1s}")
	void round() {
		fanOut.queuePending();
		sender.sendDue(SENDS_PER_ROUND);
		alerts.mailDue();
	}
}
