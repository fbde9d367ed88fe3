package com.rapport.ordertracking.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered ({@code rapport.webhooks.*}).
 *
 * @param failingWindow how long a subscription's deliveries may fail (since the last delivered one) before it is
 *                      disabled and the admins told
 * @param maxAttempts   tries of one delivery before it is dead (the default spans more than a day of backoff)
 * @param firstRetry    the wait after the first failed try, doubled after each further one up to {@code maxRetry}
 * @param lease         how long a sender holds a delivery it claimed; one that dies mid-send frees it then
 * @param timeout       how long one try may take (connecting and answering) before it counts as failed
 * @param adminEmail    where a disabled subscription is reported
 * @param from          the sender address of that mail, {@code fromName} its display name
 * @param consoleUrl    where the admins find the console (the mail links to the webhook page)
 */
@ConfigurationProperties("rapport.webhooks")
public record WebhookProperties(Duration failingWindow, Integer maxAttempts, Duration firstRetry, Duration maxRetry,
		Duration lease, Duration timeout, String adminEmail, String from, String fromName, String consoleUrl) {

	public WebhookProperties {
		failingWindow = failingWindow == null ? Duration.ofHours(24) : failingWindow;
		maxAttempts = maxAttempts == null ? 40 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		adminEmail = adminEmail == null ? "admin@rapport.local" : adminEmail;
		from = from == null ? "no-reply@rapport.local" : from;
		fromName = fromName == null ? "Rapport" : fromName;
		consoleUrl = consoleUrl == null ? "http://localhost:8080" : consoleUrl.replaceAll("/+$", "");
	}
}
