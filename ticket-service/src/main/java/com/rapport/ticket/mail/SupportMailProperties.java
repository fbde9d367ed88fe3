package com.rapport.ticket.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The support mailbox ({@code rapport.tickets.support-mail}): read every {@code interval} over {@code protocol}
 * ({@code imap}, or {@code imaps} for TLS) at {@code host}:{@code port} as {@code username}, folder {@code folder},
 * at most {@code batch} mails a round; a mail larger than {@code maxMessageSize} is set aside unread. {@code address}
 * is the mailbox's own address (mails from it are ignored), {@code from} the sender of the mails to customers,
 * {@code messageIdDomain} the right-hand side of their Message-IDs (how a reply is known as one to this service).
 * {@code enabled} false stops the poller (tests drive it themselves); the mails to customers go with the outbox
 * relay ({@code rapport.relay.*}).
 */
@ConfigurationProperties("rapport.tickets.support-mail")
public record SupportMailProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
		@DefaultValue("imap") String protocol, @DefaultValue("localhost") String host, @DefaultValue("3143") int port,
		@DefaultValue("support@rapport.example") String username, @DefaultValue("") String password,
		@DefaultValue("INBOX") String folder, @DefaultValue("support@rapport.example") String address,
		@DefaultValue("Rapport support <support@rapport.example>") String from,
		@DefaultValue("5MB") DataSize maxMessageSize, @DefaultValue("50") int batch,
		@DefaultValue("ticket-service.rapport") String messageIdDomain) {

	public SupportMailProperties {
		if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
			throw new IllegalArgumentException("rapport.tickets.support-mail.protocol must be imap or imaps, was " + protocol);
		}
		if (batch < 1 || batch > 500) {
			throw new IllegalArgumentException("rapport.tickets.support-mail.batch must be from 1 to 500, was " + batch);
		}
		if (address == null || !address.contains("@")) {
			throw new IllegalArgumentException(
					"rapport.tickets.support-mail.address must be an email address, was " + address);
		}
		if (messageIdDomain == null || !messageIdDomain.matches("[A-Za-z0-9.-]+")) {
			throw new IllegalArgumentException(
					"rapport.tickets.support-mail.message-id-domain must be a domain, was " + messageIdDomain);
		}
	}
}
