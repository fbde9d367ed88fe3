package com.rapport.ordertracking.notification;

import java.util.ArrayList;
import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What this service holds about one contact as a person: its notification preferences and its portal inbox (what
 * it was told and when it read it). Erasing deletes both; the orders and the email delivery log are the
 * organisation's records.
 */
@Component
class InboxPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	InboxPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String kind() {
		return "notification-inbox";
	}

	@Override
	public List<?> export(DataSubject subject) {
		if (subject.contactId().isEmpty()) {
			return List.of();
		}
		List<Object> held = new ArrayList<>(mongo.find(ofContact(subject), NotificationPreferences.class));
		held.addAll(mongo.find(ofContact(subject).with(Sort.by(Sort.Direction.DESC, "createdAt")), InboxItem.class));
		return held;
	}

	@Override
	public Erasure erase(DataSubject subject) {
		if (subject.contactId().isEmpty()) {
			return Erasure.NOTHING;
		}
		long deleted = mongo.remove(ofContact(subject), NotificationPreferences.class).getDeletedCount()
				+ mongo.remove(ofContact(subject), InboxItem.class).getDeletedCount();
		return new Erasure((int) deleted, 0);
	}

	private static Query ofContact(DataSubject subject) {
		return Query.query(Criteria.where("contactId").is(subject.contactId()).and("customerId")
			.is(subject.organisationId()));
	}
}
