package com.rapport.benchmarks.feedback;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.rapport.benchmarks.orders.EmbeddedStore;
import org.bson.Document;

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
			long rollupWrites) {
	}

	/** Seeds what the store lacks of the plan; no new batch is started after {@code minutes} (0: no limit). */
	Result seed(EmbeddedStore store, AnswerPlan plan, int batch, int minutes) {
		long deadline = minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + minutes * 60_000_000_000L;
		MongoCollection<Document> answers = store.collection("survey_responses");
		MongoCollection<Document> rollups = rollups(store);
		MongoCollection<Document> mark = store.databaseOf("survey_responses").getCollection(MARK_COLLECTION);
		Document template = template(answers);
		requireIndexes(answers, ANSWER_INDEXES);
		requireIndexes(rollups, ROLLUP_INDEXES);
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
			documents.add(answer(template, plan, n));
			counts.add(plan.customerId(n), plan.kind(n), plan.score(n), plan.answeredAt(n));
			if (documents.size() == batch || n == plan.answers() - 1) {
				answers.insertMany(documents, new InsertManyOptions().ordered(true));
				rollups.bulkWrite(counts.writes(), new BulkWriteOptions().ordered(true));
				rollupWrites += counts.documents();
				mark.replaceOne(Filters.eq("_id", MARK_ID), new Document("_id", MARK_ID).append("counted", n + 1),
						new ReplaceOptions().upsert(true));
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
				seconds == 0 ? 0 : Math.round(seeded / seconds * 10) / 10.0, rollupWrites);
	}

	/** How many of the plan's answers the roll-ups count (the mark; none before the first batch). */
	static int counted(MongoCollection<Document> mark) {
		Document done = mark.find(Filters.eq("_id", MARK_ID)).first();
		return done == null ? 0 : done.getInteger("counted");
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
