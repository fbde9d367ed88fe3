package com.rapport.feedback.response;

import java.time.Instant;
import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The answers a contact gave, with what they wrote. Erasing keeps each answer's score (the organisation's
 * figures are made of it) and removes who gave it and the comment, the only things in it about the person.
 */
@Component
class ResponsePersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	ResponsePersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** One answer as the export shows it. */
	record GivenAnswer(String responseId, String organisationId, SurveyKind survey, int score, String comment,
			Instant answeredAt, SubjectType subjectType, String subjectId, ResponseChannel channel) {
	}

	@Override
	public String kind() {
		return "survey_responses";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return mongo.find(givenBy(subject).with(Sort.by("answeredAt", "_id")), SurveyResponse.class).stream()
			.map(answer -> new GivenAnswer(answer.id(), answer.customerId(), answer.kind(), answer.score(),
					answer.comment(), answer.answeredAt(), answer.subjectType(), answer.subjectId(), answer.channel()))
			.toList();
	}

	@Override
	public Erasure erase(DataSubject subject) {
		long changed = mongo.updateMulti(givenBy(subject), new Update().unset("contactId").unset("comment"),
				SurveyResponse.class).getModifiedCount();
		return new Erasure(0, (int) changed);
	}

	/** The contact's answers for their organisation: the same contact id elsewhere is not theirs to reach. */
	private static Query givenBy(DataSubject subject) {
		return Query.query(Criteria.where("customerId").is(subject.organisationId()).and("contactId")
			.is(subject.contactId()));
	}
}
