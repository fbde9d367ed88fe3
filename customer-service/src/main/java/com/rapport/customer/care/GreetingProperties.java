package com.rapport.customer.care;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Care greetings ({@code rapport.care.greetings.*}); anything left out takes the default shown. How often the
 * run comes is {@code rapport.care.greetings.interval} (15 minutes), whether at all
 * {@code rapport.care.greetings.enabled}.
 *
 * @param sendFrom    the contact's local time from which its day's greetings go out (09:00)
 * @param maxAttempts how many times a greeting is tried while the mail server fails (5; one try a run)
 * @param hold        how long a run holds the lease (15 minutes); a run that takes longer is still safe, since
 *                    each greeting is claimed once in the store
 * @param from        the sender's address ({@code no-reply@rapport.local})
 * @param fromName    the sender's display name, which also signs the greeting ({@code Rapport})
 */
@ConfigurationProperties("rapport.care.greetings")
public record GreetingProperties(@DateTimeFormat(pattern = "HH:mm") LocalTime sendFrom, Integer maxAttempts,
		Duration hold, String from, String fromName) {

	public GreetingProperties {
		sendFrom = sendFrom == null ? LocalTime.of(9, 0) : sendFrom;
		maxAttempts = maxAttempts == null ? 5 : maxAttempts;
		hold = hold == null ? Duration.ofMinutes(15) : hold;
		from = from == null || from.isBlank() ? "no-reply@rapport.local" : from.strip();
		fromName = fromName == null || fromName.isBlank() ? "Rapport" : fromName.strip();
	}

	/** All defaults. */
	public static GreetingProperties defaults() {
		return new GreetingProperties(null, null, null, null, null);
	}
}
