package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns each pending order change into one queued notification per contact who wants an email, then takes the
 * change off the order. Safe to run on every replica at once and to repeat after a crash: a notification's id
 * is the change and the address, so queuing one twice stores it once, and a change is only taken off once all
 * its notifications are stored.
 */
@Component
class NotificationFanOut {

	private static final Logger log = LoggerFactory.getLogger(NotificationFanOut.class);

	static final int ORDERS_PER_ROUND = 100;

	private final OrderNotices notices;

	private final ContactBook contacts;

	private final MongoTemplate mongo;

	private final Clock clock;

	NotificationFanOut(OrderNotices notices, ContactBook contacts, MongoTemplate mongo, Clock clock) {
		this.notices = notices;
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
			List<NotificationContact> recipients;
			try {
				recipients = asked.computeIfAbsent(pending.customerId(), contacts::contactsOf);
			}
			catch (RemoteUnavailableException ex) {
				log.warn("No contacts known for {} and customer-service unavailable; its changes wait",
						pending.customerId());
				continue;
			}
			Instant now = clock.instant();
			for (NotificationContact contact : recipients) {
				if (contact.wantsEmail()) {
					queued += queue(pending, contact, now) ? 1 : 0;
				}
			}
			notices.taken(pending);
		}
		return queued;
	}

	private boolean queue(OrderNotices.Pending pending, NotificationContact contact, Instant now) {
		var event = pending.event();
		String language = "zh-CN".equalsIgnoreCase(contact.language()) || String.valueOf(contact.language()).startsWith("zh")
				? "zh-CN" : "en";
		try {
			mongo.insert(new Notification(Notification.idOf(event.eventId(), contact.email()), pending.orderId(),
					pending.customerId(), pending.orderNumber(), event.eventId(), event.kind().name(), event.occurredAt(),
					event.facts(), contact.id(), contact.name(), contact.email().trim(), language, contact.timeZone(),
					Notification.State.QUEUED, 0, now, null, null, null, now, null));
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}
}
