package com.rapport.ordertracking.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.QueryPlans.Plan;
import com.rapport.support.timeline.OutboxRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads behind the order pages, the partner API, the delivery figures and the relay are answered from an
 * index: each test runs the query as the service sends it and has the store explain every read. Three
 * organisations with twenty orders each, most delivered and told already, so that a scan of the collection or of
 * the wrong index would show.
 */
abstract class OrderQueryPlanContract {

	static final String ORDERS = "orders";

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@BeforeEach
	void threeOrganisationsWithTwentyOrdersEach() {
		orders.deleteAll();
		List<Order> stored = new ArrayList<>();
		for (String customer : List.of("acme-retail", "globex-trading", "initech")) {
			for (int i = 0; i < 20; i++) {
				Instant placed = Orders.T0.minus(Duration.ofDays(3L * i));
				Order order = new Order(null, customer, "PO-" + i, placed, null, null,
						List.of(new OrderLine("SKU-" + i % 4, "item", 1)),
						List.of(new Milestone(MilestoneCode.PLACED, placed, null),
								new Milestone(MilestoneCode.DELIVERED, placed.plus(Duration.ofDays(2)), null)),
						"partner-demo", customer + "-key-" + i, null, null);
				// The newest order of each organisation has not been told to the timeline yet.
				stored.add(i == 0 ? order.withEventsOfPlacement() : order);
			}
		}
		orders.insert(stored);
	}

	@Test
	void anOrganisationsNewestOrdersAndTheirCountAreReadFromItsIndexInOrder() {
		List<Plan> sent = plans.explain(mongo, ORDERS,
				() -> orders.findByCustomerIdOrderByPlacedAtDesc("acme-retail", PageRequest.of(1, 5)));

		assertThat(sent).hasSize(2);
		sent.get(0).assertScansOnly("customer_placed").assertSortsByIndex();
		sent.get(1).assertScansIndexLedBy("customerId");
	}

	@Test
	void everyonesNewestOrdersAreReadFromThePlacedIndexInOrder() {
		List<Plan> sent = plans.explain(mongo, ORDERS,
				() -> orders.findAllByOrderByPlacedAtDesc(PageRequest.of(1, 5)));

		// The page's total is a count of the whole collection, which no index narrows.
		assertThat(sent).filteredOn(plan -> plan.is("find")).singleElement()
			.satisfies(plan -> plan.assertScansOnly("placed").assertSortsByIndex());
	}

	@Test
	void thePortalsSearchByStatusReadsTheOrganisationsOrdersAtThatStatusInOrder() {
		List<Plan> sent = plans.explain(mongo, ORDERS, () -> assertThat(search().search(customer(), "",
				new OrderSearch.Filter("", "", MilestoneCode.DELIVERED), 1, 5)).hasSize(5));

		assertThat(sent).singleElement()
			.satisfies(plan -> plan.assertScansOnly("customer_status_placed").assertSortsByIndex());
	}

	/**
	 * Acme's 150 older orders of another SKU and number: reading all its orders in placed order would cost more
	 * than reading the matches and sorting them, so a scan of the organisation would show. (With a few dozen orders
	 * the store reads the organisation's newest in order, which is cheaper there.)
	 */
	private void aBusyOrganisation() {
		List<Order> bulk = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			Instant placed = Orders.T0.minus(Duration.ofDays(100 + i));
			bulk.add(new Order(null, "acme-retail", "BULK-" + i, placed, null, null,
					List.of(new OrderLine("SKU-BULK", "item", 1)), List.of(new Milestone(MilestoneCode.PLACED, placed, null)),
					"partner-demo", null, null, null));
		}
		orders.insert(bulk);
	}

	@Test
	void thePortalsSearchBySkuReadsTheOrganisationsOrdersWithThatSku() {
		aBusyOrganisation();
		List<Plan> sent = plans.explain(mongo, ORDERS, () -> assertThat(search().search(customer(), "",
				new OrderSearch.Filter("", "SKU-1", null), 0, 3)).extracting(Order::orderNumber)
			.containsExactly("PO-1", "PO-5", "PO-9"));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("customer_sku_placed"));
	}

	@Test
	void thePortalsSearchByTheStartOfANumberReadsOnlyTheNumbersThatStartSo() {
		aBusyOrganisation();
		List<Plan> sent = plans.explain(mongo, ORDERS, () -> assertThat(search().search(customer(), "",
				new OrderSearch.Filter("PO-1", "", null), 0, 25)).extracting(Order::orderNumber)
			.containsExactlyInAnyOrder("PO-1", "PO-10", "PO-11", "PO-12", "PO-13", "PO-14", "PO-15", "PO-16", "PO-17",
					"PO-18", "PO-19"));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("customer_order_number"));
	}

	private OrderSearch search() {
		return new OrderSearch(mongo);
	}

	private static com.rapport.support.security.Caller customer() {
		return com.rapport.support.security.Caller.from(new com.rapport.support.security.KeycloakJwtAuthenticationConverter()
			.convert(com.rapport.support.test.TestTokens.decoder()
				.decode(com.rapport.support.test.TestTokens.customer("acme-retail"))));
	}

	@Test
	void aPartnersRepeatedRequestFindsItsOrderByTheIdempotencyIndex() {
		List<Plan> sent = plans.explain(mongo, ORDERS,
				() -> orders.findBySubmittedByAndIdempotencyKey("partner-demo", "initech-key-7"));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("submitter_idempotency"));
	}

	@Test
	void theDeliveryFiguresReadOnlyTheOrganisationsOrders() {
		List<Plan> sent = plans.explain(mongo, ORDERS, () -> orders.findUndeliveredOrDeliveredBetween("globex-trading",
				Orders.T0.minus(Duration.ofDays(10)), Orders.T0));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansIndexLedBy("customerId"));
	}

	@Test
	void aRelayRoundReadsOnlyTheOrdersWithPendingEvents() {
		OutboxRelay<Order, OrderEvent> relay = new OutboxRelay<>(mongo, entry -> {
		}, new OrderOutbox());

		List<Plan> sent = plans.explain(mongo, ORDERS, () -> assertThat(relay.relayPending()).isEqualTo(6));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("outbox_pending"));
	}
}
