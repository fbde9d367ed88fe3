package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.notification.NotificationProperties;
import com.rapport.support.delivery.DeliveryLog;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Works the reminders' delivery log as the order notifications' sender does: claims a due reminder (one conditional
 * write, so two replicas never hold one), checks the invoice still wants it (still open, no promise or plan made
 * since: else {@code WITHDRAWN}), writes and sends it; sent: {@code SENT} and "reminder sent" on the customer's
 * timeline (in the invoice's outbox); the mail server down: {@code RETRYING} with backoff, {@code DEAD} after the
 * notifications' {@code max-attempts}; an address no server takes: {@code FAILED}.
 */
@Component
public class ReminderSender {

	private final DeliveryLog<InvoiceReminder> deliveries;

	private final MongoTemplate mongo;

	private final ReminderMail mail;

	private final Receivables receivables;

	private final Clock clock;

	ReminderSender(MongoTemplate mongo, ReminderMail mail, Receivables receivables, NotificationProperties retries,
			Clock clock) {
		this.deliveries = new DeliveryLog<>(mongo, InvoiceReminder.class, new DeliveryLog.Retries(
				retries.maxAttempts(), retries.firstRetry(), retries.maxRetry(), retries.lease()), clock);
		this.mongo = mongo;
		this.mail = mail;
		this.receivables = receivables;
		this.clock = clock;
	}

	/** Sends due reminders until none is left or {@code most} were tried; answers how many were sent. */
	public int sendDue(int most) {
		int sent = 0;
		for (int i = 0; i < most; i++) {
			InvoiceReminder claimed = deliveries.claim();
			if (claimed == null) {
				break;
			}
			sent += attempt(claimed) ? 1 : 0;
		}
		return sent;
	}

	private boolean attempt(InvoiceReminder reminder) {
		Invoice invoice = mongo.findById(reminder.invoiceId(), Invoice.class);
		LocalDate today = receivables.today();
		if (invoice == null || !invoice.open() || ReminderCadence.pausedOn(invoice, today) != null) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(reminder.id()).and("state").in(DeliveryLog.DUE)),
					new Update().set("state", InvoiceReminder.State.WITHDRAWN).unset("nextAttemptAt").unset("claimedBy"),
					InvoiceReminder.class);
			return false;
		}
		int attempts = reminder.attempts() + 1;
		ReminderMail.Letter letter;
		try {
			letter = mail.write(reminder, invoice, today);
			mail.send(reminder, letter);
		}
		catch (MailException | IllegalArgumentException ex) {
			deliveries.failed(reminder.id(), attempts, ex);
			return false;
		}
		Instant sentAt = clock.instant();
		var entry = new Invoice.TimelineEvent("invoice-reminder:" + reminder.id(), "NOTIFICATION_SENT",
				"timeline.invoice.reminder-sent", List.of(invoice.invoiceNumber(),
						"#{receivables.tone." + reminder.tone().name() + "}", reminder.address()), sentAt);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(invoice.id()).and("outbox.eventId").ne(entry.eventId())),
				new Update().push("outbox", entry).inc("version", 1), Invoice.class);
		deliveries.sent(reminder.id(), attempts, new Update().set("sentAt", sentAt).set("subject", letter.subject()));
		return true;
	}
}
