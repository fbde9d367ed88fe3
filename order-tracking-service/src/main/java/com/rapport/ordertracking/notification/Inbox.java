package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A contact's portal inbox: every notification the fan-out makes for the contact, whatever channel it chose.
 * Only the contact itself reads and marks it: the caller's contact is the one of its token's organisation whose
 * portal login is the caller's user name ({@link ContactBook#ownContact}), and every query names that
 * organisation and contact, so another contact's item is not found, like an unknown one.
 */
@Service
public class Inbox {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final MongoTemplate mongo;

	private final ContactBook contacts;

	private final Clock clock;

	Inbox(MongoTemplate mongo, ContactBook contacts, Clock clock) {
		this.mongo = mongo;
		this.contacts = contacts;
		this.clock = clock;
	}

	/** One page of the contact's items, newest first, with the counts of all and of unread ones. */
	public record Page(List<InboxItem> items, long total, long unread) {
	}

	public Page mine(Caller caller, int page, int size) {
		Optional<Owner> mine = owner(caller);
		if (mine.isEmpty()) {
			return new Page(List.of(), 0, 0);
		}
		int pageSize = size <= 0 || size > MAX_PAGE_SIZE ? DEFAULT_PAGE_SIZE : size;
		Query query = Query.query(mine.get().items())
			.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "occurredAt")))
			.skip((long) Math.max(page, 0) * pageSize).limit(pageSize);
		List<InboxItem> items = mongo.find(query, InboxItem.class);
		long total = mongo.count(Query.query(mine.get().items()), InboxItem.class);
		return new Page(items, total, unread(mine.get()));
	}

	public long unread(Caller caller) {
		return owner(caller).map(this::unread).orElse(0L);
	}

	/** Marks the item read (again: no change); not found when it is not the caller's. */
	public InboxItem markRead(Caller caller, String itemId) {
		Owner mine = owner(caller).orElseThrow(() -> notFound(itemId));
		mongo.updateFirst(Query.query(mine.items().and("_id").is(itemId).and("read").is(false)),
				new Update().set("read", true).set("readAt", clock.instant()), InboxItem.class);
		InboxItem read = mongo.findOne(Query.query(mine.items().and("_id").is(itemId)), InboxItem.class);
		if (read == null) {
			throw notFound(itemId);
		}
		return read;
	}

	/** Marks every unread item of the caller's read; answers how many were unread. */
	public long markAllRead(Caller caller) {
		return owner(caller).map(mine -> mongo.updateMulti(Query.query(mine.items().and("read").is(false)),
				new Update().set("read", true).set("readAt", clock.instant()), InboxItem.class).getModifiedCount())
			.orElse(0L);
	}

	/** Puts an item in its contact's inbox unless it is there already (the same change for the same contact). */
	boolean deliver(InboxItem item) {
		try {
			mongo.insert(item);
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	private long unread(Owner mine) {
		return mongo.count(Query.query(mine.items().and("read").is(false)), InboxItem.class);
	}

	/** Whose inbox: the contact of an organisation. */
	private record Owner(String customerId, String contactId) {

		/** A fresh criterion for the owner's items each time (criteria chain by changing themselves). */
		Criteria items() {
			return Criteria.where("contactId").is(contactId).and("customerId").is(customerId);
		}
	}

	/** The caller's own inbox; empty when no contact is linked to its login (then it has none). */
	private Optional<Owner> owner(Caller caller) {
		if (!caller.isCustomer() || caller.customerId().isEmpty()) {
			throw new AccessDeniedException("The inbox is a customer contact's own");
		}
		String organisation = caller.customerId().get();
		return contacts.ownContact(organisation, caller.name(), false)
			.map(contact -> new Owner(organisation, contact.id()));
	}

	private static NotFoundException notFound(String itemId) {
		return new NotFoundException(Message.of("notifications.inbox.not-found", itemId));
	}
}
