package com.rapport.customer.care;

import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The greetings sent to (or withheld from) the contact: their ids tell its birthday, so they are the contact's
 * data. Erasing deletes them; the timeline entries about them lose the name like every other entry.
 */
@Component
@Order(2)
class GreetingPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	GreetingPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String kind() {
		return "greetings";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return mongo.find(about(subject).with(Sort.by("createdAt", "_id")), Greeting.class);
	}

	@Override
	public Erasure erase(DataSubject subject) {
		return new Erasure((int) mongo.remove(about(subject), Greeting.class).getDeletedCount(), 0);
	}

	private static Query about(DataSubject subject) {
		return Query.query(Criteria.where("organisationId").is(subject.organisationId()).and("contactId")
			.is(subject.contactId()));
	}
}
