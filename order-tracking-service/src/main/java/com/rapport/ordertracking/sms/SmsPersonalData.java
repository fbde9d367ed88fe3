package com.rapport.ordertracking.sms;

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
 * What this service holds about one contact for SMS: its choice of SMS (the person's own, erased) and the SMS sent to
 * its phone (exported; kept on erasure, like the email delivery log: the organisation's record of what it was told).
 */
@Component
class SmsPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	SmsPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String kind() {
		return "sms";
	}

	@Override
	public List<?> export(DataSubject subject) {
		if (subject.contactId().isEmpty()) {
			return List.of();
		}
		List<Object> held = new ArrayList<>(mongo.find(ofContact(subject), SmsChoices.Saved.class));
		held.addAll(mongo.find(ofContact(subject).with(Sort.by(Sort.Direction.DESC, "createdAt")), SmsMessage.class));
		return held;
	}

	@Override
	public Erasure erase(DataSubject subject) {
		if (subject.contactId().isEmpty()) {
			return Erasure.NOTHING;
		}
		return new Erasure((int) mongo.remove(ofContact(subject), SmsChoices.Saved.class).getDeletedCount(), 0);
	}

	private static Query ofContact(DataSubject subject) {
		return Query.query(Criteria.where("contactId").is(subject.contactId()).and("customerId")
			.is(subject.organisationId()));
	}
}
