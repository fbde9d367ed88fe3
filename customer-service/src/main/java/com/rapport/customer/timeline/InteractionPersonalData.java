package com.rapport.customer.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Timeline entries about the contact (consents given or withdrawn, and whatever else names the contact
 * by id). The organisation's history keeps the entry, so erasing takes the person's name out of its
 * summary and marks it erased; the contact id left in it leads nowhere once the contact is gone.
 */
@Component
@Order(1)
class InteractionPersonalData implements PersonalDataHolder {

	static final String ERASED = "erased";

	static final String ERASED_NAME = "[erased contact]";

	private final MongoTemplate mongo;

	InteractionPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String kind() {
		return "interactions";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return mongo.find(about(subject).with(org.springframework.data.domain.Sort.by("occurredAt")),
				Interaction.class);
	}

	@Override
	public Erasure erase(DataSubject subject) {
		int anonymised = 0;
		Query notYetErased = about(subject).addCriteria(Criteria.where("attributes." + ERASED).exists(false));
		for (Interaction interaction : mongo.find(notYetErased, Interaction.class)) {
			Map<String, String> attributes = new HashMap<>(interaction.attributes());
			attributes.put(ERASED, "true");
			mongo.save(new Interaction(interaction.id(), interaction.source(), interaction.eventId(),
					interaction.organisationId(), interaction.kind(), interaction.occurredAt(),
					withoutName(interaction.summary(), subject.name()), interaction.reference(), attributes,
					interaction.recordedAt(), interaction.summaryCode(),
					interaction.summaryArgs().stream().map(arg -> withoutName(arg, subject.name())).toList()));
			anonymised++;
		}
		return new Erasure(0, anonymised);
	}

	private static Query about(DataSubject subject) {
		return Query.query(Criteria.where("organisationId").is(subject.organisationId())
			.orOperator(Criteria.where("attributes.contact_id").is(subject.contactId()),
					Criteria.where("reference").is("contact:" + subject.contactId())));
	}

	private static String withoutName(String summary, String name) {
		if (summary == null || name.isEmpty()) {
			return summary;
		}
		return summary.replace(name, ERASED_NAME);
	}
}
