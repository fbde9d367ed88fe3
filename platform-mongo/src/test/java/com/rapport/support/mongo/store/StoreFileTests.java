package com.rapport.support.mongo.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's file across restarts: data and indexes kept, files of the library's H2 backend taken over. */
class StoreFileTests {

	@Test
	void indexesAreKeptAcrossARestartAndStillAnswer(@TempDir Path directory) {
		Path file = directory.resolve("mongo.mv");
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("placedAt")),
					new IndexOptions().name("customer_placed"));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				batch.add(new Document("_id", "o" + i).append("customerId", "c" + (i % 5)).append("placedAt", i));
			}
			orders.insertMany(batch);
			orders.deleteOne(Filters.eq("_id", "o499"));
		}
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			assertThat(orders.find(Filters.eq("customerId", "c4")).sort(Sorts.descending("placedAt")).limit(2)
				.map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("o494", "o489");
			assertThat(orders.find(Filters.eq("customerId", "c4")).explain().toJson()).contains("customer_placed");
			assertThat(orders.countDocuments(Filters.eq("customerId", "c4"))).isEqualTo(99);
		}
	}

	@Test
	void anIndexCreatedOnExistingDocumentsHoldsThemAll(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.onFile(directory.resolve("mongo.mv"))) {
			MongoCollection<Document> contacts = store.database().getCollection("contacts");
			for (int i = 0; i < 300; i++) {
				contacts.insertOne(new Document("_id", i).append("city", i % 3 == 0 ? "Shanghai" : "Beijing"));
			}
			contacts.createIndex(Indexes.ascending("city"));
			assertThat(contacts.countDocuments(Filters.eq("city", "Shanghai"))).isEqualTo(100);
			assertThat(contacts.find(Filters.eq("city", "Shanghai")).explain().toJson()).contains("IXSCAN")
				.doesNotContain("COLLSCAN");
		}
	}

	/**
	 * An index no document enters (sparse, on a field nobody has yet) is still built: opening the file must not
	 * read every document to build it again, as the library does for an index that says it is empty.
	 */
	@Test
	void opensWithoutReadingTheDocumentsForAnIndexNoDocumentEnters(@TempDir Path directory) {
		Path file = directory.resolve("mongo.mv");
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			orders.createIndex(Indexes.ascending("idempotencyKey"), new IndexOptions().sparse(true));
			orders.createIndex(Indexes.ascending("customerId"));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < 20_000; i++) {
				batch.add(new Document("_id", "o" + i).append("customerId", "c" + (i % 50))
					.append("note", "an order line that takes some room on its page " + i));
			}
			orders.insertMany(batch);
		}
		long readsToOpen;
		long readsOfAScan;
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			readsToOpen = store.backend.fileReads();
			MongoCollection<Document> orders = store.database().getCollection("orders");
			assertThat(orders.find(Filters.regex("note", "19999$")).first()).containsEntry("_id", "o19999");
			readsOfAScan = store.backend.fileReads() - readsToOpen;
			assertThat(orders.find(Filters.eq("idempotencyKey", "k")).explain().toJson()).contains("IXSCAN");
			orders.insertOne(new Document("_id", "keyed").append("idempotencyKey", "k"));
			assertThat(orders.find(Filters.eq("idempotencyKey", "k")).first()).containsEntry("_id", "keyed");
		}
		assertThat(readsToOpen).as("reads to open the file, against %d to read every document", readsOfAScan)
			.isLessThan(readsOfAScan / 10);
	}

	/**
	 * An index created on a large collection writes its pages out as it is built (held for one commit, a million
	 * orders' index took more than a 256 MB heap to write), is used once built, and the store takes writes meanwhile.
	 */
	@Test
	void anIndexBuiltOnALargeCollectionIsWrittenOutAsItGoes(@TempDir Path directory) {
		Path file = directory.resolve("mongo.mv");
		int documents = 3 * IndexCatalog.CHECKPOINT_EVERY;
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < documents; i++) {
				batch.add(new Document("_id", "o" + i).append("customerId", "c" + (i % 100)).append("placedAt", i));
				if (batch.size() == 5_000) {
					orders.insertMany(batch);
					batch.clear();
				}
			}
			long before = store.backend.checkpoints();
			orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("placedAt")));
			assertThat(store.backend.checkpoints() - before).isGreaterThanOrEqualTo(2);
			orders.insertOne(new Document("_id", "late").append("customerId", "c7").append("placedAt", documents));
			assertThat(orders.find(Filters.eq("customerId", "c7")).explain().toJson()).contains("IXSCAN");
		}
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			assertThat(orders.countDocuments(Filters.eq("customerId", "c7"))).isEqualTo(documents / 100 + 1);
			assertThat(orders.find(Filters.eq("customerId", "c7")).sort(Sorts.descending("placedAt")).first())
				.containsEntry("_id", "late");
		}
	}

	@Test
	void aFileOfTheLibrarysH2BackendOpensWithItsDataAndIndexes(@TempDir Path directory) {
		Path file = directory.resolve("mongo.mv");
		H2Backend legacy = new H2Backend(file.toString());
		MongoServer server = new MongoServer(legacy);
		var address = server.bind();
		try (var client = com.mongodb.client.MongoClients
			.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			MongoCollection<Document> organisations = client.getDatabase("test").getCollection("organisations");
			organisations.createIndex(Indexes.ascending("externalId"), new IndexOptions().unique(true).sparse(true));
			organisations.createIndex(Indexes.ascending("name"));
			for (int i = 0; i < 50; i++) {
				organisations.insertOne(new Document("_id", "org-" + i).append("name", "Org " + (i % 10))
					.append("externalId", "ext-" + i));
			}
		}
		server.shutdownNow();

		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> organisations = store.database().getCollection("organisations");
			assertThat(organisations.countDocuments()).isEqualTo(50);
			assertThat(organisations.find(Filters.eq("name", "Org 3")).map(d -> d.getString("_id"))
				.into(new ArrayList<>())).hasSize(5);
			assertThat(organisations.find(Filters.eq("name", "Org 3")).explain().toJson()).contains("IXSCAN");
			assertThat(organisations.find(Filters.eq("externalId", "ext-7")).first()).containsEntry("_id", "org-7");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> organisations
				.insertOne(new Document("_id", "org-x").append("externalId", "ext-7")))
				.hasMessageContaining("duplicate key");
		}
	}

	@Test
	void aWriteSaysWhetherItWaitsForTheDisk(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.onFile(directory.resolve("mongo.mv"))) {
			MongoCollection<Document> counters = store.database().getCollection("counters");
			counters.insertOne(new Document("_id", "durable"));
			long commits = store.backend.commits();
			counters.withWriteConcern(com.mongodb.WriteConcern.W1.withJournal(false))
				.insertOne(new Document("_id", "counted"));
			assertThat(store.backend.commits()).as("no sync for j: false").isEqualTo(commits);
			counters.insertOne(new Document("_id", "durable too"));
			assertThat(store.backend.commits()).as("a sync for every other write").isEqualTo(commits + 1);
			assertThat(counters.countDocuments()).isEqualTo(3);
		}
	}

	@Test
	void expiredDocumentsOfATtlIndexAreRemoved(@TempDir Path directory) {
		try (EmbeddedStore store = EmbeddedStore.onFile(directory.resolve("mongo.mv"))) {
			MongoCollection<Document> sessions = store.database().getCollection("sessions");
			sessions.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
			Instant now = Instant.parse("2026-12-06T08:00:00Z");
			sessions.insertOne(new Document("_id", "old").append("expireAt", Date.from(now.minusSeconds(1))));
			sessions.insertOne(new Document("_id", "new").append("expireAt", Date.from(now.plusSeconds(60))));
			sessions.insertOne(new Document("_id", "none"));
			assertThat(store.backend.expireDocuments(now)).isEqualTo(1);
			assertThat(sessions.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
				.containsExactlyInAnyOrder("new", "none");
		}
	}
}
