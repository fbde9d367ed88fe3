package com.rapport.benchmarks.feedback;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.rapport.benchmarks.orders.EmbeddedStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seeding into a real store file (platform-mongo's backend) as the scenario does while feedback-service is stopped. */
class AnswerSeederTests {

	static final Instant UNTIL = Instant.parse("2026-12-08T00:00:00Z");

	@TempDir
	Path dir;

	private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	@Test
	void seedsEveryAnswerShapedLikeTheServicesWithTheRollupsItsAnswersMakeOnTopOfTheDemos() {
		Path file = demoStore();
		AnswerPlan plan = new AnswerPlan(50, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365);

		AnswerSeeder.Result result = seed(file, plan, 7);

		assertThat(result.answersSeeded()).isEqualTo(50);
		assertThat(result.complete()).isTrue();
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			MongoCollection<Document> answers = store.collection("survey_responses");
			assertThat(answers.countDocuments(Filters.regex("_id", "^bench-answer-"))).isEqualTo(50);
			Document first = answers.find(Filters.eq("_id", "bench-answer-0000001")).first();
			assertThat(first.getString("_class")).isEqualTo("com.rapport.feedback.response.SurveyResponse");
			assertThat(first.getString("customerId")).isEqualTo(plan.customerId(0));
			assertThat(first.getInteger("score")).isEqualTo(plan.score(0));
			assertThat(first.getDate("answeredAt").toInstant()).isEqualTo(plan.answeredAt(0));
			assertThat(first.getList("outbox", Object.class)).isEmpty();
			assertThat(first.getList("followUps", Object.class)).isEmpty();
			assertThat(first).doesNotContainKeys("contactId", "comment", "sentiment", "subjectId");
			assertThat(first.getLong("version")).isZero();
			assertThat(rollups(store)).isEqualTo(expectedRollups(store.collection("survey_responses")));
		}
	}

	@Test
	void goesOnAfterAStopBetweenABatchsAnswersAndItsRollupsWithoutCountingAnAnswerTwiceOrLeavingOneOut() {
		Path file = demoStore();
		AnswerPlan plan = new AnswerPlan(40, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365);
		assertThat(seed(file, new AnswerPlan(30, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365), 10).complete()).isTrue();
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			// The next batch's answers went in; the seeding stopped before their roll-ups and the mark.
			MongoCollection<Document> answers = store.collection("survey_responses");
			Document template = AnswerSeeder.template(answers);
			for (int n = 30; n < 35; n++) {
				answers.insertOne(AnswerSeeder.answer(template, plan, n));
			}
		}

		AnswerSeeder.Result second = seed(file, plan, 10);

		assertThat(second.answersBefore()).isEqualTo(30);
		assertThat(second.answersSeeded()).isEqualTo(10);
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			assertThat(store.collection("survey_responses").countDocuments(Filters.regex("_id", "^bench-answer-")))
				.isEqualTo(40);
			assertThat(rollups(store)).isEqualTo(expectedRollups(store.collection("survey_responses")));
			assertThat(AnswerSeeder.storedPrefix(store.collection("survey_responses"), plan)).isEqualTo(40);
		}
		assertThat(seed(file, plan, 10).answersSeeded()).isZero();
	}

	@Test
	void stopsAtItsTimeLimitAfterABatchAndSaysItIsNotComplete() {
		Path file = demoStore();
		AnswerPlan plan = new AnswerPlan(25, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365);
		AnswerSeeder.Result stopped;
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			stopped = new AnswerSeeder(out).seed(store, plan, 10, -1);
		}
		assertThat(stopped.complete()).isFalse();
		assertThat(stopped.answersSeeded()).isZero();
		assertThat(seed(file, plan, 10).answersSeeded()).isEqualTo(25);
	}

	@Test
	void refusesAStoreTheServiceHasNotDeclaredItsIndexesIn() {
		Path file = demoStore(false);
		assertThatThrownBy(() -> seed(file, new AnswerPlan(5, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365), 5))
			.hasMessageContaining("customer_kind_newest").hasMessageContaining("follow_ups_pending");
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			assertThat(store.collection("survey_responses").countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void refusesAStoreWithoutAnAnswerOfTheServicesOwnToClone() {
		Path file = dir.resolve("empty.mv");
		SeededStore.write(file, db -> {
			db.getCollection("survey_responses").insertOne(new Document("_id", "bench-answer-0000001"));
			db.getCollection("feedback_rollups").insertOne(new Document("_id", "x"));
		});
		assertThatThrownBy(() -> seed(file, new AnswerPlan(5, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365), 5))
			.hasMessageContaining("demo data");
	}

	/**
	 * A store seeded before the roll-ups by segment (answers without a segment, no segment roll-ups, a mark without
	 * {@code segmentsCounted}) seeded again: every answer, the demo's and the earlier seeding's, is counted in its
	 * organisation's segment (the known ones from the segments given, the others unknown and pending), each once, and
	 * the new answers with them; a third run changes nothing.
	 */
	@Test
	void aStoreSeededBeforeTheRollupsBySegmentIsCountedBySegmentWhenSeededAgain() {
		Path file = demoStore();
		assertThat(seed(file, new AnswerPlan(30, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365), 10).complete()).isTrue();
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			// As a store seeded by the seeder of before: no segments anywhere.
			store.collection("survey_responses").updateMany(new Document(),
					com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.unset("segment"),
							com.mongodb.client.model.Updates.unset("segmentPending")));
			store.collection(AnswerSeeder.SEGMENT_ROLLUPS).deleteMany(new Document());
			store.collection(AnswerSeeder.MARK_COLLECTION).updateOne(Filters.eq("_id", AnswerSeeder.MARK_ID),
					com.mongodb.client.model.Updates.unset("segmentsCounted"));
		}
		SeedSegments segments = new SeedSegments();
		segments.put("acme-retail", new SeedSegments.Segment("VIP", "Retail", "East China"));
		AnswerPlan plan = new AnswerPlan(40, AnswerPlan.DEMO_ORGANISATIONS, UNTIL, 365);

		AnswerSeeder.Result second;
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			second = new AnswerSeeder(out).seed(store, plan, 10, 0, segments);
		}
		AnswerSeeder.Result third;
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			third = new AnswerSeeder(out).seed(store, plan, 10, 0, segments);
		}

		assertThat(second.answersRecountedBySegment()).isEqualTo(31);
		assertThat(second.answersSeeded()).isEqualTo(10);
		assertThat(third.answersRecountedBySegment()).isZero();
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			MongoCollection<Document> answers = store.collection("survey_responses");
			assertThat(answers.countDocuments(Filters.exists("segment", false))).isZero();
			assertThat(answers.find(Filters.eq("customerId", "acme-retail"))).allSatisfy(answer -> {
				assertThat(answer.get("segment", Document.class).getString("tier")).isEqualTo("VIP");
				assertThat(answer).doesNotContainKey("segmentPending");
			});
			assertThat(answers.find(Filters.ne("customerId", "acme-retail")))
				.allSatisfy(answer -> assertThat(answer.getBoolean("segmentPending")).isTrue());
			assertThat(segmentRollups(store)).isEqualTo(expectedSegmentRollups(answers));
			assertThat(segmentRollups(store).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(41);
		}
	}

	/** Every roll-up by segment's counts, zeros left out: {@code 2026-06|CSAT|VIP|6:Retail|East China s2} → 1. */
	private static Map<String, Long> segmentRollups(EmbeddedStore store) {
		Map<String, Long> counts = new HashMap<>();
		for (Document rollup : store.collection(AnswerSeeder.SEGMENT_ROLLUPS).find()) {
			rollup.get("scores", Document.class).forEach((key, count) -> {
				if (((Long) count) != 0) {
					counts.put(rollup.getString("_id") + " " + key, (Long) count);
				}
			});
		}
		return counts;
	}

	/** What the stored answers make in the segments they carry, counted here one by one. */
	private static Map<String, Long> expectedSegmentRollups(MongoCollection<Document> answers) {
		Map<String, Long> counts = new HashMap<>();
		for (Document answer : answers.find()) {
			SeedSegments.Segment segment = SeedSegments.Segment.of(answer.get("segment", Document.class));
			counts.merge(month(answer.getDate("answeredAt").toInstant()) + "|" + answer.getString("kind") + "|"
					+ segment.key() + " s" + answer.getInteger("score"), 1L, Long::sum);
		}
		return counts;
	}

	private AnswerSeeder.Result seed(Path file, AnswerPlan plan, int batch) {
		try (EmbeddedStore store = EmbeddedStore.open(file)) {
			return new AnswerSeeder(out).seed(store, plan, batch, 0);
		}
	}

	/** The demo's answer, with its roll-ups as the service counted it. */
	private Path demoStore() {
		return demoStore(true);
	}

	private Path demoStore(boolean indexed) {
		Path file = dir.resolve("feedback-service.mv");
		Instant answeredAt = Instant.parse("2026-06-10T08:00:00Z");
		SeededStore.write(file, db -> {
			if (indexed) {
				SeededStore.declareIndexes(db);
			}
			db.getCollection("survey_responses")
				.insertOne(SeededStore.serviceAnswer("demo-history-1", "acme-retail", "CSAT", 2, answeredAt));
			FeedbackRollups rollups = new FeedbackRollups();
			rollups.add("acme-retail", "CSAT", 2, answeredAt);
			db.getCollection("feedback_rollups").bulkWrite(rollups.writes());
		});
		return file;
	}

	/** Every roll-up's counts, zeros left out: {@code acme-retail|2026-06|CSAT s2} → 1. */
	private static Map<String, Long> rollups(EmbeddedStore store) {
		Map<String, Long> counts = new HashMap<>();
		for (Document rollup : store.collection("feedback_rollups").find()) {
			assertThat(rollup.getString("_id")).isEqualTo(rollup.getString("customerId") + "|"
					+ rollup.getString("month") + "|" + rollup.getString("kind"));
			rollup.get("scores", Document.class).forEach((key, count) -> {
				if (((Long) count) != 0) {
					counts.put(rollup.getString("_id") + " " + key, (Long) count);
				}
			});
		}
		return counts;
	}

	/** What the stored answers make, counted here one by one, independently of the seeder. */
	private static Map<String, Long> expectedRollups(MongoCollection<Document> answers) {
		Map<String, Long> counts = new HashMap<>();
		List<Document> all = answers.find().into(new ArrayList<>());
		for (Document answer : all) {
			String month = month(answer.getDate("answeredAt").toInstant());
			for (String who : List.of(answer.getString("customerId"), "*")) {
				counts.merge(who + "|" + month + "|" + answer.getString("kind") + " s" + answer.getInteger("score"), 1L,
						Long::sum);
			}
		}
		return counts;
	}

	private static String month(Instant instant) {
		return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).toString();
	}
}
