package com.rapport.benchmarks.growth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.rapport.benchmarks.orders.EmbeddedStore;
import org.bson.Document;

/**
 * Writes the plan's clones into both services' store files while the platform is down, a chunk of organisations at
 * a time: the chunk's orders into order-tracking-service's store on one thread while its timeline entries go into
 * customer-service's on another, then its organisations. Each store syncs every batch before it answers, keeps every
 * index the service declared on every insert and is compacted after each batch, as the services' sweepers do.
 * Organisations go in last and by number, so customer-service's store holds a prefix of the plan's organisations
 * with all their history; a seeding that stopped goes on after the last organisation stored (found by {@code _id}),
 * first removing whatever of the next chunk's history got in before it stopped.
 */
final class GrowthSeeder {

	private static final long PROGRESS_EVERY_NANOS = 15_000_000_000L;

	/** Documents an {@code insertMany}. */
	private static final int BATCH = 2000;

	private final PrintStream out;

	GrowthSeeder(PrintStream out) {
		this.out = out;
	}

	/** What seeding did; {@code complete} is false when it stopped at its time limit. */
	record Result(int organisationsBefore, int organisationsSeeded, long orders, long entries, boolean complete,
			double seconds, double organisationsPerSecond) {
	}

	Result seed(EmbeddedStore customers, EmbeddedStore orderStore, GrowthTemplates templates, GrowthPlan plan,
			int chunk, int minutes) {
		long deadline = minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + minutes * 60_000_000_000L;
		MongoCollection<Document> organisations = customers.collection("organisations");
		MongoCollection<Document> interactions = customers.collection("interactions");
		MongoCollection<Document> orders = orderStore.collection("orders");
		int from = storedPrefix(organisations, plan);
		out.printf(Locale.ROOT, "The store holds the plan's first %,d organisations: seeding %,d to %,d, %,d a chunk%n",
				from, from + 1, plan.organisations(), chunk);
		long started = System.nanoTime();
		long lastProgress = started;
		long ordersSeeded = 0;
		long entriesSeeded = 0;
		int n = from;
		ExecutorService orderWriter = Executors.newSingleThreadExecutor();
		try {
			boolean first = true;
			while (n < plan.organisations() && System.nanoTime() < deadline) {
				int last = Math.min(plan.organisations(), n + chunk);
				List<Document> chunkOrganisations = new ArrayList<>();
				List<Document> chunkOrders = new ArrayList<>();
				List<Document> chunkEntries = new ArrayList<>();
				for (int k = n + 1; k <= last; k++) {
					GrowthClones.Clone clone = GrowthClones.of(templates.of(GrowthPlan.kind(k).template()), k);
					chunkOrganisations.add(clone.organisation());
					chunkOrders.addAll(clone.orders());
					chunkEntries.addAll(clone.entries());
				}
				if (first) {
					// What a stopped seeding left of this chunk's history (its organisations are not in yet).
					String low = GrowthPlan.id(n + 1);
					String high = GrowthPlan.id(last);
					orders.deleteMany(Filters.and(Filters.gte("customerId", low), Filters.lte("customerId", high)));
					interactions.deleteMany(Filters.and(Filters.gte("organisationId", low),
							Filters.lte("organisationId", high)));
					first = false;
				}
				CompletableFuture<Void> ordersDone = CompletableFuture
					.runAsync(() -> insert(orders, chunkOrders, orderStore), orderWriter);
				insert(interactions, chunkEntries, customers);
				ordersDone.join();
				insert(organisations, chunkOrganisations, customers);
				ordersSeeded += chunkOrders.size();
				entriesSeeded += chunkEntries.size();
				n = last;
				if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
					lastProgress = System.nanoTime();
					double rate = (n - from) / ((lastProgress - started) / 1e9);
					out.printf(Locale.ROOT, "  seeded %,d/%,d organisations (%,d orders, %,d timeline entries), %.0f "
							+ "organisations/s, about %.0f s to go%n", n, plan.organisations(), ordersSeeded,
							entriesSeeded, rate, (plan.organisations() - n) / rate);
				}
			}
		}
		finally {
			orderWriter.shutdown();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int seeded = n - from;
		return new Result(from, seeded, ordersSeeded, entriesSeeded, n == plan.organisations(),
				Math.round(seconds * 10) / 10.0, seconds == 0 ? 0 : Math.round(seeded / seconds * 10) / 10.0);
	}

	private static void insert(MongoCollection<Document> collection, List<Document> documents, EmbeddedStore store) {
		for (int i = 0; i < documents.size(); i += BATCH) {
			collection.insertMany(documents.subList(i, Math.min(documents.size(), i + BATCH)),
					new InsertManyOptions().ordered(true));
			store.compact();
		}
	}

	/** How many of the plan's organisations the store holds: a binary search over {@code _id}, since they go in in order. */
	static int storedPrefix(MongoCollection<Document> organisations, GrowthPlan plan) {
		int low = 0;
		int high = plan.organisations();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (organisations.find(Filters.eq("_id", GrowthPlan.id(middle + 1))).first() != null) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}
}
