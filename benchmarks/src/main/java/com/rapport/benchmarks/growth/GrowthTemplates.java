package com.rapport.benchmarks.growth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The demo's documents the clones are made of, read raw from the stores (Spring Data's field names, types and
 * {@code _class}, exactly as the services wrote them): each template organisation (customer-service's
 * {@code organisations}), its orders (order-tracking-service's {@code orders}, oldest first) and the timeline
 * entries order-tracking-service recorded for them in customer-service ({@code interactions} of kinds
 * {@code ORDER_PLACED} and {@code ORDER_DELIVERED}, event ids {@code order-placed:<order id>} and
 * {@code order-delivered:<order id>}), which the recompute reads by index.
 */
record GrowthTemplates(Map<String, Template> byOrganisation) {

	static final List<String> KINDS = List.of("ORDER_PLACED", "ORDER_DELIVERED");

	/** One demo organisation's documents; {@code entries} by the id of the order they are of. */
	record Template(Document organisation, List<Document> orders, Map<String, List<Document>> entries) {
	}

	Template of(String organisationId) {
		Template template = byOrganisation.get(organisationId);
		if (template == null) {
			throw new IllegalStateException("no template organisation " + organisationId);
		}
		return template;
	}

	/**
	 * Reads the templates and checks that the timeline has heard of every order (the relay ran): a store whose
	 * platform was stopped too soon after the demo data was loaded would make clones without their history.
	 */
	static GrowthTemplates read(MongoCollection<Document> organisations, MongoCollection<Document> interactions,
			MongoCollection<Document> orders) {
		Map<String, Template> templates = new LinkedHashMap<>();
		for (String id : GrowthPlan.TEMPLATES) {
			Document organisation = organisations.find(Filters.eq("_id", id)).first();
			if (organisation == null) {
				throw new IllegalStateException("no demo organisation " + id + " in customer-service's store: start the "
						+ "platform once on a fresh RAPPORT_DATA_DIR (demo data) first");
			}
			List<Document> theirOrders = orders.find(Filters.eq("customerId", id)).into(new ArrayList<>());
			theirOrders.sort(Comparator.comparing(o -> o.getDate("placedAt")));
			Map<String, List<Document>> entries = new LinkedHashMap<>();
			for (Document entry : interactions
				.find(Filters.and(Filters.eq("organisationId", id), Filters.in("kind", KINDS)))) {
				entries.computeIfAbsent(orderId(entry), k -> new ArrayList<>()).add(entry);
			}
			for (Document order : theirOrders) {
				int expected = order.get("deliveredAt") == null ? 1 : 2;
				int found = entries.getOrDefault(order.getString("_id"), List.of()).size();
				if (found != expected) {
					throw new IllegalStateException("the timeline of " + id + " has " + found + " of the " + expected
							+ " entries of order " + order.getString("orderNumber") + ": let the platform run until "
							+ "order-tracking-service's relay has told customer-service of every demo order");
				}
			}
			templates.put(id, new Template(organisation, theirOrders, entries));
		}
		return new GrowthTemplates(templates);
	}

	/** The order an entry is of: what follows the first {@code :} of its event id. */
	static String orderId(Document entry) {
		String eventId = entry.getString("eventId");
		int colon = eventId == null ? -1 : eventId.indexOf(':');
		if (colon < 0) {
			throw new IllegalStateException("a timeline entry of an order without the order in its event id: " + eventId);
		}
		return eventId.substring(colon + 1);
	}
}
