package com.rapport.benchmarks.orders;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * Writes the plan's orders into order-tracking-service's store file while the service is stopped, in batches
 * through the driver ({@code insertMany}), from one thread; the store syncs each batch before it answers and
 * keeps every index the service declared on {@code Order} on every insert, as for the service's own writes. Orders go in by their number, so that the store always holds a prefix of the
 * plan; a seeding that was stopped goes on after the last order stored (found by {@code _id}).
 */
final class StoreSeeder {

	private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

	private final PrintStream out;

	StoreSeeder(PrintStream out) {
		this.out = out;
	}

	/** What seeding did; {@code complete} is false when it stopped at its time limit. */
	record Result(int ordersBefore, int ordersSeeded, boolean complete, double seconds, double ordersPerSecond) {
	}

	/** Seeds what the store lacks of the plan; no new batch is started after {@code minutes} (0: no limit). */
	Result seed(EmbeddedStore store, OrderPlan plan, Map<PartnerOrders.Stage, List<Document>> templates, int batch,
			int minutes) {
		long deadline = minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + minutes * 60_000_000_000L;
		MongoCollection<Document> orders = store.collection("orders");
		int from = storedPrefix(orders, plan);
		out.printf(Locale.ROOT, "The store holds the plan's first %,d orders: seeding %,d to %,d, %,d a batch%n", from,
				from + 1, plan.orders(), batch);
		long started = System.nanoTime();
		long lastProgress = started;
		List<Document> documents = new ArrayList<>(batch);
		int n = from;
		for (; n < plan.orders() && (!documents.isEmpty() || System.nanoTime() < deadline); n++) {
			List<Document> shapes = templates.get(plan.stage(n));
			documents.add(OrderClones.clone(shapes.get(plan.variant(n) % shapes.size()), plan, n));
			if (documents.size() == batch || n == plan.orders() - 1) {
				orders.insertMany(documents, new InsertManyOptions().ordered(true));
				documents.clear();
				// As the service's sweeper does every 2 s: without it the file grew to 18 GB for a million orders.
				store.compact();
				if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
					lastProgress = System.nanoTime();
					double seconds = (lastProgress - started) / 1e9;
					double rate = (n + 1 - from) / seconds;
					out.printf(Locale.ROOT, "  seeded %,d/%,d orders, %.0f orders/s, about %.0f s to go%n", n + 1,
							plan.orders(), rate, (plan.orders() - n - 1) / rate);
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int seeded = n - from;
		return new Result(from, seeded, n == plan.orders(), Math.round(seconds * 10) / 10.0,
				seconds == 0 ? 0 : Math.round(seeded / seconds * 10) / 10.0);
	}

	/** How many of the plan's orders the store holds: a binary search over {@code _id}, since they go in in order. */
	static int storedPrefix(MongoCollection<Document> orders, OrderPlan plan) {
		int low = 0;
		int high = plan.orders();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (orders.find(Filters.eq("_id", plan.id(middle))).first() != null) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/** The templates by how far along they are, read raw from the store by their order numbers. */
	static Map<PartnerOrders.Stage, List<Document>> templates(EmbeddedStore store, String customerId,
			List<String> orderNumbers, Map<String, PartnerOrders.Stage> stageOf) {
		Map<PartnerOrders.Stage, List<Document>> templates = new EnumMap<>(PartnerOrders.Stage.class);
		for (Document order : store.collection("orders")
			.find(Filters.and(Filters.eq("customerId", customerId), Filters.in("orderNumber", orderNumbers)))) {
			templates.computeIfAbsent(stageOf.get(order.getString("orderNumber")), stage -> new ArrayList<>())
				.add(order);
		}
		for (PartnerOrders.Stage stage : PartnerOrders.Stage.values()) {
			if (!templates.containsKey(stage)) {
				throw new IllegalStateException("no template order of stage " + stage + " in the store");
			}
		}
		templates.values().forEach(list -> list.sort((a, b) -> a.getString("orderNumber")
			.compareTo(b.getString("orderNumber"))));
		return templates;
	}
}
