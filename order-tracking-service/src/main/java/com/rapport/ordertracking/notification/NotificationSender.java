package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.delivery.DeliveryLog;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Works the delivery log: claims a due notification (queued, or retrying and its time come), writes and sends
 * it, and notes the outcome, only if it still holds the claim (platform-support's {@link DeliveryLog}). Sent:
 * {@code SENT}, and "notification sent" goes to the customer's timeline. A mail server that fails: {@code RETRYING}
 * with exponential backoff, {@code DEAD} after {@code maxAttempts}. An address no server will take: {@code FAILED}.
 * Each replica runs its own sender; the claim keeps them apart. The mails go over SMTP connections kept open between
 * mails ({@link SmtpConnections}): a round's mails share them, each still claimed, sent and noted on its own.
 */
@Component
class NotificationSender {

	private final DeliveryLog<Notification> deliveries;

	private final NotificationMail mail;

	private final OrderNotices orders;

	private final Clock clock;

	private final NotificationWorkers workers;

	NotificationSender(MongoTemplate mongo, NotificationMail mail, OrderNotices orders,
			NotificationProperties properties, Clock clock, NotificationWorkers workers) {
		this.workers = workers;
		this.deliveries = new DeliveryLog<>(mongo, Notification.class, new DeliveryLog.Retries(properties.maxAttempts(),
				properties.firstRetry(), properties.maxRetry(), properties.lease()), clock);
		this.mail = mail;
		this.orders = orders;
		this.clock = clock;
	}

	/**
	 * Sends due notifications until none is left or {@code most} were tried, {@code rapport.notifications.senders}
	 * at once (each claimed by its own conditional write); answers how many were sent. A round with nothing due makes
	 * one claim, not one per sender.
	 */
	int sendDue(int most) {
		Notification first = most > 0 ? deliveries.claim() : null;
		if (first == null) {
			mail.roundDone();
			return 0;
		}
		AtomicReference<Notification> handed = new AtomicReference<>(first);
		AtomicInteger left = new AtomicInteger(most - 1);
		AtomicBoolean drained = new AtomicBoolean();
		AtomicInteger sent = new AtomicInteger();
		Runnable sender = () -> {
			Notification next = handed.getAndSet(null);
			while (next != null || (!drained.get() && left.getAndDecrement() > 0 && (next = claimOrDrained(drained)) != null)) {
				if (attempt(next)) {
					sent.incrementAndGet();
				}
				next = null;
			}
		};
		try {
			workers.runAll(Collections.nCopies(Math.min(workers.size(), most), sender));
		}
		finally {
			mail.roundDone();
		}
		return sent.get();
	}

	private Notification claimOrDrained(AtomicBoolean drained) {
		Notification claimed = deliveries.claim();
		if (claimed == null) {
			drained.set(true);
		}
		return claimed;
	}

	private boolean attempt(Notification notification) {
		int attempts = notification.attempts() + 1;
		NotificationMail.Letter letter;
		try {
			letter = mail.write(notification);
			mail.send(notification, letter);
		}
		catch (MailException | IllegalArgumentException ex) {
			deliveries.failed(notification.id(), attempts, ex);
			return false;
		}
		Instant sentAt = clock.instant();
		if (notification.orderId() == null) {
			// An incident notice: it is on each organisation's timeline once already, as the notice itself.
			deliveries.sent(notification.id(), attempts, new Update().set("sentAt", sentAt).set("subject", letter.subject()));
			return true;
		}
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("order_number", notification.orderNumber());
		facts.put("subject_kind", notification.kind());
		facts.put("address", notification.address());
		facts.put("channel", "EMAIL");
		facts.put("notification_id", notification.id());
		orders.notificationSent(notification.orderId(), notification.id(), sentAt, facts);
		deliveries.sent(notification.id(), attempts, new Update().set("sentAt", sentAt).set("subject", letter.subject()));
		return true;
	}
}
