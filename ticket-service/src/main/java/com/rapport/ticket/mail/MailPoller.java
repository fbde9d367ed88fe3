package com.rapport.ticket.mail;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.lease.MongoLease;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox every {@code rapport.tickets.support-mail.interval}, one replica at a time (lease
 * {@value #LEASE}): first the mails stored and not handled yet (customer-service was down, or a poller stopped
 * after storing one), then the mailbox's unseen mails, each stored, handled ({@link MailIntake}) and then flagged
 * \Seen. A mail too large ({@code max-message-size}) or that cannot be read is set aside (kept as REJECTED, flagged)
 * and the round goes on; while customer-service cannot answer the round stops and the mail stays unseen.
 */
@Component
public class MailPoller {

	static final String LEASE = "support-mail-poll";

	/** A round holds the lease at most this long; a replica that dies mid-round frees it then. */
	private static final Duration HOLD = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

	private final SupportMailbox mailbox;

	private final MailIntake intake;

	private final SupportMailProperties properties;

	private final MongoLease lease;

	MailPoller(SupportMailbox mailbox, MailIntake intake, SupportMailProperties properties, MongoTemplate mongo,
			Clock clock, @Value("${spring.application.name}") String name) {
		this.mailbox = mailbox;
		this.intake = intake;
		this.properties = properties;
		this.lease = new MongoLease(mongo, clock, name);
	}

	@Scheduled(initialDelayString = "${rapport.tickets.support-mail.interval:30s}",
			fixedDelayString = "${rapport.tickets.support-mail.interval:30s}")
	void scheduledRound() {
		if (properties.enabled()) {
			lease.runExclusively(LEASE, HOLD, this::poll);
		}
	}

	/** One round now, without the lease (tests, and the schedule under it): answers how many mails were handled. */
	public int poll() {
		int handled = 0;
		try {
			for (InboundMail waiting : intake.unhandled(properties.batch())) {
				intake.handle(waiting);
				handled++;
			}
			handled += mailbox.visitUnseen(this::handle);
		}
		catch (RemoteUnavailableException ex) {
			log.warn("customer-service is unavailable; support mails wait for the next round: {}", ex.getMessage());
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Reading the support mailbox failed, tried again next round: {}", ex.toString());
		}
		return handled;
	}

	private boolean handle(MimeMessage message, long uid) {
		String messageId = "<imap-uid." + uid + "@" + properties.messageIdDomain() + ">";
		String from = null;
		String subject = null;
		try {
			messageId = message.getMessageID() != null ? message.getMessageID().strip() : messageId;
			from = message.getFrom() != null && message.getFrom().length > 0
					&& message.getFrom()[0] instanceof InternetAddress sender ? sender.getAddress() : null;
			subject = message.getSubject();
			if (message.getSize() > properties.maxMessageSize().toBytes()) {
				log.warn("Mail {} ({} bytes) is larger than {}: set aside unread", messageId, message.getSize(),
						properties.maxMessageSize());
				intake.reject(messageId, from, subject, "mail.rejected.too-large");
				return true;
			}
			intake.receive(MailParser.parse(message));
			return true;
		}
		catch (RemoteUnavailableException ex) {
			throw ex;
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			log.warn("Mail {} cannot be read, set aside: {}", messageId, ex.toString());
			intake.reject(messageId, from, subject, "mail.rejected.malformed");
			return true;
		}
	}
}
