package com.rapport.feedback.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.segment.OrganisationSegments;
import com.rapport.feedback.segment.Segment;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the roll-ups by segment ({@value #COLLECTION}): each answer adds one to its score's count in the month, the
 * survey and the segment its organisation had when it was counted. The answer itself says it was counted and where:
 * its {@code segment} (tier, industry, region) is set by a conditional update ({@code segment} absent) before the
 * increment, so an answer is counted in one segment once, whoever counts it (the recording, the recount, two replicas
 * at once). An answer counted under {@link Segment#UNKNOWN} because customer-service could not be asked carries
 * {@code segmentPending}; once the copy knows its organisation's segment, {@link #settle()} moves it (a conditional
 * update on {@code segmentPending}, then one less in the unknown segment and one more in the known one).
 */
@Service
public class SegmentCounts {

	static final String COLLECTION = "feedback_segment_rollups";

	static final String ANSWERS = "survey_responses";

	/** Invitation counts made under the unknown segment, to be moved once the organisation's segment is known. */
	static final String PENDING_COUNTS = "feedback_segment_pending_counts";

	/** How many answers one pass of the recount or the settling holds in memory. */
	static final int BATCH = 20_000;

	private final MongoTemplate mongo;

	private final OrganisationSegments segments;

	SegmentCounts(MongoTemplate mongo, OrganisationSegments segments) {
		this.mongo = mongo;
		this.segments = segments;
	}

	/** An answer's facts that its counting needs. */
	record Counted(String id, String customerId, SurveyKind kind, int score, Instant answeredAt) {

		static Counted of(Document answer) {
			return new Counted(answer.getString("_id"), answer.getString("customerId"),
					SurveyKind.valueOf(answer.getString("kind")), answer.getInteger("score"),
					answer.getDate("answeredAt").toInstant());
		}
	}

	/** Counts the stored answer in its organisation's segment unless it was counted already; answers whether it did. */
	boolean count(Counted answer) {
		OrganisationSegments.Lookup lookup = segments.of(answer.customerId());
		Update claim = new Update().set("segment", lookup.segment().toDocument());
		if (lookup.pending()) {
			claim.set("segmentPending", true);
		}
		Query uncounted = Query.query(Criteria.where("_id").is(answer.id()).and("segment").exists(false));
		if (mongo.updateFirst(uncounted, claim, ANSWERS).getModifiedCount() == 0) {
			return false;
		}
		increment(lookup.segment(), Rollups.monthOf(answer.answeredAt()), answer.kind(),
				new Update().inc("scores.s" + answer.score(), 1L));
		return true;
	}

	/**
	 * Invitations sent or answered, in the organisation's segment now. Counted under the unknown segment because the
	 * segment was not to be learnt then, they are also kept as a pending count ({@value #PENDING_COUNTS}) that
	 * {@link #settle()} moves, as it moves pending answers (the demo's year of invitations at a start, while
	 * customer-service is still starting).
	 */
	void add(String customerId, SurveyKind kind, String month, Update increments) {
		OrganisationSegments.Lookup lookup = segments.of(customerId);
		increment(lookup.segment(), month, kind, increments);
		if (lookup.pending()) {
			Document added = new Document(increments.getUpdateObject().get("$inc", Document.class));
			mongo.insert(new Document("customerId", customerId).append("kind", kind.name()).append("month", month)
				.append("inc", added), PENDING_COUNTS);
		}
	}

	/**
	 * Whether any answer or invitation count waits for its segment (one read of the sparse index
	 * {@code segment_pending}, one of the pending counts, which are few and usually none).
	 */
	public boolean anyPending() {
		return mongo.exists(Query.query(Criteria.where("segmentPending").is(true)), ANSWERS)
				|| mongo.exists(new Query(), PENDING_COUNTS);
	}

	/**
	 * Moves the answers counted under the unknown segment to their organisation's, for those whose segment the copy
	 * knows now, then the pending invitation counts; those of an organisation customer-service does not know yet stay
	 * pending. Answers how many moved.
	 */
	public int settle() {
		int moved = 0;
		List<Counted> pending = batch(Criteria.where("segmentPending").is(true));
		Map<String, Optional<OrganisationSegments.Lookup>> kept = new HashMap<>();
		for (Counted answer : pending) {
			Optional<OrganisationSegments.Lookup> lookup = kept.computeIfAbsent(answer.customerId(), segments::kept);
			if (lookup.isEmpty() || lookup.get().pending()) {
				continue; // not learnt yet: the next refresh
			}
			Segment segment = lookup.get().segment();
			Query stillPending = Query.query(Criteria.where("_id").is(answer.id()).and("segmentPending").is(true));
			Update settled = new Update().set("segment", segment.toDocument()).unset("segmentPending");
			if (mongo.updateFirst(stillPending, settled, ANSWERS).getModifiedCount() == 1 && segment.known()) {
				String field = "scores.s" + answer.score();
				String month = Rollups.monthOf(answer.answeredAt());
				increment(Segment.UNKNOWN, month, answer.kind(), new Update().inc(field, -1L));
				increment(segment, month, answer.kind(), new Update().inc(field, 1L));
				moved++;
			}
		}
		return moved + settleCounts(kept);
	}

	/** Moves the pending invitation counts whose organisation's segment is known now; answers how many moved. */
	private int settleCounts(Map<String, Optional<OrganisationSegments.Lookup>> kept) {
		int moved = 0;
		for (Document pending : mongo.find(new Query().limit(BATCH), Document.class, PENDING_COUNTS)) {
			Optional<OrganisationSegments.Lookup> lookup = kept.computeIfAbsent(pending.getString("customerId"),
					segments::kept);
			if (lookup.isEmpty() || lookup.get().pending()) {
				continue;
			}
			// Whoever removes the pending count moves it: once, whichever replica settles.
			if (mongo.remove(Query.query(Criteria.where("_id").is(pending.get("_id"))), PENDING_COUNTS)
				.getDeletedCount() != 1) {
				continue;
			}
			Update less = new Update();
			Update more = new Update();
			pending.get("inc", Document.class).forEach((field, value) -> {
				long count = ((Number) value).longValue();
				less.inc(field, -count);
				more.inc(field, count);
			});
			String month = pending.getString("month");
			SurveyKind kind = SurveyKind.valueOf(pending.getString("kind"));
			increment(Segment.UNKNOWN, month, kind, less);
			increment(lookup.get().segment(), month, kind, more);
			moved++;
		}
		return moved;
	}

	/**
	 * Counts the answers stored before the roll-ups by segment existed (no {@code segment}), each in its
	 * organisation's segment now (what it was when they answered is not known); answers how many it counted.
	 */
	public int recount() {
		int counted = 0;
		List<Counted> uncounted;
		do {
			uncounted = batch(Criteria.where("segment").exists(false));
			for (Counted answer : uncounted) {
				counted += count(answer) ? 1 : 0;
			}
		}
		while (uncounted.size() == BATCH);
		return counted;
	}

	private List<Counted> batch(Criteria criteria) {
		Query query = Query.query(criteria).limit(BATCH);
		query.fields().include("customerId", "kind", "score", "answeredAt");
		List<Counted> answers = new ArrayList<>();
		try (Stream<Document> found = mongo.stream(query, Document.class, ANSWERS)) {
			found.forEach(answer -> answers.add(Counted.of(answer)));
		}
		return answers;
	}

	static String idOf(Segment segment, String month, SurveyKind kind) {
		return month + "|" + kind.name() + "|" + segment.key();
	}

	private void increment(Segment segment, String month, SurveyKind kind, Update increments) {
		Query query = Query.query(Criteria.where("_id").is(idOf(segment, month, kind)));
		Update update = increments.setOnInsert("month", month).setOnInsert("kind", kind.name())
			.setOnInsert("tier", segment.tier()).setOnInsert("industry", segment.industry())
			.setOnInsert("region", segment.region());
		try {
			mongo.upsert(query, update, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			mongo.upsert(query, update, COLLECTION); // two first counts of a segment's month at once
		}
	}
}
