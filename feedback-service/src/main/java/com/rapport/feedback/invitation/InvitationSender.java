package com.rapport.feedback.invitation;

import java.time.Clock;

import com.rapport.support.delivery.DeliveryLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails due invitations through platform-support's {@link DeliveryLog} (claims, retries with backoff, DEAD after
 * {@code maxAttempts}, FAILED for an address no server takes), as order-tracking-service sends its notifications.
 */
@Component
class InvitationSender {

	private final DeliveryLog<Invitation> deliveries;

	private final InvitationMail mail;

	private final Clock clock;

	private final boolean enabled;

	InvitationSender(MongoTemplate mongo, InvitationMail mail, InvitationProperties properties, Clock clock,
			@Value("${rapport.surveys.sending:true}") boolean enabled) {
		this.deliveries = new DeliveryLog<>(mongo, Invitation.class, new DeliveryLog.Retries(properties.maxAttempts(),
				properties.firstRetry(), properties.maxRetry(), properties.lease()), clock);
		this.mail = mail;
		this.clock = clock;
		this.enabled = enabled;
	}

	/** Every 2 s ({@code rapport.surveys.sending=false} leaves it to the tests). */
	@Scheduled(initialDelayString = "${rapport.surveys.send-initial-delay:5s}",
			fixedDelayString = "${rapport.surveys.send-interval:2s}")
	void scheduled() {
		if (enabled) {
			sendDue(50);
		}
	}

	/** Sends due invitations until none is left or {@code most} were tried; answers how many were sent. */
	int sendDue(int most) {
		int sent = 0;
		for (int i = 0; i < most; i++) {
			Invitation claimed = deliveries.claim();
			if (claimed == null) {
				break;
			}
			sent += attempt(claimed) ? 1 : 0;
		}
		return sent;
	}

	private boolean attempt(Invitation invitation) {
		int attempts = invitation.attempts() + 1;
		try {
			mail.send(invitation, mail.write(invitation));
		}
		catch (MailException | IllegalArgumentException ex) {
			deliveries.failed(invitation.id(), attempts, ex);
			return false;
		}
		deliveries.sent(invitation.id(), attempts, new Update().set("sentAt", clock.instant()));
		return true;
	}
}
