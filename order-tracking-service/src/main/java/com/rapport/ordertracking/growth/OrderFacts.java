package com.rapport.ordertracking.growth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The order facts of every organisation in a range of ids, for customer-service's nightly growth recompute: one
 * range read of the index {@code customer_placed} (organisation ascending, newest order first), streamed as it is
 * read and handed on one organisation at a time, each with at most {@code maxOrders} newest orders: once an
 * organisation has that many, the read starts again after it, so the rest of its orders are never read (the first
 * recompute on the year-of-data store, which reads past them, ran order-tracking-service out of heap in one page's
 * read; the benchmark's big organisation is in that store). Only the fields the recompute needs are read: the order
 * number, when it was placed, whether it was cancelled, its lines. Services alone.
 */
@Service
public class OrderFacts {

	/** The most orders per organisation: what ten pages of a hundred of {@code ListOrders} reach. */
	public static final int MAX_ORDERS = 1000;

	/** Documents fetched from the store at a time. */
	static final int BATCH = 1000;

	private final MongoTemplate mongo;

	OrderFacts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** An organisation's orders, newest first. */
	public record CustomerOrders(String customerId, List<Fact> orders) {
	}

	/** What the recompute needs of one order. */
	public record Fact(String orderNumber, Instant placedAt, boolean cancelled, List<OrderLine> lines) {
	}

	/**
	 * Hands {@code each} the orders of every organisation whose id is in [{@code from}, {@code to}], in the order of
	 * the ids; organisations without orders are not handed. {@code maxOrders} 0 means {@value #MAX_ORDERS}.
	 */
	public void read(Caller caller, String from, String to, int maxOrders, Consumer<CustomerOrders> each) {
		if (!caller.hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("Order facts are for services");
		}
		int limit = check(from, to, maxOrders);
		Bson after = Filters.gte("customerId", from);
		boolean more = true;
		while (more) {
			more = false;
			String current = null;
			List<Fact> facts = new ArrayList<>();
			try (MongoCursor<Document> orders = range(after, to)) {
				while (orders.hasNext()) {
					Document order = orders.next();
					String customerId = order.getString("customerId");
					if (!customerId.equals(current)) {
						if (current != null) {
							each.accept(new CustomerOrders(current, List.copyOf(facts)));
						}
						current = customerId;
						facts.clear();
					}
					facts.add(fact(order));
					if (facts.size() == limit) {
						// The rest of this organisation's orders are never read: the read starts again after it.
						each.accept(new CustomerOrders(current, List.copyOf(facts)));
						after = Filters.gt("customerId", current);
						current = null;
						more = true;
						break;
					}
				}
			}
			if (current != null) {
				each.accept(new CustomerOrders(current, List.copyOf(facts)));
			}
		}
	}

	/**
	 * The orders from {@code after} up to {@code to}, by organisation, newest first: read from the index as the
	 * cursor goes, so an organisation with a hundred thousand orders costs no more memory than one with ten.
	 */
	private MongoCursor<Document> range(Bson after, String to) {
		return mongo.getCollection(mongo.getCollectionName(Order.class))
			.find(Filters.and(after, Filters.lte("customerId", to)))
			.projection(Projections.include("customerId", "orderNumber", "placedAt", "cancelledAt", "lines"))
			.sort(Sorts.orderBy(Sorts.ascending("customerId"), Sorts.descending("placedAt")))
			.batchSize(BATCH)
			.iterator();
	}

	private static int check(String from, String to, int maxOrders) {
		Map<String, Message> bad = new LinkedHashMap<>();
		if (from == null || from.isBlank()) {
			bad.put("from_customer_id", Message.of("field.required"));
		}
		if (to == null || to.isBlank()) {
			bad.put("to_customer_id", Message.of("field.required"));
		}
		else if (from != null && !from.isBlank() && to.compareTo(from) < 0) {
			bad.put("to_customer_id", Message.of("orders.facts.range"));
		}
		if (maxOrders < 0 || maxOrders > MAX_ORDERS) {
			bad.put("max_orders_per_customer", Message.of("orders.facts.max-orders", MAX_ORDERS));
		}
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("orders.facts.invalid"), bad);
		}
		return maxOrders == 0 ? MAX_ORDERS : maxOrders;
	}

	private static Fact fact(Document order) {
		java.util.Date placed = order.getDate("placedAt");
		List<OrderLine> lines = new ArrayList<>();
		List<Document> stored = order.getList("lines", Document.class);
		if (stored != null) {
			for (Document line : stored) {
				Number quantity = line.get("quantity", Number.class);
				lines.add(new OrderLine(line.getString("sku"), line.getString("description"),
						quantity == null ? 0 : quantity.intValue()));
			}
		}
		return new Fact(order.getString("orderNumber"), placed == null ? null : placed.toInstant(),
				order.get("cancelledAt") != null, List.copyOf(lines));
	}
}
