package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.sms.SmsChoices;
import com.rapport.support.audit.AuditDetails;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Contacts' notification preferences, kept here because this service sends by them: the fan-out reads them from
 * its own store on every round, so they hold while customer-service is down, and the topics are this service's
 * events. What is the person's (language, time zone, preferred channel, consents) stays with customer-service; the
 * preferred channel there decides the default email choice of a contact who never chose. Only the contact itself
 * reads and changes its own (found by its login, {@link ContactBook#ownContact}); each change is audited.
 */
@Service
public class PreferenceBook {

	private final MongoTemplate mongo;

	private final ContactBook contacts;

	private final AuditTrail audit;

	private final Clock clock;

	private final SmsChoices sms;

	PreferenceBook(MongoTemplate mongo, ContactBook contacts, AuditTrail audit, Clock clock, SmsChoices sms) {
		this.mongo = mongo;
		this.contacts = contacts;
		this.audit = audit;
		this.clock = clock;
		this.sms = sms;
	}

	/**
	 * The contact's preferences and the contact they are for; {@code sms} whether it is told by SMS too (package
	 * sms), {@code smsAvailable} whether it may choose it (a provider is configured and it has a phone number).
	 */
	public record Mine(NotificationContact contact, NotificationPreferences preferences, boolean sms,
			boolean smsAvailable) {
	}

	/**
	 * What a contact chooses. A null in {@code topics} is a topic this version does not know; {@code quietFrom} and
	 * {@code quietUntil} count only with {@code quietHours}.
	 */
	public record Choice(List<NotificationTopic> topics, boolean email, boolean sms, boolean quietHours,
			String quietFrom, String quietUntil) {
	}

	public Mine mine(Caller caller) {
		NotificationContact me = me(caller);
		String organisation = caller.customerId().orElseThrow();
		return new Mine(me, of(organisation, me), sms.wants(organisation, me.id(), me.prefersSms()),
				sms.available() && me.hasPhone());
	}

	/** Replaces the caller's preferences; each bad field is named, and then nothing is stored. */
	public Mine updateMine(Caller caller, Choice choice) {
		NotificationContact me = me(caller);
		check(choice, sms.available() && me.hasPhone());
		String organisation = caller.customerId().orElseThrow();
		NotificationPreferences before = of(organisation, me);
		NotificationPreferences after = new NotificationPreferences(NotificationPreferences.idOf(organisation, me.id()),
				organisation, me.id(), choice.topics(), choice.email(),
				choice.quietHours() ? new QuietHours(choice.quietFrom(), choice.quietUntil()) : null, clock.instant());
		boolean smsBefore = sms.wants(organisation, me.id(), me.prefersSms());
		mongo.save(after);
		sms.save(organisation, me.id(), choice.sms());
		List<String> changed = new java.util.ArrayList<>(changed(before, after));
		if (smsBefore != choice.sms()) {
			changed.add("sms");
		}
		audit.record(caller, "notification-preferences.updated", "contact", me.id(), organisation,
				AuditDetails.fields(changed));
		return new Mine(me, after, choice.sms(), sms.available() && me.hasPhone());
	}

	/** The contact's preferences: as saved, else the defaults. */
	NotificationPreferences of(String organisationId, NotificationContact contact) {
		NotificationPreferences saved = mongo.findById(NotificationPreferences.idOf(organisationId, contact.id()),
				NotificationPreferences.class);
		return saved != null ? saved : NotificationPreferences.defaults(organisationId, contact);
	}

	/** Every saved preference of an organisation's contacts, by contact id: one query by the index {@code customer}. */
	Map<String, NotificationPreferences> savedOf(String organisationId) {
		Map<String, NotificationPreferences> saved = new HashMap<>();
		mongo.find(Query.query(Criteria.where("customerId").is(organisationId)), NotificationPreferences.class)
			.forEach(p -> saved.put(p.contactId(), p));
		return saved;
	}

	private NotificationContact me(Caller caller) {
		if (!caller.isCustomer() || caller.customerId().isEmpty()) {
			throw new AccessDeniedException("Notification preferences are a customer contact's own");
		}
		return contacts.ownContact(caller.customerId().get(), caller.name(), true)
			.orElseThrow(() -> new NotFoundException(Message.of("contact.own.none")));
	}

	private static void check(Choice choice, boolean smsAvailable) {
		Map<String, Message> bad = new LinkedHashMap<>();
		if (choice.topics() == null || choice.topics().stream().anyMatch(t -> t == null)) {
			bad.put("topics", Message.of("notifications.preferences.topic-unknown"));
		}
		if (choice.sms() && !smsAvailable) {
			bad.put("sms", Message.of("notifications.preferences.sms-unavailable"));
		}
		if (choice.quietHours()) {
			if (!QuietHours.isTime(choice.quietFrom())) {
				bad.put("quiet_from", Message.of("notifications.preferences.time-format"));
			}
			if (!QuietHours.isTime(choice.quietUntil())) {
				bad.put("quiet_until", Message.of("notifications.preferences.time-format"));
			}
			else if (choice.quietUntil().equals(choice.quietFrom())) {
				bad.put("quiet_until", Message.of("notifications.preferences.quiet-empty"));
			}
		}
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("problem.invalid-fields"), bad);
		}
	}

	private static List<String> changed(NotificationPreferences before, NotificationPreferences after) {
		List<String> fields = new java.util.ArrayList<>();
		if (!before.topics().equals(after.topics())) {
			fields.add("topics");
		}
		if (before.email() != after.email()) {
			fields.add("email");
		}
		if (!java.util.Objects.equals(before.quietHours(), after.quietHours())) {
			fields.add("quietHours");
		}
		return fields;
	}
}
