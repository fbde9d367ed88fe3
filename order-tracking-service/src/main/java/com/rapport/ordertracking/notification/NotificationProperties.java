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
 * @param senders     how many notifications one replica writes and hands to the mail server at once (and how many
 *                    changes it fans out at once): their store writes share commits, and a slow mail does not hold
 *                    up the others
 * @param interval    how often a replica looks for work when none was signalled (a change written on this replica
 *                    starts a round at once)
 * @param contactsFresh how long an organisation's contacts as customer-service answered are used again without
 *                    asking (rounds start with each write, so that a busy organisation is not asked many times a
 *                    second); 0 asks every round
 * @param smtpKeepAlive how long an SMTP connection is kept open with no mail to hand over it ({@link SmtpConnections}):
 *                    while mail keeps coming, the next mails go over it without connecting again
 */
@ConfigurationProperties("rapport.notifications")
public record NotificationProperties(String portalUrl, String from, String fromName, Integer maxAttempts,
		Duration firstRetry, Duration maxRetry, Duration lease, Integer senders, Duration interval,
		Duration contactsFresh, Duration smtpKeepAlive) {

	public NotificationProperties {
		portalUrl = portalUrl == null ? "http://localhost:8080" : portalUrl.replaceAll("/+$", "");
		from = from == null ? "no-reply@rapport.local" : from;
		fromName = fromName == null ? "Rapport" : fromName;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
		senders = senders == null || senders < 1 ? 8 : senders;
		interval = interval == null ? Duration.ofSeconds(1) : interval;
		contactsFresh = contactsFresh == null ? Duration.ofSeconds(2) : contactsFresh;
		smtpKeepAlive = smtpKeepAlive == null ? Duration.ofSeconds(15) : smtpKeepAlive;
	}
}
