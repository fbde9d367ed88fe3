package com.rapport.support.mongo.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

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
 * are dead but kept for the few live pages each still holds.
 */
class StoreCompactionTests {

	private static final int WRITES = 900;

	@Test
	void compactionKeepsTheFileNearItsLiveDataUnderManySmallCommits(@TempDir Path directory) {
		Run without = run(directory.resolve("without.mv"), false);
		Run with = run(directory.resolve("with.mv"), true);

		assertThat(with.documents()).isEqualTo(without.documents()).isEqualTo(WRITES / 3);
		assertThat(without.figures().chunksFillRate()).as("left alone, chunks are mostly dead").isLessThan(20);
		assertThat(with.figures().chunksFillRate()).as("compacted, twice as much of the chunks is live")
			.isGreaterThanOrEqualTo(2 * without.figures().chunksFillRate());
		assertThat(with.figures().size()).as("compacted file against the file left alone")
			.isLessThan(without.figures().size() / 2);
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
