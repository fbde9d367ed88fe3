package com.rapport.benchmarks.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderClonesTests {

	private static final Instant PLACED = Instant.parse("2026-11-29T08:00:00Z");

	/** An order as order-tracking-service stores it (read raw from its store). */
	private final Document template = new Document("_id", "5f1c0b3e-template")
		.append("customerId", "acme-retail")
		.append("orderNumber", "BENCH-TEMPLATE-DELIVERED-2")
		.append("placedAt", Date.from(PLACED))
		.append("promisedDate", Date.from(Instant.parse("2026-12-13T00:00:00Z")))
		.append("total", new Document("currency", "CNY").append("minorUnits", 123450L))
		.append("lines", List.of(new Document("sku", "CHAIR-ERG-01").append("quantity", 5)))
		.append("milestones", List.of(new Document("code", "PLACED").append("occurredAt", Date.from(PLACED)),
				new Document("code", "DELIVERED").append("occurredAt", Date.from(PLACED.plus(Duration.ofDays(6))))))
		.append("submittedBy", "partner-demo")
		.append("idempotencyKey", "bench-template-BENCH-TEMPLATE-DELIVERED-2")
		.append("createdAt", Date.from(PLACED.plus(Duration.ofDays(7))))
		.append("version", 0L)
		.append("outbox", List.of(new Document("eventId", "order-placed:5f1c0b3e-template")))
		.append("undeliverable", List.of())
		.append("deliveredAt", Date.from(PLACED.plus(Duration.ofDays(6))))
		.append("_class", "com.rapport.ordertracking.order.Order");

	@Test
	void aCloneIsTheTemplateMovedToItsOwnOrganisationNumberAndTime() {
		OrderPlan plan = new OrderPlan(1_000, 10, 1, 100);
		Document clone = OrderClones.clone(template, plan, 7);

		Instant placed = plan.placedAt(7);
		Duration shift = Duration.between(PLACED, placed);
		assertThat(clone.getString("_id")).isEqualTo(plan.id(7));
		assertThat(clone.getString("customerId")).isEqualTo(plan.customerId(plan.organisationOf(7)));
		assertThat(clone.getString("orderNumber")).isEqualTo("BENCH-0000007");
		assertThat(clone.getDate("placedAt").toInstant()).isEqualTo(placed);
		assertThat(clone.getDate("deliveredAt").toInstant()).isEqualTo(placed.plus(Duration.ofDays(6)));
		assertThat(clone.getList("milestones", Document.class).get(1).getDate("occurredAt").toInstant())
			.isEqualTo(placed.plus(Duration.ofDays(6)));
		assertThat(clone.getDate("createdAt").toInstant()).isEqualTo(PLACED.plus(Duration.ofDays(7)).plus(shift));
		assertThat(clone.getDate("promisedDate").toInstant().toEpochMilli() % Duration.ofDays(1).toMillis())
			.as("still midnight").isZero();
		assertThat(clone.getString("idempotencyKey")).isEqualTo("bench-seed-7");
		assertThat(clone.getList("outbox", Document.class)).as("already told").isEmpty();
		assertThat(clone.get("total")).isEqualTo(template.get("total"));
		assertThat(clone.getLong("version")).isZero();
		assertThat(clone.getString("_class")).isEqualTo("com.rapport.ordertracking.order.Order");
		assertThat(clone.keySet()).containsExactlyElementsOf(template.keySet());
	}

	@Test
	void theTemplateIsLeftAsItWas() {
		OrderClones.clone(template, new OrderPlan(1_000, 10, 1, 100), 3);
		assertThat(template.getDate("placedAt").toInstant()).isEqualTo(PLACED);
		assertThat(template.getList("outbox", Document.class)).hasSize(1);
	}
}
