package com.rapport.customer.reorder;

import java.util.ArrayList;
import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reorder reminders mailed to the contact and the drafts it asked for. Erasing deletes its reminders and takes
 * it out of its drafts' records, which stay: a draft is the organisation's (one per expected reorder).
 */
@Component
@Order(3)
class ReorderPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	ReorderPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String kind() {
		return "reorders";
	}

	@Override
	public List<?> export(DataSubject subject) {
		List<Object> mine = new ArrayList<>(
				mongo.find(about(subject).with(Sort.by("createdAt", "_id")), ReorderReminder.class));
		mine.addAll(mongo.find(about(subject).with(Sort.by("createdAt", "_id")), ReorderDraft.class));
		return mine;
	}

	@Override
	public Erasure erase(DataSubject subject) {
		int deleted = (int) mongo.remove(about(subject), ReorderReminder.class).getDeletedCount();
		int anonymised = (int) mongo.updateMulti(about(subject), new Update().unset("contactId"), ReorderDraft.class)
			.getModifiedCount();
		return new Erasure(deleted, anonymised);
	}

	private static Query about(DataSubject subject) {
		return Query.query(Criteria.where("organisationId").is(subject.organisationId()).and("contactId")
			.is(subject.contactId()));
	}
}
