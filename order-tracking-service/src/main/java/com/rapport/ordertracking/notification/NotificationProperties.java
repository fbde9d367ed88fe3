package com.rapport.ordertracking.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are sent ({@code rapport.notifications.*}).
 *
 * @param portalUrl   where customers reach the portal (the gateway); a mail links to the order's page there
 * @param from        the sender address, {@code fromName} its display name
 * @param maxAttempts tries before a notification is dead
 * @param firstRetry  the wait after the first failed try, doubled after each further one up to {@code maxRetry}
 * @param lease       how long a sender holds a notification it claimed; one that dies mid-send frees it then
 */
@ConfigurationProperties("rapport.notifications")
public record NotificationProperties(String portalUrl, String from, String fromName, Integer maxAttempts,
		Duration firstRetry, Duration maxRetry, Duration lease) {

	public NotificationProperties {
		portalUrl = portalUrl == null ? "http://localhost:8080" : portalUrl.replaceAll("/+$", "");
		from = from == null ? "no-reply@rapport.local" : from;
		fromName = fromName == null ? "Rapport" : fromName;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
	}
}
