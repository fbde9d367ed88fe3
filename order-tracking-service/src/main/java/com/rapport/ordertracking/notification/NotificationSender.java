package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rapport.ordertracking.order.OrderNotices;
import jakarta.mail.internet.AddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

/**
 * Works the delivery log: claims a due notification (queued, or retrying and its time come), writes and sends
 * it, and notes the outcome, only if it still holds the claim. Sent: {@code SENT}, and "notification sent" goes
 * to the customer's timeline. A mail server that fails: {@code RETRYING} with exponential backoff
 * ({@link NotificationProperties#backoff}), {@code DEAD} after {@code maxAttempts}. An address no server will
 * take: {@code FAILED}. Each replica runs its own sender; the claim keeps them apart.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	static final List<Notification.State> DUE_STATES = List.of(Notification.State.QUEUED, Notification.State.RETRYING);

	private final MongoTemplate mongo;

	private final NotificationMail mail;

	private final OrderNotices orders;

	private final NotificationProperties properties;

	private final Clock clock;

	private final String name = "sender-" + UUID.randomUUID();

	NotificationSender(MongoTemplate mongo, NotificationMail mail, OrderNotices orders,
			NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.mail = mail;
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends due notifications until none is left or {@code most} were tried; answers how many were sent. */
	int sendDue(int most) {
		int sent = 0;
		for (int i = 0; i < most; i++) {
			Notification claimed = claim();
			if (claimed == null) {
				break;
			}
			sent += attempt(claimed) ? 1 : 0;
		}
		return sent;
	}

	/** One due notification, now held by this sender until the lease runs out; null when none is due. */
	Notification claim() {
		Instant now = clock.instant();
		Query due = Query.query(Criteria.where("state").in(DUE_STATES).and("nextAttemptAt").lte(now));
		Update take = new Update().set("nextAttemptAt", now.plus(properties.lease())).set("claimedBy", name);
		return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), Notification.class);
	}

	private boolean attempt(Notification notification) {
		int attempts = notification.attempts() + 1;
		NotificationMail.Letter letter;
		try {
			letter = mail.write(notification);
			mail.send(notification, letter);
		}
		catch (MailParseException | MailPreparationException | IllegalArgumentException ex) {
			finish(notification, new Update().set("state", Notification.State.FAILED).set("attempts", attempts)
				.set("lastError", message(ex)).unset("nextAttemptAt"));
			log.warn("Notification {} cannot be sent: {}", notification.id(), message(ex));
			return false;
		}
		catch (MailException ex) {
			if (rootCause(ex) instanceof AddressException) {
				finish(notification, new Update().set("state", Notification.State.FAILED).set("attempts", attempts)
					.set("lastError", message(ex)).unset("nextAttemptAt"));
				return false;
			}
			Instant now = clock.instant();
			boolean dead = attempts >= properties.maxAttempts();
			Update failed = new Update().set("attempts", attempts).set("lastError", message(ex))
				.set("state", dead ? Notification.State.DEAD : Notification.State.RETRYING);
			if (dead) {
				failed.unset("nextAttemptAt");
			}
			else {
				failed.set("nextAttemptAt", now.plus(properties.backoff(attempts)));
			}
			finish(notification, failed);
			log.warn("Notification {} try {} failed{}: {}", notification.id(), attempts, dead ? " for the last time" : "",
					message(ex));
			return false;
		}
		Instant sentAt = clock.instant();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("order_number", notification.orderNumber());
		facts.put("subject_kind", notification.kind());
		facts.put("address", notification.address());
		facts.put("channel", "EMAIL");
		facts.put("notification_id", notification.id());
		orders.notificationSent(notification.orderId(), notification.id(), sentAt, facts);
		finish(notification, new Update().set("state", Notification.State.SENT).set("attempts", attempts)
			.set("sentAt", sentAt).set("subject", letter.subject()).unset("nextAttemptAt").unset("lastError"));
		return true;
	}

	/** Notes the outcome if this sender still holds the claim (else the lease ran out and another took it). */
	private void finish(Notification notification, Update outcome) {
		Query mine = Query.query(Criteria.where("_id").is(notification.id()).and("claimedBy").is(name)
			.and("state").in(DUE_STATES));
		if (mongo.updateFirst(mine, outcome.unset("claimedBy"), Notification.class).getModifiedCount() == 0) {
			log.warn("Notification {} was taken over before its outcome was noted", notification.id());
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
