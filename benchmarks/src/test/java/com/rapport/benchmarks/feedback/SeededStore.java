package com.rapport.benchmarks.feedback;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
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
