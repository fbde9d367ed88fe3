package com.rapport.support.mongo.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that takes many small durable writes (each its own commit, as a service's writes are) keeps its file
 * a fraction of the size when compacted as the sweeper does (every 2 s) as when left alone, where most of its chunks
 * are dead but kept for the few live pages each still holds. The files live in memory where the machine allows
 * ({@link InMemoryTempDir}): their layout is what is measured, not the disk's syncs.
 */
class StoreCompactionTests {

	private static final int WRITES = 900;

	@Test
	void compactionKeepsTheFileNearItsLiveDataUnderManySmallCommits(@TempDir(factory = InMemoryTempDir.class) Path directory) {
		Run without = run(directory.resolve("without.mv"), false);
		Run with = run(directory.resolve("with.mv"), true);

		assertThat(with.documents()).isEqualTo(without.documents()).isEqualTo(WRITES / 3);
		assertThat(without.figures().chunksFillRate()).as("left alone, chunks are mostly dead").isLessThan(20);
		assertThat(with.figures().chunksFillRate()).as("compacted, twice as much of the chunks is live")
			.isGreaterThanOrEqualTo(2 * without.figures().chunksFillRate());
		assertThat(with.figures().size()).as("compacted file against the file left alone")
			.isLessThan(without.figures().size() / 2);
	}

	/**
	 * What a big one-time change leaves behind (a bulk delete, a new field on every document, an index built on
	 * data that is there): most of the file dead. Left idle, the sweeper's rounds give the space back, the file is
	 * cut to near its live data, and every document left reads as it was written, also after reopening.
	 */
	@Test
	void anIdleStoreGivesBackTheSpaceABigChangeLeftDead(@TempDir(factory = InMemoryTempDir.class) Path directory) {
		Path file = directory.resolve("store.mv");
		String text = "x".repeat(2_000);
		long before;
		long after;
		try (EmbeddedStore store = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("placedAt")));
			for (int batch = 0; batch < 20; batch++) {
				List<Document> documents = new ArrayList<>();
				for (int i = 0; i < 500; i++) {
					int n = batch * 500 + i;
					documents.add(new Document("_id", "o" + n).append("customerId", "c" + n % 50).append("placedAt", n)
						.append("notes", text));
				}
				orders.insertMany(documents);
			}
			// the big change: nine orders in ten deleted, each remaining one rewritten
			orders.deleteMany(Filters.not(Filters.regex("_id", "0$")));
			orders.updateMany(Filters.exists("_id"), Updates.set("delivered", true));
			before = store.backend.fileFigures().size();
			for (int round = 0; round < 200 && store.backend.compact(); round++) {
				// the sweeper's rounds, with nobody writing
			}
			after = store.backend.fileFigures().size();
			assertThat(orders.countDocuments()).isEqualTo(1_000);
		}
		assertThat(after).as("file after idle rounds (before: %d bytes)", before).isLessThan(before / 4);
		try (EmbeddedStore reopened = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = reopened.database().getCollection("orders");
			assertThat(orders.countDocuments(Filters.eq("delivered", true))).isEqualTo(1_000);
			Document newest = orders.find(Filters.eq("customerId", "c0")).sort(Indexes.descending("placedAt")).first();
			assertThat(newest).isNotNull();
			assertThat(newest.getInteger("placedAt")).isEqualTo(9_950);
			assertThat(newest.getString("notes")).isEqualTo(text);
		}
	}

	private static Run run(Path file, boolean compact) {
		StoreBackend backend = new StoreBackend(file, 16, Clock.systemUTC());
		MongoServer server = new MongoServer(backend);
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 4);
		InetSocketAddress address = server.getLocalAddress();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
			MongoCollection<Document> tickets = client.getDatabase("test").getCollection("tickets");
			tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("organisationId"), Indexes.descending("at")));
			tickets.createIndex(Indexes.ascending("status"));
			for (int i = 0; i < WRITES; i++) {
				int n = i / 3;
				switch (i % 3) {
					case 0 -> tickets.insertOne(new Document("_id", "t" + n).append("organisationId", "org-" + n % 97)
						.append("status", "NEW").append("at", i).append("subject", "Delivery " + n + " late"));
					case 1 -> tickets.updateOne(Filters.eq("_id", "t" + n), Updates.set("status", "OPEN"));
					default -> tickets.updateOne(Filters.eq("_id", "t" + n), Updates.inc("replies", 1));
				}
				if (compact && i % 50 == 49) {
					backend.compact();
				}
			}
			long documents = tickets.countDocuments();
			return new Run(documents, backend.fileFigures());
		}
		finally {
			server.shutdownNow();
		}
	}

	private record Run(long documents, StoreBackend.FileFigures figures) {
	}
}
