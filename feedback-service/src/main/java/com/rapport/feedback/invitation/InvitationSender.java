package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails due invitations: claims one (queued, or retrying and its time come) for {@code lease}, writes and sends
 * it, and notes the outcome only while it still holds the claim. A mail server that fails: RETRYING with
 * exponential backoff, DEAD after {@code maxAttempts}; an address no server takes: FAILED. Each replica runs its
 * own sender; the claim keeps them apart. (order-tracking-service's notification sender works its delivery log
 * the same way.)
 */
@Component
class InvitationSender {

	private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

	static final List<Invitation.State> DUE = List.of(Invitation.State.QUEUED, Invitation.State.RETRYING);

	private final MongoTemplate mongo;

	private final InvitationMail mail;

	private final InvitationProperties properties;

	private final Clock clock;

	private final String name = "sender-" + UUID.randomUUID();

	private final boolean enabled;

	InvitationSender(MongoTemplate mongo, InvitationMail mail, InvitationProperties properties, Clock clock,
			@Value("${rapport.surveys.sending:true}") boolean enabled) {
		this.mongo = mongo;
		this.mail = mail;
		this.properties = properties;
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
			Invitation claimed = claim();
			if (claimed == null) {
				break;
			}
			sent += attempt(claimed) ? 1 : 0;
		}
		return sent;
	}

	private Invitation claim() {
		Instant now = clock.instant();
		Query due = Query.query(Criteria.where("state").in(DUE).and("nextAttemptAt").lte(now));
		Update take = new Update().set("nextAttemptAt", now.plus(properties.lease())).set("claimedBy", name);
		return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), Invitation.class);
	}

	private boolean attempt(Invitation invitation) {
		int attempts = invitation.attempts() + 1;
		try {
			mail.send(invitation, mail.write(invitation));
		}
		catch (MailParseException | MailPreparationException | IllegalArgumentException ex) {
			failed(invitation, attempts, ex);
			return false;
		}
		catch (MailException ex) {
			if (rootCause(ex) instanceof AddressException) {
				failed(invitation, attempts, ex);
				return false;
			}
			boolean dead = attempts >= properties.maxAttempts();
			Update retry = new Update().set("attempts", attempts).set("lastError", message(ex))
				.set("state", dead ? Invitation.State.DEAD : Invitation.State.RETRYING);
			if (dead) {
				retry.unset("nextAttemptAt");
			}
			else {
				retry.set("nextAttemptAt", clock.instant().plus(properties.backoff(attempts)));
			}
			finish(invitation, retry);
			log.warn("Survey invitation {} try {} failed{}: {}", invitation.id(), attempts,
					dead ? " for the last time" : "", message(ex));
			return false;
		}
		finish(invitation, new Update().set("state", Invitation.State.SENT).set("attempts", attempts)
			.set("sentAt", clock.instant()).unset("nextAttemptAt").unset("lastError"));
		return true;
	}

	private void failed(Invitation invitation, int attempts, Exception ex) {
		finish(invitation, new Update().set("state", Invitation.State.FAILED).set("attempts", attempts)
			.set("lastError", message(ex)).unset("nextAttemptAt"));
		log.warn("Survey invitation {} cannot be sent: {}", invitation.id(), message(ex));
	}

	/** Notes the outcome if this sender still holds the claim (else the lease ran out and another took it). */
	private void finish(Invitation invitation, Update outcome) {
		Query mine = Query.query(Criteria.where("_id").is(invitation.id()).and("claimedBy").is(name)
			.and("state").in(DUE));
		if (mongo.updateFirst(mine, outcome.unset("claimedBy"), Invitation.class).getModifiedCount() == 0) {
			log.warn("Survey invitation {} was taken over before its outcome was noted", invitation.id());
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String message(Throwable ex) {
		String text = String.valueOf(rootCause(ex).getMessage());
		return text.length() > 500 ? text.substring(0, 500) : text;
	}
}
