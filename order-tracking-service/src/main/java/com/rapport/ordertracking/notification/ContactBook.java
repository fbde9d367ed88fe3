package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * An organisation's contacts: asked of customer-service (again after {@code rapport.notifications.contacts-fresh},
 * 2 s), and the answer kept (one document per organisation, {@code notification_contacts}, written when it changed),
 * so that while customer-service is down the last known contacts are told (as ticket-service keeps the last known
 * tier). An organisation never asked about before waits.
 */
@Component
class ContactBook {

	private static final Logger log = LoggerFactory.getLogger(ContactBook.class);

	private final ContactSource source;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration fresh;

	/** The latest answer per organisation, used again while fresh ({@code rapport.notifications.contacts-fresh}). */
	private final Map<String, Answer> recent = new ConcurrentHashMap<>();

	private record Answer(List<NotificationContact> contacts, Instant at) {
	}

	ContactBook(ContactSource source, MongoTemplate mongo, Clock clock, NotificationProperties properties) {
		this.source = source;
		this.mongo = mongo;
		this.clock = clock;
		this.fresh = properties.contactsFresh();
	}

	/** The contacts; {@link RemoteUnavailableException} only when customer-service is down and none are known. */
	List<NotificationContact> contactsOf(String organisationId) {
		Answer latest = recent.get(organisationId);
		if (latest != null && !fresh.isZero() && !fresh.isNegative() && clock.instant().isBefore(latest.at().plus(fresh))) {
			return latest.contacts();
		}
		List<NotificationContact> contacts;
		try {
			contacts = source.contactsOf(organisationId);
		}
		catch (NotFoundException gone) {
			contacts = List.of();
		}
		catch (RemoteUnavailableException down) {
			KnownContacts known = mongo.findById(organisationId, KnownContacts.class);
			if (known == null) {
				throw down;
			}
			log.info("customer-service unavailable; the contacts of {} as known at {}", organisationId, known.fetchedAt());
			return known.contacts();
		}
		Instant now = clock.instant();
		KnownContacts stored = mongo.findById(organisationId, KnownContacts.class);
		if (stored == null || !stored.contacts().equals(contacts)) {
			// Kept for when customer-service is down; written again only when the answer changed (a read costs less
			// than a synced write).
			mongo.save(new KnownContacts(organisationId, contacts, now));
		}
		recent.put(organisationId, new Answer(List.copyOf(contacts), now));
		return contacts;
	}

	/**
	 * The organisation's contact whose portal login is {@code userName}, as last known. customer-service is asked
	 * when the organisation was never asked about, or when {@code askIfUnknown} and the login is not among the
	 * known contacts (newly linked); while it is down, what is known answers. {@link RemoteUnavailableException}
	 * only when {@code askIfUnknown}, customer-service is down and nothing is known of the organisation.
	 */
	Optional<NotificationContact> ownContact(String organisationId, String userName, boolean askIfUnknown) {
		KnownContacts known = mongo.findById(organisationId, KnownContacts.class);
		Optional<NotificationContact> found = known == null ? Optional.empty() : byLogin(known.contacts(), userName);
		if (found.isPresent() || (known != null && !askIfUnknown)) {
			return found;
		}
		try {
			return byLogin(contactsOf(organisationId), userName);
		}
		catch (RemoteUnavailableException down) {
			if (askIfUnknown) {
				throw down;
			}
			return Optional.empty();
		}
	}

	private static Optional<NotificationContact> byLogin(List<NotificationContact> contacts, String userName) {
		return contacts.stream().filter(c -> c.isLogin(userName)).findFirst();
	}
}
