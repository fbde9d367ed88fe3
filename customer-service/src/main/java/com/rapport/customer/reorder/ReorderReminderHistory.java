package com.rapport.customer.reorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.customer.growth.ReminderHistory;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The reorder reminders mailed ({@code SENT}), for the churn risk: one read by the index {@code organisation_state},
 * for one organisation or a page of them.
 */
@Component
class ReorderReminderHistory implements ReminderHistory {

	private final MongoTemplate mongo;

	ReorderReminderHistory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<Instant> mailed(String organisationId) {
		return mailed(List.of(organisationId)).getOrDefault(organisationId, List.of());
	}

	@Override
	public Map<String, List<Instant>> mailed(Collection<String> organisationIds) {
		Map<String, List<Instant>> mailed = new LinkedHashMap<>();
		if (organisationIds.isEmpty()) {
			return mailed;
		}
		Query sent = Query.query(Criteria.where("organisationId").in(organisationIds)
			.and("state").is(ReorderReminder.State.SENT));
		sent.fields().include("organisationId", "sentAt");
		for (Document reminder : mongo.find(sent, Document.class, mongo.getCollectionName(ReorderReminder.class))) {
			if (reminder.get("sentAt") instanceof Date at) {
				mailed.computeIfAbsent(reminder.getString("organisationId"), id -> new ArrayList<>()).add(at.toInstant());
			}
		}
		return mailed;
	}
}
