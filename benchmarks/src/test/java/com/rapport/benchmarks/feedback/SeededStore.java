package com.rapport.benchmarks.feedback;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.rapport.support.mongo.store.StoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

/** A feedback-service store file as the service leaves it, made for a test through platform-mongo's backend. */
final class SeededStore {

	private SeededStore() {
	}

	/** Writes into the store file {@code file} (made when missing) with the service's database. */
	static void write(Path file, Consumer<MongoDatabase> writes) {
		StoreBackend backend = new StoreBackend(file, 16, Clock.systemUTC());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			writes.accept(client.getDatabase("feedback-service"));
		}
		finally {
			server.shutdownNow();
			backend.close();
		}
	}

	/** The keys of each index feedback-service declares on {@code SurveyResponse} (by name); the two on outboxes are sparse. */
	private static final Map<String, String> ANSWER_INDEXES = Map.of(
			"customer_kind_newest", "{'customerId': 1, 'kind': 1, 'answeredAt': -1, '_id': -1}",
			"customer_newest", "{'customerId': 1, 'answeredAt': -1, '_id': -1}",
			"kind_newest", "{'kind': 1, 'answeredAt': -1, '_id': -1}", "newest", "{'answeredAt': -1, '_id': -1}",
			"customer_contact", "{'customerId': 1, 'contactId': 1}", "outbox_pending", "{'outbox.eventId': 1}",
			"follow_ups_pending", "{'followUps.eventId': 1}");

	/** The indexes feedback-service declares (on {@code SurveyResponse} and {@code Rollup}), as its start makes them. */
	static void declareIndexes(MongoDatabase db) {
		MongoCollection<Document> answers = db.getCollection("survey_responses");
		ANSWER_INDEXES.forEach((name, keys) -> answers.createIndex(Document.parse(keys),
				new IndexOptions().name(name).sparse(name.endsWith("_pending"))));
		db.getCollection("feedback_rollups").createIndex(Document.parse("{'customerId': 1, 'month': 1}"),
				new IndexOptions().name("customer_month"));
	}

	/** An answer as the service stores it (Spring Data's fields and {@code _class}), with a comment and its sentiment. */
	static Document serviceAnswer(String id, String customerId, String kind, int score, Instant answeredAt) {
		return new Document("_id", id).append("customerId", customerId)
			.append("contactId", "contact-1")
			.append("kind", kind)
			.append("score", score)
			.append("comment", "late again")
			.append("answeredAt", Date.from(answeredAt))
			.append("subjectType", "TICKET")
			.append("subjectId", "T-1001")
			.append("channel", "EMAIL")
			.append("recordedAt", Date.from(answeredAt))
			.append("version", 0L)
			.append("outbox", List.of(new Document("eventId", "survey-answered:" + id)))
			.append("undeliverable", List.of())
			.append("followUps", List.of())
			.append("sentiment", new Document("polarity", "NEGATIVE").append("urgent", false))
			.append("_class", "com.rapport.feedback.response.SurveyResponse");
	}
}
