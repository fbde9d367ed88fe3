package com.rapport.ordertracking.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.QueryPlans.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's selection reads the orders it selects by an index, never the collection: 200 orders of ten
 * organisations over 200 days, each with one of ten SKUs, so that a scan would show. The fan-out's read of the
 * organisations still to be mailed, too.
 */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, QueryPlans.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class IncidentQueryPlanMongoTests {

	static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@BeforeEach
	void twoHundredOrders() {
		mongo.remove(new Query(), Order.class);
		mongo.remove(new Query(), IncidentRecipient.class);
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Instant placed = T0.minus(Duration.ofDays(i));
			orders.add(new Order(null, "org-" + i % 10, "N-" + i, placed, null, null,
					List.of(new OrderLine("SKU-" + i % 10, "item", 1)),
					List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null));
		}
		mongo.insertAll(orders);
	}

	private AffectedOrders.Affected select(IncidentSelection selection, String index) {
		AffectedOrders affected = new AffectedOrders(mongo, 10_000);
		List<AffectedOrders.Affected> found = new ArrayList<>();
		List<Plan> sent = plans.explain(mongo, "orders", () -> found.add(affected.of(selection)));
		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly(index));
		return found.get(0);
	}

	@Test
	void aSkuIsReadFromTheMultikeyIndexOfTheLinesSkus() {
		var found = select(new IncidentSelection(IncidentSelection.Kind.SKU, "SKU-3", null, null, List.of()),
				"sku_placed");
		assertThat(found.orderCount()).isEqualTo(20);
		assertThat(found.byOrganisation()).containsOnlyKeys("org-3");
	}

	@Test
	void aSkuWithDaysReadsOnlyTheRangeOfThatSku() {
		var found = select(new IncidentSelection(IncidentSelection.Kind.SKU, "SKU-3", T0.minus(Duration.ofDays(30)),
				T0.plusSeconds(1), List.of()), "sku_placed");
		assertThat(found.orderCount()).isEqualTo(3);
	}

	@Test
	void daysAloneAreReadFromThePlacedIndex() {
		var found = select(new IncidentSelection(IncidentSelection.Kind.PLACED, "", T0.minus(Duration.ofDays(9)),
				T0.plusSeconds(1), List.of()), "placed");
		assertThat(found.orderCount()).isEqualTo(10);
		assertThat(found.byOrganisation()).hasSize(10);
	}

	@Test
	void numbersAreReadFromTheOrderNumberIndex() {
		var found = select(new IncidentSelection(IncidentSelection.Kind.ORDER_NUMBERS, "", null, null,
				List.of("N-1", "N-2", "N-999")), "order_number");
		assertThat(found.orderCount()).isEqualTo(2);
		assertThat(found.unmatched()).containsExactly("N-999");
	}

	@Test
	void theFanOutReadsOnlyTheOrganisationsStillToBeMailed() {
		mongo.insert(new IncidentRecipient("n:org-1", "n", "org-1", 1, List.of("N-1"), null, "c", "a", T0,
				List.of(new IncidentRecipient.Pending("incident:n", T0)), List.of(), List.of()));
		mongo.insert(new IncidentRecipient("n:org-2", "n", "org-2", 1, List.of("N-2"), null, "c", "a", T0, List.of(),
				List.of(), List.of()));

		List<Plan> sent = plans.explain(mongo, "incident_recipients",
				() -> assertThat(new IncidentRecipients(mongo).pending(100)).hasSize(1));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("notify_pending"));
	}
}
