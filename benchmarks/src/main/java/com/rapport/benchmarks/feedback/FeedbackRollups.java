package com.rapport.benchmarks.feedback;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The monthly roll-ups a batch of answers adds to feedback-service's {@code feedback_rollups}, exactly as the
 * service's {@code Rollups} keeps them as each answer is recorded: per organisation, UTC month and survey
 * ({@code _id} {@code <customerId>|<yyyy-MM>|<kind>}) and for every organisation ({@code customerId} {@code *}), one
 * more in {@code scores.s<score>} (a 64-bit count), {@code customerId}, {@code month} and {@code kind} set when the
 * document is made. Collected per document, so a batch of 2,000 answers is a few dozen upserts with {@code $inc}
 * (which add to the demo's roll-ups of the same months instead of replacing them). The same for the roll-ups by
 * segment ({@link #addToSegment}). {@code rollup/contract.json} of feedback-service's tests pins the documents both
 * write for the same answers.
 */
final class FeedbackRollups {

	/** The customer id of the roll-ups of every organisation (the service's {@code Rollup.ALL}). */
	static final String ALL = "*";

	private final Map<String, Increment> increments = new LinkedHashMap<>();

	private final Map<String, SegmentIncrement> segmentIncrements = new LinkedHashMap<>();

	private record Increment(String customerId, String month, String kind, Map<Integer, Long> scores) {
	}

	private record SegmentIncrement(SeedSegments.Segment segment, String month, String kind, Map<Integer, Long> scores) {
	}

	/** One answer counted, in its organisation's month and in every organisation's. */
	void add(String customerId, String kind, int score, Instant answeredAt) {
		String month = monthOf(answeredAt);
		for (String who : new String[] { customerId, ALL }) {
			increments.computeIfAbsent(who + "|" + month + "|" + kind,
					id -> new Increment(who, month, kind, new LinkedHashMap<>()))
				.scores()
				.merge(score, 1L, Long::sum);
		}
	}

	/**
	 * One answer counted in its month, survey and segment ({@code feedback_segment_rollups}, {@code _id}
	 * {@code <yyyy-MM>|<kind>|<segment key>}), as the service's {@code SegmentCounts}.
	 */
	void addToSegment(SeedSegments.Segment segment, String kind, int score, Instant answeredAt) {
		String month = monthOf(answeredAt);
		segmentIncrements.computeIfAbsent(month + "|" + kind + "|" + segment.key(),
				id -> new SegmentIncrement(segment, month, kind, new LinkedHashMap<>()))
			.scores()
			.merge(score, 1L, Long::sum);
	}

	private static String monthOf(Instant instant) {
		return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).toString();
	}

	/** How many segment roll-up documents the answers counted so far change. */
	int segmentDocuments() {
		return segmentIncrements.size();
	}

	/**
	 * One upsert per segment document: {@code $inc} of the counts ({@code set} false), or with {@code set} true the
	 * counts set (a recount that rebuilds every document's scores from the answers, idempotent).
	 */
	List<UpdateOneModel<Document>> segmentWrites(boolean set) {
		List<UpdateOneModel<Document>> writes = new ArrayList<>(segmentIncrements.size());
		segmentIncrements.forEach((id, increment) -> {
			List<Bson> updates = new ArrayList<>();
			increment.scores().forEach((score, count) -> updates
				.add(set ? Updates.set("scores.s" + score, count) : Updates.inc("scores.s" + score, count)));
			updates.add(Updates.setOnInsert("month", increment.month()));
			updates.add(Updates.setOnInsert("kind", increment.kind()));
			updates.add(Updates.setOnInsert("tier", increment.segment().tier()));
			updates.add(Updates.setOnInsert("industry", increment.segment().industry()));
			updates.add(Updates.setOnInsert("region", increment.segment().region()));
			writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates),
					new UpdateOptions().upsert(true)));
		});
		return writes;
	}

	/** How many roll-up documents the answers counted so far change. */
	int documents() {
		return increments.size();
	}

	/** One upsert per document, adding the counts and naming the document when it is new. */
	List<UpdateOneModel<Document>> writes() {
		List<UpdateOneModel<Document>> writes = new ArrayList<>(increments.size());
		increments.forEach((id, increment) -> {
			List<Bson> updates = new ArrayList<>();
			increment.scores().forEach((score, count) -> updates.add(Updates.inc("scores.s" + score, count)));
			updates.add(Updates.setOnInsert("customerId", increment.customerId()));
			updates.add(Updates.setOnInsert("month", increment.month()));
			updates.add(Updates.setOnInsert("kind", increment.kind()));
			writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates),
					new UpdateOptions().upsert(true)));
		});
		return writes;
	}

	void clear() {
		increments.clear();
		segmentIncrements.clear();
	}
}
