package com.rapport.benchmarks.growth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthClonesTests {

	static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

	/** A demo organisation as customer-service stores it (read raw). */
	static Document organisation(String id) {
		return new Document("_id", id).append("name", "Acme Retail")
			.append("industry", "Retail")
			.append("externalId", "CRM-0001")
			.append("tier", "VIP")
			.append("contacts", List.of(new Document("_id", "3f0c2a8e-1001").append("name", "Alice Chen")
				.append("email", "alice.chen@acme-retail.example")
				.append("birthday", "1986-12-07")
				.append("externalId", "CRM-0001-C1")
				.append("username", "acme.buyer")
				.append("reorderReminderConsent", true),
					new Document("_id", "3f0c2a8e-1002").append("name", "Bo Zhang").append("reorderReminderConsent", false)))
			.append("searchKeys", List.of("acme", "retail", "alice", "chen"))
			.append("birthdayKeys", List.of("12-07"))
			.append("version", 3L)
			.append("_class", "com.rapport.customer.organisation.Organisation");
	}

	/** An order as order-tracking-service stores it; delivered six days after it was placed when {@code delivered}. */
	static Document order(String id, String customerId, String number, int daysAgo, boolean delivered) {
		Instant placed = NOW.minus(Duration.ofDays(daysAgo));
		Document order = new Document("_id", id).append("customerId", customerId)
			.append("orderNumber", number)
			.append("placedAt", Date.from(placed))
			.append("promisedDate", Date.from(placed.plus(Duration.ofDays(14))))
			.append("lines", List.of(new Document("sku", "CHAIR-ERG-01").append("quantity", 120)))
			.append("idempotencyKey", "key-" + number)
			.append("outbox", List.of())
			.append("notices", List.of(new Document("eventId", "x")))
			.append("_class", "com.rapport.ordertracking.order.Order");
		if (delivered) {
			order.append("deliveredAt", Date.from(placed.plus(Duration.ofDays(6))));
		}
		return order;
	}

	/** The timeline entry customer-service keeps of an order placed or delivered. */
	static Document entry(String organisationId, String kind, String orderId, String number, Date at) {
		String prefix = kind.equals("ORDER_PLACED") ? "order-placed:" : "order-delivered:";
		return new Document("_id", new ObjectId()).append("source", "order-tracking-service")
			.append("eventId", prefix + orderId)
			.append("organisationId", organisationId)
			.append("kind", kind)
			.append("occurredAt", at)
			.append("reference", "order:" + orderId)
			.append("attributes", new Document("order_number", number).append("currency", "CNY")
				.append("amount_minor_units", "8640000"))
			.append("recordedAt", at)
			.append("_class", "com.rapport.customer.timeline.Interaction");
	}

	/** Acme with two delivered orders and one in progress, and their entries. */
	static GrowthTemplates.Template acme() {
		List<Document> orders = List.of(order("o-1", "acme-retail", "ACME-1001", 70, true),
				order("o-2", "acme-retail", "ACME-1002", 40, true), order("o-3", "acme-retail", "ACME-1003", 3, false));
		Map<String, List<Document>> entries = new java.util.LinkedHashMap<>();
		for (Document order : orders) {
			List<Document> theirs = new ArrayList<>();
			theirs.add(entry("acme-retail", "ORDER_PLACED", order.getString("_id"), order.getString("orderNumber"),
					order.getDate("placedAt")));
			if (order.get("deliveredAt") != null) {
				theirs.add(entry("acme-retail", "ORDER_DELIVERED", order.getString("_id"),
						order.getString("orderNumber"), order.getDate("deliveredAt")));
			}
			entries.put(order.getString("_id"), theirs);
		}
		return new GrowthTemplates.Template(organisation("acme-retail"), orders, entries);
	}

	@Test
	void aCloneIsTheTemplateUnderItsOwnIdsWithItsHistoryMovedTogether() {
		int n = firstIrregular();
		GrowthClones.Clone clone = GrowthClones.of(acme(), n);
		GrowthTemplates.Template template = acme();

		Document organisation = clone.organisation();
		assertThat(organisation.keySet()).containsExactlyElementsOf(template.organisation().keySet());
		assertThat(organisation.getString("_id")).isEqualTo(GrowthPlan.id(n));
		assertThat(organisation.getString("name")).isEqualTo("Acme Retail " + GrowthPlan.number(n));
		assertThat(organisation.getString("externalId")).isEqualTo("GROWTH-" + GrowthPlan.number(n));
		assertThat(organisation.getList("searchKeys", String.class)).containsExactly("acme", "retail", "alice", "chen",
				GrowthPlan.number(n));
		assertThat(organisation.getList("birthdayKeys", String.class)).isEmpty();
		assertThat(organisation.getString("tier")).isEqualTo("VIP");
		Document alice = organisation.getList("contacts", Document.class).get(0);
		assertThat(alice.getString("_id")).isNotEqualTo("3f0c2a8e-1001");
		assertThat(alice.getString("externalId")).isEqualTo("GROWTH-" + GrowthPlan.number(n) + "-C1");
		assertThat(alice.getString("email")).isEqualTo("alice.chen@acme-retail.example");
		assertThat(alice.keySet()).doesNotContain("username", "birthday");
		assertThat(alice.getBoolean("reorderReminderConsent")).isFalse();

		assertThat(clone.orders()).hasSize(3);
		assertThat(clone.entries()).hasSize(5);
		for (int i = 0; i < 3; i++) {
			Document original = template.orders().get(i);
			Document order = clone.orders().get(i);
			assertThat(order.keySet()).containsExactlyElementsOf(original.keySet());
			assertThat(order.getString("customerId")).isEqualTo(GrowthPlan.id(n));
			assertThat(order.getString("orderNumber")).isEqualTo(original.getString("orderNumber"));
			assertThat(order.getList("notices", Document.class)).isEmpty();
			assertThat(order.get("lines")).isEqualTo(original.get("lines"));
			long days = Duration.between(order.getDate("placedAt").toInstant(),
					original.getDate("placedAt").toInstant()).toDays();
			assertThat(days).isEqualTo(GrowthPlan.shiftDays(n, i, original.get("deliveredAt") != null));
			List<Document> entries = clone.entries().stream()
				.filter(e -> e.getString("eventId").endsWith(":" + order.getString("_id")))
				.toList();
			assertThat(entries).hasSize(original.get("deliveredAt") == null ? 1 : 2).allSatisfy(e -> {
				assertThat(e.getString("organisationId")).isEqualTo(GrowthPlan.id(n));
				assertThat(e.getString("reference")).isEqualTo("order:" + order.getString("_id"));
				assertThat(e.get("attributes")).isEqualTo(template.entries().get(original.getString("_id")).get(0)
					.get("attributes"));
			});
			assertThat(entries.get(0).getDate("occurredAt")).isEqualTo(order.getDate("placedAt"));
		}
		assertThat(clone.orders().get(2).getDate("placedAt")).as("in progress: not moved, never late")
			.isEqualTo(template.orders().get(2).getDate("placedAt"));
	}

	@Test
	void everyIdIsItsOwnAcrossClones() {
		Set<Object> ids = new HashSet<>();
		int documents = 0;
		for (int n = 1; n <= 2_000; n++) {
			GrowthClones.Clone clone = GrowthClones.of(acme(), n);
			ids.add(clone.organisation().get("_id"));
			ids.add(clone.organisation().get("externalId"));
			clone.organisation().getList("contacts", Document.class).forEach(c -> ids.add(c.get("_id")));
			clone.orders().forEach(o -> ids.add(o.get("_id")));
			clone.orders().forEach(o -> ids.add(o.get("idempotencyKey")));
			clone.entries().forEach(e -> ids.add(e.get("_id")));
			clone.entries().forEach(e -> ids.add(e.get("eventId")));
			documents += 4 + 2 * 3 + 2 * 5;
		}
		assertThat(ids).hasSize(documents);
	}

	private static int firstIrregular() {
		int n = 1;
		while (GrowthPlan.kind(n) != GrowthPlan.Kind.IRREGULAR_ACME) {
			n++;
		}
		return n;
	}
}
