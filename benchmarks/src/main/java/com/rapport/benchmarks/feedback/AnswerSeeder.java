package com.rapport.benchmarks.feedback;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.rapport.benchmarks.orders.EmbeddedStore;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes the plan's answers into feedback-service's store file while the service is stopped, with the monthly
 * roll-ups the service would have kept for them ({@link FeedbackRollups}), in batches through the driver from one
 * thread: a batch's answers ({@code insertMany}; the store keeps every index the service declared on
 * {@code SurveyResponse} on every insert), then its roll-ups (one {@code $inc} upsert per document), then the mark
 * {@code bench_seeding} saying how many answers are counted in the roll-ups. A seeding stopped between the two
 * writes goes on by removing the answers stored but not counted, so no answer is ever counted twice or left out.
 * <p>
 * Each answer is a clone of a real answer of the store (the template, one the service wrote: Spring Data's fields,
 * types and {@code _class}): its own id, organisation, survey, score and time, recorded a second after it was
 * given, channel {@code PHONE}, about the relationship, without contact, comment or sentiment, and with an empty
 * outbox (the timeline is not told) and no follow-up owed (as an answer of long ago whose follow-ups were done).
 */
final class AnswerSeeder {

	static final String MARK_COLLECTION = "bench_seeding";

	static final String MARK_ID = "feedback-answers";

	/** feedback-service's roll-ups by segment. */
	static final String SEGMENT_ROLLUPS = "feedback_segment_rollups";

	/** The indexes feedback-service declares on {@code SurveyResponse}; the store keeps each on every insert. */
	static final List<String> ANSWER_INDEXES = List.of("customer_kind_newest", "customer_newest", "kind_newest", "newest",
			"customer_contact", "outbox_pending", "follow_ups_pending");

	/** The index it declares on {@code Rollup}. */
	static final List<String> ROLLUP_INDEXES = List.of("customer_month");

	private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

	private final PrintStream out;

	AnswerSeeder(PrintStream out) {
		this.out = out;
	}

	/** What seeding did; {@code complete} is false when it stopped at its time limit. */
	record Result(int answersBefore, int answersSeeded, boolean complete, double seconds, double answersPerSecond,
			long rollupWrites, int answersRecountedBySegment) {
	}

	/** Seeds what the store lacks of the plan, every answer's segment unknown (tests of the organisations' roll-ups). */
	Result seed(EmbeddedStore store, AnswerPlan plan, int batch, int minutes) {
		return seed(store, plan, batch, minutes, new SeedSegments());
	}

	/**
	 * Seeds what the store lacks of the plan; no new batch is started after {@code minutes} (0: no limit). A store
	 * whose answers were not counted by segment yet (seeded before the roll-ups by segment, the mark without
	 * {@code segmentsCounted}) is recounted first ({@link #recountSegments}).
	 */
	Result seed(EmbeddedStore store, AnswerPlan plan, int batch, int minutes, SeedSegments segments) {
		long deadline = minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + minutes * 60_000_000_000L;
		MongoCollection<Document> answers = store.collection("survey_responses");
		MongoCollection<Document> rollups = rollups(store);
		MongoCollection<Document> mark = store.databaseOf("survey_responses").getCollection(MARK_COLLECTION);
		Document template = template(answers);
		requireIndexes(answers, ANSWER_INDEXES);
		requireIndexes(rollups, ROLLUP_INDEXES);
		MongoCollection<Document> segmentRollups = store.databaseOf("survey_responses")
			.getCollection(SEGMENT_ROLLUPS);
		int recounted = 0;
		if (!segmentsCounted(mark)) {
			out.printf(Locale.ROOT, "Counting the store's answers by segment (%,d organisations' segments known)%n",
					segments.size());
			recounted = recountSegments(answers, segmentRollups, segments);
			mark.updateOne(Filters.eq("_id", MARK_ID), Updates.set("segmentsCounted", true),
					new UpdateOptions().upsert(true));
			out.printf(Locale.ROOT, "  %,d answers counted by segment%n", recounted);
		}
		int from = counted(mark);
		int stored = storedPrefix(answers, plan);
		if (stored > from) {
			// Stopped after a batch's answers went in, before its roll-ups: those answers go in again with them.
			List<String> uncounted = new ArrayList<>();
			for (int n = from; n < stored; n++) {
				uncounted.add(plan.id(n));
			}
			answers.deleteMany(Filters.in("_id", uncounted));
		}
		out.printf(Locale.ROOT, "The store holds the plan's first %,d answers: seeding %,d to %,d, %,d a batch%n", from,
				from + 1, plan.answers(), batch);
		long started = System.nanoTime();
		long lastProgress = started;
		long rollupWrites = 0;
		FeedbackRollups counts = new FeedbackRollups();
		List<Document> documents = new ArrayList<>(batch);
		int n = from;
		for (; n < plan.answers() && (!documents.isEmpty() || System.nanoTime() < deadline); n++) {
			SeedSegments.Segment segment = segments.of(plan.customerId(n));
			documents.add(withSegment(answer(template, plan, n), segment));
			counts.add(plan.customerId(n), plan.kind(n), plan.score(n), plan.answeredAt(n));
			counts.addToSegment(segment, plan.kind(n), plan.score(n), plan.answeredAt(n));
			if (documents.size() == batch || n == plan.answers() - 1) {
				answers.insertMany(documents, new InsertManyOptions().ordered(true));
				rollups.bulkWrite(counts.writes(), new BulkWriteOptions().ordered(true));
				segmentRollups.bulkWrite(counts.segmentWrites(false), new BulkWriteOptions().ordered(true));
				rollupWrites += counts.documents() + counts.segmentDocuments();
				mark.replaceOne(Filters.eq("_id", MARK_ID), new Document("_id", MARK_ID).append("counted", n + 1)
					.append("segmentsCounted", true), new ReplaceOptions().upsert(true));
				documents.clear();
				counts.clear();
				// As the service's sweeper does every 2 s, so the file does not grow with dead chunks.
				store.compact();
				if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
					lastProgress = System.nanoTime();
					double seconds = (lastProgress - started) / 1e9;
					double rate = (n + 1 - from) / seconds;
					out.printf(Locale.ROOT, "  seeded %,d/%,d answers, %.0f answers/s, about %.0f s to go%n", n + 1,
							plan.answers(), rate, (plan.answers() - n - 1) / rate);
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int seeded = n - from;
		return new Result(from, seeded, n == plan.answers(), Math.round(seconds * 10) / 10.0,
				seconds == 0 ? 0 : Math.round(seeded / seconds * 10) / 10.0, rollupWrites, recounted);
	}

	/** How many of the plan's answers the roll-ups count (the mark; none before the first batch). */
	static int counted(MongoCollection<Document> mark) {
		Document done = mark.find(Filters.eq("_id", MARK_ID)).first();
		return done == null || done.getInteger("counted") == null ? 0 : done.getInteger("counted");
	}

	/** Whether the store's answers are counted in the roll-ups by segment (the mark says so). */
	static boolean segmentsCounted(MongoCollection<Document> mark) {
		Document done = mark.find(Filters.eq("_id", MARK_ID)).first();
		return done != null && Boolean.TRUE.equals(done.getBoolean("segmentsCounted"));
	}

	/**
	 * Rebuilds the scores of every roll-up by segment from all the store's answers (each in the segment it carries,
	 * else its organisation's now, else unknown), setting the counts rather than adding them (so a recount stopped
	 * halfway and run again gives the same documents, and the invitations the service counted stay), then gives each
	 * answer without one its segment ({@code segmentPending} when unknown, for the service to move once it learns
	 * it). Answers how many answers it counted.
	 */
	/** Answers read a page by the recount. */
	static final int RECOUNT_PAGE = 20_000;

	static int recountSegments(MongoCollection<Document> answers, MongoCollection<Document> segmentRollups,
			SeedSegments segments) {
		FeedbackRollups counts = new FeedbackRollups();
		Set<String> withoutSegment = new HashSet<>();
		int[] counted = { 0 };
		// Keyset pages by _id: the embedded store answers a find in one reply, and a million answers are more than a
		// reply may hold (48 MB) or a heap of 512 MB.
		Object last = null;
		List<Document> page;
		do {
			Bson after = last == null ? new Document() : Filters.gt("_id", last);
			page = answers.find(after)
				.projection(Projections.include("customerId", "kind", "score", "answeredAt", "segment"))
				.sort(Sorts.ascending("_id"))
				.limit(RECOUNT_PAGE)
				.into(new ArrayList<>());
			for (Document answer : page) {
				Document stored = answer.get("segment", Document.class);
				String customerId = answer.getString("customerId");
				if (stored == null) {
					withoutSegment.add(customerId);
				}
				counts.addToSegment(stored == null ? segments.of(customerId) : SeedSegments.Segment.of(stored),
						answer.getString("kind"), answer.getInteger("score"), answer.getDate("answeredAt").toInstant());
				counted[0]++;
			}
			last = page.isEmpty() ? last : page.get(page.size() - 1).get("_id");
		}
		while (page.size() == RECOUNT_PAGE);
		segmentRollups.updateMany(new Document(), Updates.unset("scores"));
		if (counts.segmentDocuments() > 0) {
			segmentRollups.bulkWrite(counts.segmentWrites(true), new BulkWriteOptions().ordered(true));
		}
		for (String customerId : withoutSegment) {
			answers.updateMany(Filters.and(Filters.eq("customerId", customerId), Filters.exists("segment", false)),
					segmentOf(segments.of(customerId)));
		}
		return counted[0];
	}

	private static Bson segmentOf(SeedSegments.Segment segment) {
		return segment.known() ? Updates.set("segment", segment.toDocument())
				: Updates.combine(Updates.set("segment", segment.toDocument()), Updates.set("segmentPending", true));
	}

	/** The answer with the segment it is counted in, as the service's recording sets it. */
	static Document withSegment(Document answer, SeedSegments.Segment segment) {
		answer.put("segment", segment.toDocument());
		if (segment.known()) {
			answer.remove("segmentPending");
		}
		else {
			answer.put("segmentPending", true);
		}
		return answer;
	}

	/** How many of the plan's answers the store holds: a binary search over {@code _id}, since they go in in order. */
	static int storedPrefix(MongoCollection<Document> answers, AnswerPlan plan) {
		int low = 0;
		int high = plan.answers();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (answers.find(Filters.eq("_id", plan.id(middle))).first() != null) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/**
	 * Refuses a store whose collection lacks an index the service declares: the service declared them at its first
	 * start, and only then does the store keep them on the seeded documents as on its own.
	 */
	static void requireIndexes(MongoCollection<Document> collection, List<String> names) {
		List<String> present = new ArrayList<>();
		collection.listIndexes().forEach(index -> present.add(index.getString("name")));
		List<String> missing = names.stream().filter(name -> !present.contains(name)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException(collection.getNamespace().getCollectionName() + " lacks the index(es) "
					+ String.join(", ", missing) + " feedback-service declares: start the platform once with this "
					+ "RAPPORT_DATA_DIR (a feedback-service of this tree) before seeding");
		}
	}

	/** A real answer the service stored (the demo's), never one of the plan's. */
	static Document template(MongoCollection<Document> answers) {
		Document template = answers.find(Filters.not(Filters.regex("_id", "^bench-"))).first();
		if (template == null) {
			throw new IllegalStateException("no answer of the service's own in the store to clone: start the platform "
					+ "once with this RAPPORT_DATA_DIR and its demo data (RAPPORT_DEMO_DATA=true, ./platform up does)");
		}
		return template;
	}

	private static MongoCollection<Document> rollups(EmbeddedStore store) {
		try {
			return store.collection("feedback_rollups");
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("no feedback_rollups in the store: the service has not counted an answer "
					+ "yet (start the platform once with its demo data)", ex);
		}
	}

	/** Answer {@code n} of the plan, shaped like the template. */
	static Document answer(Document template, AnswerPlan plan, int n) {
		Document answer = new Document(template);
		Instant answeredAt = plan.answeredAt(n);
		answer.put("_id", plan.id(n));
		answer.put("customerId", plan.customerId(n));
		answer.remove("contactId");
		answer.put("kind", plan.kind(n));
		answer.put("score", plan.score(n));
		answer.remove("comment");
		answer.put("answeredAt", Date.from(answeredAt));
		answer.put("subjectType", "RELATIONSHIP");
		answer.remove("subjectId");
		answer.put("channel", "PHONE");
		answer.put("recordedAt", Date.from(answeredAt.plusSeconds(1)));
		answer.put("version", 0L);
		answer.put("outbox", List.of());
		answer.put("undeliverable", List.of());
		answer.put("followUps", List.of());
		answer.remove("sentiment");
		return answer;
	}
}
