package com.rapport.feedback.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How contacts are asked ({@code rapport.surveys.*}).
 *
 * @param portalUrl   where contacts reach the platform (the gateway); the survey links point there
 * @param from        the sender address, {@code fromName} its display name
 * @param tokenSecret the key the links' tokens are signed with (HMAC-SHA256)
 * @param validFor    how long a link can be answered after the invitation
 * @param minInterval the least time between two invitations of one contact
 * @param maxAttempts tries of the mail before the invitation is dead
 * @param firstRetry  the wait after the first failed try, doubled after each further one up to {@code maxRetry}
 * @param lease       how long a sender holds an invitation it claimed; one that dies mid-send frees it then
 */
@ConfigurationProperties("rapport.surveys")
public record InvitationProperties(String portalUrl, String from, String fromName, String tokenSecret,
		Duration validFor, Duration minInterval, Integer maxAttempts, Duration firstRetry, Duration maxRetry,
		Duration lease) {

	public InvitationProperties {
		portalUrl = portalUrl == null ? "http://localhost:8080" : portalUrl.replaceAll("/+$", "");
		from = from == null ? "no-reply@rapport.local" : from;
		fromName = fromName == null ? "Rapport" : fromName;
		if (tokenSecret == null || tokenSecret.length() < 16) {
			throw new IllegalArgumentException("rapport.surveys.token-secret must have at least 16 characters");
		}
		validFor = validFor == null ? Duration.ofDays(14) : validFor;
		minInterval = minInterval == null ? Duration.ofDays(30) : minInterval;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
	}
}
