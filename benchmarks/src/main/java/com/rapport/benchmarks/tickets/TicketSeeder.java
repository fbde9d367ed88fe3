package com.rapport.benchmarks.tickets;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.rapport.benchmarks.orders.EmbeddedStore;
import org.bson.Document;

/**
 * Writes the plan's tickets into ticket-service's store file while the service is stopped, cloned from the tickets
 * the store holds already (the demo's: {@link TicketClones}), in batches through the driver ({@code insertMany}) from
 * one thread; the store syncs each batch before it answers and keeps every index the service declared on
 * {@code Ticket} (the queue's among them) on every insert, and the file is compacted after each batch as the
 * service's sweeper does. Tickets go in by their index, so the store always holds a prefix of the plan; a seeding
 * that was stopped goes on after the last ticket stored (found by {@code _id}).
 */
final class TicketSeeder {

	/** The templates are the store's tickets numbered as ticket-service numbers them, not as the plan does. */
	static final String TEMPLATE_NUMBER = "^T-\\d{1,6}$";

	/** More tickets than the demo's in the store would all be in the queue besides the plan's. */
	static final int MOST_TEMPLATES = 50;

	private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

	private final PrintStream out;

	TicketSeeder(PrintStream out) {
		this.out = out;
	}

	/** What seeding did; {@code complete} is false when it stopped at its time limit. */
	record Result(int ticketsBefore, int ticketsSeeded, boolean complete, double seconds, double ticketsPerSecond) {
	}

	/** The store's own tickets, open and done, and when they were made. */
	record Templates(List<Document> open, List<Document> done, Instant loadedAt) {
	}

	static Templates templates(MongoCollection<Document> tickets) {
		List<Document> all = tickets.find(Filters.regex("number", TEMPLATE_NUMBER)).into(new ArrayList<>());
		if (all.size() > MOST_TEMPLATES) {
			throw new IllegalStateException("the store holds " + all.size() + " tickets besides the seeded ones: they "
					+ "would be in the queue too; seed into a data directory with the demo's tickets only");
		}
		all.sort(Comparator.comparing(t -> t.getString("number")));
		List<Document> open = all.stream().filter(TicketClones::isOpen).toList();
		List<Document> done = all.stream().filter(t -> !TicketClones.isOpen(t)).toList();
		if (open.isEmpty() || done.isEmpty()) {
			throw new IllegalStateException("no " + (open.isEmpty() ? "open" : "resolved or closed") + " ticket in the "
					+ "store to clone: start the platform once on this data directory with the demo data");
		}
		Instant loadedAt = all.stream().map(t -> t.get("createdAt") instanceof Date d ? d : t.getDate("openedAt"))
			.max(Comparator.naturalOrder()).orElseThrow().toInstant();
		return new Templates(open, done, loadedAt);
	}

	/** Seeds what the store lacks of the plan; no new batch is started after {@code minutes} (0: no limit). */
	Result seed(EmbeddedStore store, TicketPlan plan, int batch, int minutes, Instant now) {
		long deadline = minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + minutes * 60_000_000_000L;
		MongoCollection<Document> tickets = store.collection("tickets");
		int from = storedPrefix(tickets, plan);
		out.printf(Locale.ROOT, "The store holds the plan's first %,d tickets: seeding %,d to %,d, %,d a batch%n", from,
				from + 1, plan.tickets(), batch);
		if (from == plan.tickets()) {
			return new Result(from, 0, true, 0, 0);
		}
		Templates templates = templates(tickets);
		out.printf(Locale.ROOT, "Cloning %d open and %d done tickets of the store, made at %s%n", templates.open().size(),
				templates.done().size(), templates.loadedAt());
		long started = System.nanoTime();
		long lastProgress = started;
		List<Document> documents = new ArrayList<>(batch);
		int n = from;
		for (; n < plan.tickets() && (!documents.isEmpty() || System.nanoTime() < deadline); n++) {
			Document template = plan.isOpen(n) ? templates.open().get((n - plan.done()) % templates.open().size())
					: templates.done().get(n % templates.done().size());
			documents.add(TicketClones.clone(template, plan, n, now, templates.loadedAt()));
			if (documents.size() == batch || n == plan.tickets() - 1) {
				tickets.insertMany(documents, new InsertManyOptions().ordered(true));
				documents.clear();
				store.compact();
				if (System.nanoTime() - lastProgress >= PROGRESS_EVERY_NANOS) {
					lastProgress = System.nanoTime();
					double rate = (n + 1 - from) / ((lastProgress - started) / 1e9);
					out.printf(Locale.ROOT, "  seeded %,d/%,d tickets, %.0f tickets/s, about %.0f s to go%n", n + 1,
							plan.tickets(), rate, (plan.tickets() - n - 1) / rate);
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int seeded = n - from;
		return new Result(from, seeded, n == plan.tickets(), Math.round(seconds * 10) / 10.0,
				seconds == 0 ? 0 : Math.round(seeded / seconds * 10) / 10.0);
	}

	/** How many of the plan's tickets the store holds: a binary search over {@code _id}, since they go in in order. */
	static int storedPrefix(MongoCollection<Document> tickets, TicketPlan plan) {
		int low = 0;
		int high = plan.tickets();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (tickets.find(Filters.eq("_id", plan.id(middle))).first() != null) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}
}
