package com.rapport.feedback.response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.feedback.sentiment.Sentiment;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One answer of a contact of a customer organisation to one survey. The id is the answer's own
 * ({@link NewResponse#responseId()}), so a resubmission cannot store it twice. {@code contactId} and
 * {@code comment} are the only personal data; an erasure removes them and keeps the score, which belongs to
 * the organisation's figures. {@code outbox} holds what the timeline has not been told yet (see
 * {@link ResponseOutbox}); {@code followUps} the follow-up ticket a low score or an unhappy comment is owed ({@link FollowUp});
 * {@code sentiment} how the comment reads (null without one). {@code version} is null until stored: with an id chosen by the caller, it is
 * what tells Spring Data the answer is new (so {@code recordedAt} is filled).
 */
@Document("survey_responses")
@CompoundIndexes({ @CompoundIndex(name = "segment_pending", def = "{'segmentPending': 1}", sparse = true),
		// With _id, the latest answer (answeredAt, then _id, newest first) is the index's first entry.
		@CompoundIndex(name = "customer_kind_newest", def = "{'customerId': 1, 'kind': 1, 'answeredAt': -1, '_id': -1}"),
		// The partner API's pages: one organisation's answers, all answers of a kind, all answers; newest first.
		@CompoundIndex(name = "customer_newest", def = "{'customerId': 1, 'answeredAt': -1, '_id': -1}"),
		@CompoundIndex(name = "kind_newest", def = "{'kind': 1, 'answeredAt': -1, '_id': -1}"),
		@CompoundIndex(name = "newest", def = "{'answeredAt': -1, '_id': -1}"),
		@CompoundIndex(name = "customer_contact", def = "{'customerId': 1, 'contactId': 1}"),
		@CompoundIndex(name = "outbox_pending", def = "{'outbox.eventId': 1}", sparse = true),
		@CompoundIndex(name = "follow_ups_pending", def = "{'followUps.eventId': 1}", sparse = true) })
public record SurveyResponse(@Id String id, String customerId, String contactId, SurveyKind kind, int score,
		String comment, Instant answeredAt, SubjectType subjectType, String subjectId, ResponseChannel channel,
		@CreatedDate Instant recordedAt, @Version Long version, List<ResponseEvent> outbox,
		List<UndeliverableEvent> undeliverable, List<FollowUp> followUps, Sentiment sentiment) {

	@PersistenceCreator
	public SurveyResponse {
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		followUps = followUps == null ? List.of() : List.copyOf(followUps);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
	}

	/** A new answer with the timeline event it must be told as. */
	static SurveyResponse answered(String id, String customerId, String contactId, SurveyKind kind, int score,
			String comment, Instant answeredAt, SubjectType subjectType, String subjectId, ResponseChannel channel,
			Sentiment sentiment) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("survey", kind.name());
		facts.put("score", String.valueOf(score));
		facts.put("scale_max", String.valueOf(kind.max()));
		facts.put("subject_type", subjectType.name());
		if (subjectId != null) {
			facts.put("subject_id", subjectId);
		}
		ResponseEvent event = new ResponseEvent("survey-answered:" + id, answeredAt,
				summary(kind, score, subjectType, subjectId), facts);
		return new SurveyResponse(id, customerId, contactId, kind, score, comment, answeredAt, subjectType, subjectId,
				channel, null, null, List.of(event), List.of(), List.of(), sentiment);
	}

	/** The same answer owing a follow-up ticket for {@code reason}, due at {@code dueAt} unless the comment comes first. */
	SurveyResponse withFollowUp(Instant dueAt, String reason) {
		return new SurveyResponse(id, customerId, contactId, kind, score, comment, answeredAt, subjectType, subjectId,
				channel, recordedAt, version, outbox, undeliverable, List.of(followUp(id, dueAt, reason)), sentiment);
	}

	/** The same answer with no timeline event to tell (an answer of long ago). */
	SurveyResponse withoutEvents() {
		return new SurveyResponse(id, customerId, contactId, kind, score, comment, answeredAt, subjectType, subjectId,
				channel, recordedAt, version, List.of(), undeliverable, followUps, sentiment);
	}

	/** The follow-up of answer {@code id}: one per answer, its event id the ticket's idempotency key. */
	static FollowUp followUp(String id, Instant dueAt, String reason) {
		return new FollowUp("survey-follow-up:" + id, dueAt, reason);
	}

	/** "CSAT 2/5 on ticket T-1001", "NPS 9/10 on the relationship". */
	static String summary(SurveyKind kind, int score, SubjectType subjectType, String subjectId) {
		String about = switch (subjectType) {
			case TICKET -> "ticket " + subjectId;
			case ORDER -> "order " + subjectId;
			case RELATIONSHIP -> "the relationship";
		};
		return kind.name() + " " + score + "/" + kind.max() + " on " + about;
	}

	/** An event customer-service refused for good, kept with its reason (see {@link ResponseOutbox}). */
	public record UndeliverableEvent(String eventId, String reason) {
	}
}
