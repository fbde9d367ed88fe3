package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.incident.IncidentRecipients;
import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns each pending order change, and each incident notice waiting for an organisation, into one queued
 * notification per contact who wants an email, then takes the change off the order (the notice off the
 * organisation's recipient). An incident notice's event id is the notice's own, so an address hears of one notice
 * once, even as a contact of two affected organisations. Safe to run on every replica at once and to repeat after a crash: a notification's id
 * is the change and the address, so queuing one twice stores it once, and a change is only taken off once all
 * its notifications are stored.
 */
@Component
class NotificationFanOut {

	private static final Logger log = LoggerFactory.getLogger(NotificationFanOut.class);

	static final int ORDERS_PER_ROUND = 100;

	/** The kind of a notification of an incident notice (its event id is the notice's, {@code incident:<id>}). */
	static final String INCIDENT_NOTICE = "INCIDENT_NOTICE";

	private final OrderNotices notices;

	private final IncidentRecipients incidents;

	private final ContactBook contacts;

	private final MongoTemplate mongo;

	private final Clock clock;

	NotificationFanOut(OrderNotices notices, IncidentRecipients incidents, ContactBook contacts, MongoTemplate mongo,
			Clock clock) {
		this.notices = notices;
		this.incidents = incidents;
		this.contacts = contacts;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** One round; answers how many notifications it queued. */
	int queuePending() {
		int queued = 0;
		// One question to customer-service per organisation and round, however many of its changes wait.
		Map<String, List<NotificationContact>> asked = new HashMap<>();
		for (OrderNotices.Pending pending : notices.pending(ORDERS_PER_ROUND)) {
			List<NotificationContact> recipients = emailRecipients(pending.customerId(), asked);
			if (recipients == null) {
				continue;
			}
			Instant now = clock.instant();
			for (NotificationContact contact : recipients) {
				queued += queue(pending, contact, now) ? 1 : 0;
			}
			notices.taken(pending);
		}
		for (IncidentRecipients.Pending pending : incidents.pending(ORDERS_PER_ROUND)) {
			List<NotificationContact> recipients = emailRecipients(pending.customerId(), asked);
			if (recipients == null) {
				continue;
			}
			Instant now = clock.instant();
			for (NotificationContact contact : recipients) {
				queued += insert(new Notification(Notification.idOf(pending.eventId(), contact.email()), null,
						pending.customerId(), null, pending.eventId(), INCIDENT_NOTICE, pending.occurredAt(),
						pending.facts(), contact.id(), contact.name(), contact.email().trim(), languageOf(contact),
						contact.timeZone(), Notification.State.QUEUED, 0, now, null, null, null, now, null)) ? 1 : 0;
			}
			incidents.taken(pending);
		}
		return queued;
	}

	/**
	 * The organisation's contacts who want an email, asked once a round; null when customer-service is down and
	 * none are known (what they are to be told waits for a later round).
	 */
	private List<NotificationContact> emailRecipients(String customerId, Map<String, List<NotificationContact>> asked) {
		try {
			return asked.computeIfAbsent(customerId, contacts::contactsOf).stream().filter(NotificationContact::wantsEmail)
				.toList();
		}
		catch (RemoteUnavailableException ex) {
			log.warn("No contacts known for {} and customer-service unavailable; what it is to be told waits",
					customerId);
			return null;
		}
	}

	private boolean queue(OrderNotices.Pending pending, NotificationContact contact, Instant now) {
		var event = pending.event();
		return insert(new Notification(Notification.idOf(event.eventId(), contact.email()), pending.orderId(),
				pending.customerId(), pending.orderNumber(), event.eventId(), event.kind().name(), event.occurredAt(),
				event.facts(), contact.id(), contact.name(), contact.email().trim(), languageOf(contact),
				contact.timeZone(), Notification.State.QUEUED, 0, now, null, null, null, now, null));
	}

	private static String languageOf(NotificationContact contact) {
		return "zh-CN".equalsIgnoreCase(contact.language()) || String.valueOf(contact.language()).startsWith("zh")
				? "zh-CN" : "en";
	}

	/** Stores a notification unless one of the same id (change or notice, and address) is stored already. */
	private boolean insert(Notification notification) {
		try {
			mongo.insert(notification);
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}
}
