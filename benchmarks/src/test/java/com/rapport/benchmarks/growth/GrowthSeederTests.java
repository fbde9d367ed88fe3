package com.rapport.benchmarks.growth;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.rapport.benchmarks.orders.EmbeddedStore;
import com.rapport.support.mongo.store.StoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seeding into real store files (platform-mongo's backend), as the scenario does between two platform runs. */
class GrowthSeederTests {

	@TempDir
	Path dir;

	private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	@Test
	void seedsEveryCloneWithItsHistoryAndGoesOnAfterAStopWithoutDoublingAnything() {
		Path customers = dir.resolve("customer-service.mv");
		Path orders = dir.resolve("order-tracking-service.mv");
		demo(customers, orders, true);

		GrowthSeeder.Result first = seed(customers, orders, 30, 7);
		assertThat(first.organisationsSeeded()).isEqualTo(30);
		// A seeding stopped halfway through a chunk: some of the next organisation's history is in, not it.
		try (EmbeddedStore store = EmbeddedStore.open(orders)) {
			Document stray = store.collection("orders").find(Filters.eq("customerId", "acme-retail")).first();
			stray.put("_id", "stray");
			stray.put("customerId", GrowthPlan.id(31));
			store.collection("orders").insertOne(stray);
		}
		GrowthSeeder.Result second = seed(customers, orders, 50, 7);
		assertThat(second.organisationsBefore()).isEqualTo(30);
		assertThat(second.organisationsSeeded()).isEqualTo(20);
		assertThat(second.complete()).isTrue();

		try (EmbeddedStore customerStore = EmbeddedStore.open(customers); EmbeddedStore orderStore = EmbeddedStore.open(orders)) {
			MongoCollection<Document> organisations = customerStore.collection("organisations");
			assertThat(organisations.countDocuments(Filters.regex("_id", "^growth-"))).isEqualTo(50);
			assertThat(GrowthSeeder.storedPrefix(organisations, new GrowthPlan(80))).isEqualTo(50);
			assertThat(orderStore.collection("orders").countDocuments(Filters.eq("_id", "stray"))).isZero();
			long acmeClones = 0;
			for (int n = 1; n <= 50; n++) {
				String id = GrowthPlan.id(n);
				GrowthPlan.Kind kind = GrowthPlan.kind(n);
				long expectedOrders = kind.template().equals("acme-retail") ? 3 : 0;
				acmeClones += expectedOrders > 0 ? 1 : 0;
				assertThat(orderStore.collection("orders").countDocuments(Filters.eq("customerId", id))).as(id)
					.isEqualTo(expectedOrders);
				assertThat(customerStore.collection("interactions").countDocuments(Filters.eq("organisationId", id)))
					.as(id).isEqualTo(expectedOrders == 0 ? 0 : 5);
			}
			assertThat(acmeClones).isPositive();
		}
	}

	@Test
	void refusesTemplatesWhoseTimelineHasNotHeardOfEveryOrder() {
		Path customers = dir.resolve("customer-service.mv");
		Path orders = dir.resolve("order-tracking-service.mv");
		demo(customers, orders, false);
		assertThatThrownBy(() -> seed(customers, orders, 5, 5)).hasMessageContaining("relay");
	}

	private GrowthSeeder.Result seed(Path customers, Path orders, int organisations, int chunk) {
		try (EmbeddedStore customerStore = EmbeddedStore.open(customers); EmbeddedStore orderStore = EmbeddedStore.open(orders)) {
			GrowthTemplates templates = GrowthTemplates.read(customerStore.collection("organisations"),
					customerStore.collection("interactions"), orderStore.collection("orders"));
			return new GrowthSeeder(out).seed(customerStore, orderStore, templates, new GrowthPlan(organisations), chunk,
					0);
		}
	}

	/**
	 * Two store files as a platform on demo data leaves them: the six demo organisations, Acme's orders (the others
	 * have none here) and, when {@code relayed}, their timeline entries.
	 */
	private static void demo(Path customers, Path orders, boolean relayed) {
		GrowthTemplates.Template acme = GrowthClonesTests.acme();
		write(customers, "customer-service", database -> {
			List<Document> organisations = new ArrayList<>();
			for (String id : GrowthPlan.TEMPLATES) {
				organisations.add(GrowthClonesTests.organisation(id));
			}
			database.getCollection("organisations").insertMany(organisations);
			List<Document> entries = new ArrayList<>();
			acme.entries().values().forEach(entries::addAll);
			database.getCollection("interactions").insertMany(relayed ? entries : entries.subList(0, 2));
		});
		write(orders, "order-tracking-service",
				database -> database.getCollection("orders").insertMany(acme.orders()));
	}

	private static void write(Path file, String name, java.util.function.Consumer<com.mongodb.client.MongoDatabase> writes) {
		StoreBackend backend = new StoreBackend(file, 16, Clock.systemUTC());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
			writes.accept(client.getDatabase(name));
		}
		finally {
			server.shutdownNow();
			backend.close();
		}
	}
}
