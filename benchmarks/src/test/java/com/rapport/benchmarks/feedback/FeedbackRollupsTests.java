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
