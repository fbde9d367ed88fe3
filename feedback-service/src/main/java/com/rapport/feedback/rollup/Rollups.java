package com.rapport.feedback.rollup;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import com.rapport.feedback.response.AnswerTally;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.response.SurveyResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the monthly roll-ups: each stored answer adds one to its score's count in its organisation's month and in
 * every organisation's (called by the recording itself, once per answer: {@link AnswerTally}); each invitation sent
 * and each invitation answered adds one to the month it was sent. Increments only, so two replicas counting at once
 * both count, and the dashboard reads a few documents instead of the answers. The same counts go to the roll-ups by
 * the organisation's segment ({@link SegmentCounts}), in the same call.
 */
@Service
public class Rollups implements AnswerTally {

	private final MongoTemplate mongo;

	private final SegmentCounts segments;

	/** Without the roll-ups by segment (tests of the organisations' roll-ups alone). */
	Rollups(MongoTemplate mongo) {
		this(mongo, (SegmentCounts) null);
	}

	Rollups(MongoTemplate mongo, SegmentCounts segments) {
		this.mongo = mongo;
		this.segments = segments;
	}

	/** The segments' counts when the context has them (a slice that imports this class alone has not). */
	@Autowired
	Rollups(MongoTemplate mongo, ObjectProvider<SegmentCounts> segments) {
		this(mongo, segments.getIfAvailable());
	}

	@Override
	public void counted(SurveyResponse answer) {
		add(answer.customerId(), answer.kind(), answer.answeredAt(), "scores.s" + answer.score());
		if (segments != null) {
			segments.count(new SegmentCounts.Counted(answer.id(), answer.customerId(), answer.kind(), answer.score(),
					answer.answeredAt()));
		}
	}

	/** An invitation of {@code kind} sent at {@code invitedAt} to a contact of {@code customerId}. */
	public void invited(String customerId, String kind, Instant invitedAt) {
		add(customerId, SurveyKind.valueOf(kind), invitedAt, "invited");
	}

	/** The first answer to an invitation sent at {@code invitedAt}. */
	public void invitationAnswered(String customerId, String kind, Instant invitedAt) {
		add(customerId, SurveyKind.valueOf(kind), invitedAt, "invitedAnswered");
	}

	/** {@code invited} invitations of {@code kind} sent at {@code invitedAt}, {@code answered} of them answered (the demo's past). */
	public void invitations(String customerId, String kind, Instant invitedAt, long invited, long answered) {
		String month = monthOf(invitedAt);
		for (String who : new String[] { customerId, Rollup.ALL }) {
			upsert(who, month, SurveyKind.valueOf(kind),
					new Update().inc("invited", invited).inc("invitedAnswered", answered));
		}
		if (segments != null) {
			segments.add(customerId, SurveyKind.valueOf(kind), month,
					new Update().inc("invited", invited).inc("invitedAnswered", answered));
		}
	}

	static String monthOf(Instant instant) {
		return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).toString();
	}

	private void add(String customerId, SurveyKind kind, Instant when, String field) {
		String month = monthOf(when);
		increment(customerId, month, kind, field);
		increment(Rollup.ALL, month, kind, field);
		if (segments != null && !field.startsWith("scores.")) {
			segments.add(customerId, kind, month, new Update().inc(field, 1L));
		}
	}

	private void increment(String customerId, String month, SurveyKind kind, String field) {
		upsert(customerId, month, kind, new Update().inc(field, 1L));
	}

	private void upsert(String customerId, String month, SurveyKind kind, Update increments) {
		Query query = Query.query(Criteria.where("_id").is(Rollup.idOf(customerId, month, kind)));
		Update update = increments.setOnInsert("customerId", customerId).setOnInsert("month", month)
			.setOnInsert("kind", kind.name());
		try {
			mongo.upsert(query, update, Rollup.class);
		}
		catch (DuplicateKeyException ex) {
			// Two first answers of a month at once: the other made the document; add to it.
			mongo.upsert(query, update, Rollup.class);
		}
	}
}
