package com.rapport.support.mongo.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store promises a service: a write it answered is on disk. Writers insert and update from several
 * threads against a store in another process, which is killed with SIGKILL while they write; the file is opened
 * again (no repair) and every answered write is there, found through the secondary index as through {@code _id}.
 */
class KillNineDurabilityTests {

	private static final int WRITERS = 6;

	@Test
	void everyAnsweredWriteSurvivesAKill(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("mongo.mv");
		Process store = start(file);
		Set<String> inserted = ConcurrentHashMap.newKeySet();
		Set<String> updated = ConcurrentHashMap.newKeySet();
		AtomicInteger answered = new AtomicInteger();
		try (MongoClient client = client(store)) {
			MongoCollection<Document> orders = client.getDatabase("test").getCollection("orders");
			orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("n")));
			CountDownLatch enough = new CountDownLatch(1);
			List<Thread> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				Thread thread = new Thread(() -> {
					for (int i = 0; ; i++) {
						String id = "w" + writer + "-" + i;
						try {
							orders.insertOne(new Document("_id", id).append("customerId", "c" + (i % 7)).append("n", i));
							inserted.add(id);
							if (i % 3 == 0) {
								orders.updateOne(Filters.eq("_id", id), Updates.set("state", "confirmed"));
								updated.add(id);
							}
						}
						catch (RuntimeException ex) {
							return;
						}
						if (answered.incrementAndGet() >= 400) {
							enough.countDown();
						}
					}
				});
				thread.start();
				writers.add(thread);
			}
			assertThat(enough.await(60, TimeUnit.SECONDS)).as("400 writes answered within a minute").isTrue();
			store.destroyForcibly();
			assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
			for (Thread thread : writers) {
				thread.join(Duration.ofSeconds(60).toMillis());
			}
		}
		finally {
			store.destroyForcibly();
		}

		try (EmbeddedStore reopened = EmbeddedStore.onFile(file)) {
			MongoCollection<Document> orders = reopened.database().getCollection("orders");
			Set<String> found = new HashSet<>();
			Set<String> confirmed = new HashSet<>();
			for (Document order : orders.find()) {
				found.add(order.getString("_id"));
				if ("confirmed".equals(order.getString("state"))) {
					confirmed.add(order.getString("_id"));
				}
			}
			assertThat(inserted).as("answered inserts").hasSizeGreaterThanOrEqualTo(300);
			assertThat(found).as("every answered insert is in the reopened file").containsAll(inserted);
			assertThat(confirmed).as("every answered update is in the reopened file").containsAll(updated);
			Set<String> throughIndex = new HashSet<>();
			for (int c = 0; c < 7; c++) {
				orders.find(Filters.eq("customerId", "c" + c)).forEach(order -> throughIndex.add(order.getString("_id")));
			}
			assertThat(throughIndex).as("the index holds exactly the documents").isEqualTo(found);
		}
	}

	private static Process start(Path file) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				StoreProcess.class.getName(), file.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith("PORT ")) {
				int port = Integer.parseInt(line.substring(5).trim());
				Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
				drain.setDaemon(true);
				drain.start();
				process.info();
				portOf.put(process, port);
				return process;
			}
		}
		throw new IllegalStateException("The store process ended before it served: exit " + process.waitFor());
	}

	private static final java.util.Map<Process, Integer> portOf = new ConcurrentHashMap<>();

	private static MongoClient client(Process store) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + portOf.get(store)))
			.applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.SECONDS))
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.retryWrites(false)
			.build());
	}
}
