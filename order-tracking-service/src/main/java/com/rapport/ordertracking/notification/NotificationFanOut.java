package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.ordertracking.incident.IncidentRecipients;
import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.ordertracking.sms.SmsChoices;
import com.rapport.ordertracking.sms.SmsOutbox;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns each pending order change, and each incident notice waiting for an organisation, into one inbox item per
 * contact who wants its topic and one queued email for each of those who also want email and have an address
 * ({@link NotificationPreferences}: as saved, else the defaults; an email that falls in the contact's quiet hours
 * is queued for their end unless urgent), then takes the change off the order (the notice off the organisation's
 * recipient). An incident notice's event id is the notice's own, so an address hears of one notice once, even as
 * a contact of two affected organisations. Safe to run on every replica at once and to repeat after a crash: a
 * notification's id is the change and the address, an inbox item's the change and the contact, so queuing one
 * twice stores it once, and a change is only taken off once all are stored.
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

	private final PreferenceBook preferences;

	private final Inbox inbox;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final SmsChoices smsChoices;

	private final SmsOutbox sms;

	private final NotificationWorkers workers;

	NotificationFanOut(OrderNotices notices, IncidentRecipients incidents, ContactBook contacts,
			PreferenceBook preferences, Inbox inbox, MongoTemplate mongo, Clock clock, SmsChoices smsChoices,
			SmsOutbox sms, NotificationWorkers workers) {
		this.workers = workers;
		this.notices = notices;
		this.incidents = incidents;
		this.contacts = contacts;
		this.preferences = preferences;
		this.inbox = inbox;
		this.mongo = mongo;
		this.clock = clock;
		this.smsChoices = smsChoices;
		this.sms = sms;
	}

	/** What one change is, wherever it comes from: an order's notice or an incident notice to an organisation. */
	private record Change(String orderId, String customerId, String orderNumber, String eventId, String kind,
			Instant occurredAt, Map<String, String> facts) {
	}

	/** An organisation's contacts and their preferences (SMS chosen or not, by contact), asked once a round. */
	private record Audience(List<NotificationContact> contacts, Map<String, NotificationPreferences> saved,
			Map<String, Boolean> sms) {
	}

	/**
	 * One round; answers how many emails it queued. The orders' changes are told {@code rapport.notifications.senders}
	 * orders at once (each order's in turn), so that their writes share the store's commits.
	 */
	int queuePending() {
		// One question to customer-service per organisation and round, however many of its changes wait.
		Map<String, Audience> asked = new HashMap<>();
		Map<String, List<OrderNotices.Pending>> byOrder = new LinkedHashMap<>();
		for (OrderNotices.Pending pending : notices.pending(ORDERS_PER_ROUND)) {
			if (audienceOf(pending.customerId(), asked) != null) {
				byOrder.computeIfAbsent(pending.orderId(), id -> new ArrayList<>()).add(pending);
			}
		}
		AtomicInteger told = new AtomicInteger();
		workers.runAll(byOrder.values().stream().<Runnable>map(changes -> () -> {
			for (OrderNotices.Pending pending : changes) {
				var event = pending.event();
				told.addAndGet(tell(asked.get(pending.customerId()), new Change(pending.orderId(), pending.customerId(),
						pending.orderNumber(), event.eventId(), event.kind().name(), event.occurredAt(), event.facts())));
				notices.taken(pending);
			}
		}).toList());
		int queued = told.get();
		for (IncidentRecipients.Pending pending : incidents.pending(ORDERS_PER_ROUND)) {
			Audience audience = audienceOf(pending.customerId(), asked);
			if (audience == null) {
				continue;
			}
			queued += tell(audience, new Change(null, pending.customerId(), null, pending.eventId(), INCIDENT_NOTICE,
					pending.occurredAt(), pending.facts()));
			incidents.taken(pending);
		}
		return queued;
	}

	/** The inbox items and emails of one change; answers how many emails it queued. */
	private int tell(Audience audience, Change change) {
		Instant now = clock.instant();
		NotificationTopic topic = NotificationTopic.of(change.kind(), change.facts());
		int queued = 0;
		for (NotificationContact contact : audience.contacts()) {
			NotificationPreferences wanted = audience.saved().getOrDefault(contact.id(),
					NotificationPreferences.defaults(change.customerId(), contact));
			if (contact.id() == null || !wanted.wants(topic)) {
				continue;
			}
			inbox.deliver(new InboxItem(InboxItem.idOf(change.eventId(), contact.id()), change.customerId(),
					contact.id(), change.orderId(), change.orderNumber(), change.eventId(), change.kind(), topic,
					change.occurredAt(), change.facts(), now, false, null));
			if (wanted.email() && contact.hasEmail()) {
				Instant due = wanted.emailAt(change.kind(), change.facts(), now, contact.timeZone());
				queued += insert(new Notification(Notification.idOf(change.eventId(), contact.email()), change.orderId(),
						change.customerId(), change.orderNumber(), change.eventId(), change.kind(), change.occurredAt(),
						change.facts(), contact.id(), contact.name(), contact.email().trim(), languageOf(contact),
						contact.timeZone(), Notification.State.QUEUED, 0, due, null, null, null, now, null)) ? 1 : 0;
			}
			if (contact.hasPhone() && smsChoices.wants(audience.sms(), contact.id(), contact.prefersSms())) {
				// The same quiet hours and urgency as an email (package sms).
				Instant due = wanted.emailAt(change.kind(), change.facts(), now, contact.timeZone());
				sms.queue(new SmsOutbox.Change(change.eventId(), change.orderId(), change.customerId(),
						change.orderNumber(), change.kind(), change.facts()), contact.id(), contact.name(),
						contact.phone(), languageOf(contact), due);
			}
		}
		return queued;
	}

	/**
	 * The organisation's contacts and their saved preferences, asked once a round; null when customer-service is
	 * down and no contacts are known (what they are to be told waits for a later round).
	 */
	private Audience audienceOf(String customerId, Map<String, Audience> asked) {
		if (asked.containsKey(customerId)) {
			return asked.get(customerId);
		}
		Audience audience;
		try {
			audience = new Audience(contacts.contactsOf(customerId), preferences.savedOf(customerId),
					smsChoices.savedOf(customerId));
		}
		catch (RemoteUnavailableException ex) {
			log.warn("No contacts known for {} and customer-service unavailable; what it is to be told waits",
					customerId);
			audience = null;
		}
		// Asked once a round, answered or not.
		asked.put(customerId, audience);
		return audience;
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
