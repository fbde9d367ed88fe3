package com.rapport.ordertracking.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS provider ({@code rapport.sms.*}): an HTTP endpoint taking {@code POST} of
 * {@code {"id", "to", "from", "text"}} as JSON, with HTTP Basic credentials when {@code username} is set. Locally the
 * fake provider of {@code sms/} ({@code ./platform up} starts it on port 8026).
 *
 * @param url         where messages are posted; empty: SMS is not available (contacts cannot choose it)
 * @param from        the sender name or number shown on the phone
 * @param timeout     how long a try may take
 * @param maxAttempts tries before a message is dead; {@code firstRetry} doubled after each failure up to
 *                    {@code maxRetry}; {@code lease} how long a sender holds a message it claimed
 */
@ConfigurationProperties("rapport.sms")
public record SmsProperties(String url, String username, String password, String from, Duration timeout,
		Integer maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease) {

	public SmsProperties {
		url = url == null ? "" : url.trim();
		from = from == null || from.isBlank() ? "Rapport" : from;
		timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
	}

	public boolean available() {
		return !url.isEmpty();
	}

	URI uri() {
		return URI.create(url);
	}
}
