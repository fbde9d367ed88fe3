package com.rapport.ordertracking.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds the open or delivered (not cancelled) orders a selection holds, by an index both stores use: the
 * multikey {@code sku_placed} (the lines' SKU, then the time placed) for a SKU, {@code placed} for a range,
 * {@code order_number} for numbers given by hand. It reads only each order's id, organisation and number, and at
 * most one order more than a notice may reach ({@code rapport.incidents.max-orders}, 10,000), so a selection too
 * large is refused after reading that many, never the whole collection.
 */
@Component
class AffectedOrders {

	private final MongoTemplate mongo;

	private final int maxOrders;

	AffectedOrders(MongoTemplate mongo, @Value("${rapport.incidents.max-orders:10000}") int maxOrders) {
		this.mongo = mongo;
		this.maxOrders = maxOrders;
	}

	int maxOrders() {
		return maxOrders;
	}

	/**
	 * The orders found: how many, and each organisation's order numbers (organisations with most orders first).
	 *
	 * @param unmatched the numbers asked for by hand that no order of the selection has
	 */
	record Affected(int orderCount, Map<String, List<String>> byOrganisation, List<String> unmatched) {
	}

	Affected of(IncidentSelection selection) {
		Query query = new Query(criteria(selection)).limit(maxOrders + 1);
		query.fields().include("customerId", "orderNumber");
		List<Document> found = mongo.find(query, Document.class, "orders");
		if (found.size() > maxOrders) {
			throw UnprocessableException.field(Message.of("incidents.too-many-orders", maxOrders), "selection",
					Message.of("incidents.too-many-orders.field", maxOrders));
		}
		Map<String, List<String>> byOrganisation = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Document order : found) {
			String number = order.getString("orderNumber");
			byOrganisation.computeIfAbsent(order.getString("customerId"), id -> new ArrayList<>()).add(number);
			seen.add(number);
		}
		byOrganisation.values().forEach(numbers -> numbers.sort(null));
		Map<String, List<String>> largestFirst = new LinkedHashMap<>();
		byOrganisation.entrySet().stream()
			.sorted((a, b) -> a.getValue().size() != b.getValue().size()
					? Integer.compare(b.getValue().size(), a.getValue().size()) : a.getKey().compareTo(b.getKey()))
			.forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
		List<String> unmatched = selection.kind() == IncidentSelection.Kind.ORDER_NUMBERS
				? selection.orderNumbers().stream().filter(n -> !seen.contains(n)).toList() : List.of();
		return new Affected(found.size(), largestFirst, unmatched);
	}

	private static Criteria criteria(IncidentSelection selection) {
		List<Criteria> parts = new ArrayList<>();
		switch (selection.kind()) {
			case SKU -> parts.add(Criteria.where("lines.sku").is(selection.sku()));
			case ORDER_NUMBERS -> parts.add(Criteria.where("orderNumber").in(selection.orderNumbers()));
			case PLACED -> {
				// the range below is the selection
			}
		}
		if (selection.kind() != IncidentSelection.Kind.ORDER_NUMBERS
				&& (selection.placedFrom() != null || selection.placedBefore() != null)) {
			Criteria placed = Criteria.where("placedAt");
			if (selection.placedFrom() != null) {
				placed = placed.gte(selection.placedFrom());
			}
			if (selection.placedBefore() != null) {
				placed = placed.lt(selection.placedBefore());
			}
			parts.add(placed);
		}
		// Not indexable on its own; checked on the orders the index above gives.
		parts.add(Criteria.where("cancelledAt").is(null));
		return new Criteria().andOperator(parts);
	}
}
