package com.rapport.support.mongo.store;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** One store served to two instances of a service, as replicas share a MongoDB. */
class StoreServerTests {

	@Test
	void whatOneInstanceWritesTheOtherReadsAndItIsStillThereAfterTheStoreRestarts(@TempDir Path directory) {
		Path file = directory.resolve("shared/mongo.mv");
		try (StoreServer store = StoreServer.start(file, 0);
				MongoClient first = MongoClients.create(store.uri("ticket-service"));
				MongoClient second = MongoClients.create(store.uri("ticket-service"))) {
			MongoCollection<Document> tickets = first.getDatabase("ticket-service").getCollection("tickets");
			tickets.createIndex(Indexes.ascending("status"));
			tickets.insertOne(new Document("_id", "T-1001").append("status", "NEW"));

			MongoCollection<Document> seen = second.getDatabase("ticket-service").getCollection("tickets");
			assertThat(seen.find(Filters.eq("status", "NEW")).first()).containsEntry("_id", "T-1001");
			seen.updateOne(Filters.eq("_id", "T-1001"), new Document("$set", new Document("status", "OPEN")));
			assertThat(tickets.find(Filters.eq("_id", "T-1001")).first()).containsEntry("status", "OPEN");
		}

		try (StoreServer store = StoreServer.start(file, 0);
				MongoClient client = MongoClients.create(store.uri("ticket-service"))) {
			assertThat(client.getDatabase("ticket-service").getCollection("tickets").find().first())
				.containsEntry("status", "OPEN");
		}
	}
}
