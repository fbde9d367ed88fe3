package com.rapport.benchmarks.feedback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roll-ups the seeder writes for the answers of feedback-service's {@code rollup/contract.json} are, raw and
 * with their types, the documents feedback-service's own recording keeps for them (its {@code RollupsTests} checks
 * the same file), so the dashboard reads from a seeded store what it would have read had the service recorded the
 * answers.
 */
class FeedbackRollupsTests {

	static final Path CONTRACT = Path.of("..", "feedback-service", "src", "test", "resources", "rollup",
			"contract.json");

	@TempDir
	Path dir;

	@Test
	void theContractsAnswersGiveTheServicesDocumentsInOneBatchOrAnswerByAnswer() throws Exception {
		Document contract = Document.parse(Files.readString(CONTRACT, StandardCharsets.UTF_8));
		List<Document> answers = contract.getList("answers", Document.class);
		List<Document> expected = contract.getList("rollups", Document.class);

		assertThat(rollupsOf(answers, answers.size(), dir.resolve("one-batch.mv")))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(rollupsOf(answers, 1, dir.resolve("one-by-one.mv"))).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void theContractsAnswersGiveTheServicesSegmentRollupsInOneBatchOrAnswerByAnswer() throws Exception {
		Document contract = Document.parse(Files.readString(CONTRACT, StandardCharsets.UTF_8));
		List<Document> answers = contract.getList("answers", Document.class);
		SeedSegments segments = segmentsOf(contract);
		List<Document> expected = contract.getList("segmentRollups", Document.class);

		assertThat(segmentRollupsOf(answers, segments, answers.size(), dir.resolve("one-batch.mv")))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(segmentRollupsOf(answers, segments, 1, dir.resolve("one-by-one.mv")))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	/**
	 * A store seeded before the roll-ups by segment (answers without a segment) is recounted into the contract's
	 * documents, and a recount run again (a stop halfway, the same command again) gives the same documents, keeping
	 * the invitations the service counted; every answer then carries its segment.
	 */
	@Test
	void aStoreSeededBeforeIsRecountedIntoTheContractsSegmentRollupsAndARecountAgainChangesNothing() throws Exception {
		Document contract = Document.parse(Files.readString(CONTRACT, StandardCharsets.UTF_8));
		SeedSegments segments = segmentsOf(contract);
		List<Document> expected = contract.getList("segmentRollups", Document.class).stream()
			.map(rollup -> rollup.getString("_id").equals("2026-11|CSAT|VIP|6:Retail|East China")
					? new Document(rollup).append("invited", 3L) : rollup)
			.toList();
		List<Document> first = new ArrayList<>();
		List<Document> again = new ArrayList<>();
		List<Document> answersAfter = new ArrayList<>();
		SeededStore.write(dir.resolve("before.mv"), db -> {
			MongoCollection<Document> answers = db.getCollection("survey_responses");
			MongoCollection<Document> rollups = db.getCollection(AnswerSeeder.SEGMENT_ROLLUPS);
			for (Document answer : contract.getList("answers", Document.class)) {
				answers.insertOne(new Document("_id", answer.getString("id"))
					.append("customerId", answer.getString("customerId")).append("kind", answer.getString("kind"))
					.append("score", answer.getInteger("score"))
					.append("answeredAt", java.util.Date.from(Instant.parse(answer.getString("answeredAt")))));
			}
			// The service's invitations of that segment and month, and a count the recount must not add to.
			rollups.insertOne(new Document("_id", "2026-11|CSAT|VIP|6:Retail|East China")
				.append("scores", new Document("s5", 7L)).append("invited", 3L).append("month", "2026-11")
				.append("kind", "CSAT").append("tier", "VIP").append("industry", "Retail").append("region", "East China"));
			assertThat(AnswerSeeder.recountSegments(answers, rollups, segments)).isEqualTo(7);
			rollups.find().into(first);
			AnswerSeeder.recountSegments(answers, rollups, segments);
			rollups.find().into(again);
			answers.find().into(answersAfter);
		});
		assertThat(first).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(again).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(answersAfter).allSatisfy(answer -> assertThat(answer.get("segment", Document.class))
			.isEqualTo(segments.of(answer.getString("customerId")).toDocument()));
	}

	@Test
	void anOrganisationNeitherStoreKnowsIsCountedUnknownAndLeftForTheServiceToMove() {
		Document answer = AnswerSeeder.withSegment(new Document("_id", "bench-answer-0000001"),
				new SeedSegments().of("growth-000001"));

		assertThat(answer.get("segment", Document.class)).isEqualTo(new Document("tier", "UNKNOWN")
			.append("industry", "UNKNOWN").append("region", "UNKNOWN"));
		assertThat(answer.getBoolean("segmentPending")).isTrue();
	}

	private static SeedSegments segmentsOf(Document contract) {
		SeedSegments segments = new SeedSegments();
		contract.get("segments", Document.class)
			.forEach((id, segment) -> segments.put(id, SeedSegments.Segment.of((Document) segment)));
		return segments;
	}

	private static List<Document> segmentRollupsOf(List<Document> answers, SeedSegments segments, int batch,
			Path file) {
		List<Document> stored = new ArrayList<>();
		SeededStore.write(file, db -> {
			MongoCollection<Document> collection = db.getCollection(AnswerSeeder.SEGMENT_ROLLUPS);
			FeedbackRollups rollups = new FeedbackRollups();
			for (int i = 0; i < answers.size(); i++) {
				Document answer = answers.get(i);
				rollups.addToSegment(segments.of(answer.getString("customerId")), answer.getString("kind"),
						answer.getInteger("score"), Instant.parse(answer.getString("answeredAt")));
				if ((i + 1) % batch == 0 || i == answers.size() - 1) {
					collection.bulkWrite(rollups.segmentWrites(false));
					rollups.clear();
				}
			}
			collection.find().into(stored);
		});
		return stored;
	}

	@Test
	void aBatchAddsToTheRollupsAlreadyThereInsteadOfReplacingThem() {
		FeedbackRollups rollups = new FeedbackRollups();
		rollups.add("acme", "NPS", 9, Instant.parse("2026-11-02T08:00:00Z"));
		rollups.add("acme", "NPS", 9, Instant.parse("2026-11-03T08:00:00Z"));
		rollups.add("acme", "NPS", 3, Instant.parse("2026-11-03T08:00:00Z"));
		List<Document> stored = new ArrayList<>();
		SeededStore.write(dir.resolve("demo.mv"), db -> {
			MongoCollection<Document> collection = db.getCollection("feedback_rollups");
			// The demo's roll-up of that month, with its invitations.
			collection.insertOne(new Document("_id", "acme|2026-11|NPS").append("scores", new Document("s9", 2L))
				.append("invited", 5L).append("customerId", "acme").append("month", "2026-11").append("kind", "NPS"));
			collection.bulkWrite(rollups.writes());
			collection.find().into(stored);
		});
		assertThat(rollups.documents()).isEqualTo(2);
		assertThat(stored).containsExactlyInAnyOrder(
				new Document("_id", "acme|2026-11|NPS").append("scores", new Document("s9", 4L).append("s3", 1L))
					.append("invited", 5L).append("customerId", "acme").append("month", "2026-11").append("kind", "NPS"),
				new Document("_id", "*|2026-11|NPS").append("scores", new Document("s9", 2L).append("s3", 1L))
					.append("customerId", "*").append("month", "2026-11").append("kind", "NPS"));
	}

	private static List<Document> rollupsOf(List<Document> answers, int batch, Path file) {
		List<Document> stored = new ArrayList<>();
		SeededStore.write(file, db -> {
			MongoCollection<Document> collection = db.getCollection("feedback_rollups");
			FeedbackRollups rollups = new FeedbackRollups();
			for (int i = 0; i < answers.size(); i++) {
				Document answer = answers.get(i);
				rollups.add(answer.getString("customerId"), answer.getString("kind"), answer.getInteger("score"),
						Instant.parse(answer.getString("answeredAt")));
				if ((i + 1) % batch == 0 || i == answers.size() - 1) {
					collection.bulkWrite(rollups.writes());
					rollups.clear();
				}
			}
			collection.find().into(stored);
		});
		return stored;
	}
}
