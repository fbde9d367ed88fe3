package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * An organisation's contacts: asked of customer-service each time, and the answer kept (one document per
 * organisation, {@code notification_contacts}), so that while customer-service is down the last known contacts
 * are told (as ticket-service keeps the last known tier). An organisation never asked about before waits.
 */
@Component
class ContactBook {

	private static final Logger log = LoggerFactory.getLogger(ContactBook.class);

	private final ContactSource source;

	private final MongoTemplate mongo;

	private final Clock clock;

	ContactBook(ContactSource source, MongoTemplate mongo, Clock clock) {
		this.source = source;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The contacts; {@link RemoteUnavailableException} only when customer-service is down and none are known. */
	List<NotificationContact> contactsOf(String organisationId) {
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
		mongo.save(new KnownContacts(organisationId, contacts, clock.instant()));
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
