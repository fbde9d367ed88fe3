package com.rapport.ordertracking.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the service relies on from its store; run against the embedded server and a real MongoDB. */
abstract class OrderRepositoryContract {

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void empty() {
		orders.deleteAll();
	}

	@Test
	void anOrderNumberIsUniquePerOrganisationOnly() {
		orders.insert(Orders.stored("acme-retail", "PO-1", Orders.T0));
		orders.insert(Orders.stored("globex-trading", "PO-1", Orders.T0));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> orders.insert(Orders.stored("acme-retail", "PO-1", Orders.T0)));
		assertThat(orders.count()).isEqualTo(2);
	}

	@Test
	void anOrganisationsOrdersComeNewestFirstAndOnlyItsOwn() {
		orders.insert(Orders.stored("acme-retail", "OLD", Orders.T0));
		orders.insert(Orders.stored("acme-retail", "NEW", Orders.T0.plus(Duration.ofDays(2))));
		orders.insert(Orders.stored("acme-retail", "MID", Orders.T0.plus(Duration.ofDays(1))));
		orders.insert(Orders.stored("globex-trading", "OTHER", Orders.T0.plus(Duration.ofDays(5))));
		var page = orders.findByCustomerIdOrderByPlacedAtDesc("acme-retail", PageRequest.of(0, 2));
		assertThat(page.getContent()).extracting(Order::orderNumber).containsExactly("NEW", "MID");
		assertThat(page.getTotalElements()).isEqualTo(3);
	}

	@Test
	void moneyAndMilestonesSurviveTheRoundTrip() {
		Order saved = orders.insert(new Order(null, "acme-retail", "PO-9", Orders.T0, null,
				new Money("CNY", 120050), java.util.List.of(), Orders.newOrder("acme-retail", "x").milestones(),
				"partner-test", "key-1", null, null));
		Order read = orders.findBySubmittedByAndIdempotencyKey("partner-test", "key-1").orElseThrow();
		assertThat(read.id()).isEqualTo(saved.id());
		assertThat(read.total().amount()).isEqualByComparingTo("1200.50");
		assertThat(read.status()).isEqualTo(MilestoneCode.CONFIRMED);
		assertThat(read.createdAt()).isNotNull();
	}

	@Test
	void anOrganisationsUndeliveredOrdersAndThoseDeliveredInTheWindowAreFoundWithoutTheirLines() {
		Instant from = Orders.T0;
		Instant before = Orders.T0.plus(Duration.ofDays(10));
		orders.insert(Orders.stored("acme-retail", "OPEN", Orders.T0.minus(Duration.ofDays(400))));
		orders.insert(delivered("acme-retail", "IN-WINDOW", from));
		orders.insert(delivered("acme-retail", "BEFORE-WINDOW", from.minusSeconds(1)));
		orders.insert(delivered("acme-retail", "AFTER-WINDOW", before));
		orders.insert(Orders.stored("globex-trading", "OTHER-OPEN", Orders.T0));

		List<Order> found = orders.findUndeliveredOrDeliveredBetween("acme-retail", from, before);

		assertThat(found).extracting(Order::orderNumber).containsExactlyInAnyOrder("OPEN", "IN-WINDOW");
		assertThat(found).allSatisfy(order -> assertThat(order.lines()).isEmpty());
		assertThat(found).filteredOn(order -> order.orderNumber().equals("IN-WINDOW")).singleElement()
			.satisfies(order -> assertThat(order.deliveredAt()).isEqualTo(from));
	}

	@Test
	void theDeliveryIsStoredWithTheOrderAndAnOrderStoredWithoutItIsStillFoundAndJudgedByItsMilestones() {
		orders.insert(delivered("acme-retail", "NEW", Orders.T0));
		assertThat(mongo.getCollection("orders").find(new Document("orderNumber", "NEW")).first())
			.extractingByKey("deliveredAt").isNotNull();
		// As written before deliveredAt existed.
		Document old = new Document();
		mongo.getConverter().write(delivered("acme-retail", "OLD", Orders.T0), old);
		old.remove("deliveredAt");
		mongo.getCollection("orders").insertOne(old);

		List<Order> found = orders.findUndeliveredOrDeliveredBetween("acme-retail", Orders.T0.plus(Duration.ofDays(1)),
				Orders.T0.plus(Duration.ofDays(2)));

		assertThat(found).singleElement().satisfies(order -> {
			assertThat(order.orderNumber()).isEqualTo("OLD");
			assertThat(order.deliveredAt()).isEqualTo(Orders.T0);
		});
	}

	@Test
	void anOrderWhoseMilestonesWereStoredBeforeStepsWereFlaggedReadsAsNotGoneBackwards() {
		Document old = new Document();
		mongo.getConverter().write(delivered("acme-retail", "OLD", Orders.T0), old);
		old.getList("milestones", Document.class).forEach(milestone -> milestone.remove("backwards"));
		mongo.getCollection("orders").insertOne(old);

		assertThat(orders.findByCustomerIdOrderByPlacedAtDesc("acme-retail", PageRequest.of(0, 5)))
			.singleElement()
			.satisfies(order -> assertThat(order.milestones()).hasSize(2).noneMatch(Milestone::backwards));
	}

	@Test
	void ordersStoredBeforeTheirStatusWasKeptGetItOnceAndAreThenFoundByIt() {
		Document old = new Document();
		mongo.getConverter().write(delivered("acme-retail", "OLD-DELIVERED", Orders.T0), old);
		old.remove("status");
		mongo.getCollection("orders").insertOne(old);
		Order current = orders.save(Orders.stored("acme-retail", "NEW-PLACED", Orders.T0));
		OrderStatusBackfill backfill = new OrderStatusBackfill(mongo, java.time.Clock.systemUTC());

		assertThat(backfill.backfill()).isEqualTo(1);
		assertThat(backfill.backfill()).as("a second pass has nothing to do").isZero();

		Document stored = mongo.getCollection("orders").find(new Document("orderNumber", "OLD-DELIVERED")).first();
		assertThat(stored.getString("status")).isEqualTo("DELIVERED");
		assertThat(stored.get("version")).as("nothing a person sees changed").isEqualTo(old.get("version"));
		assertThat(orders.findById(current.id()).orElseThrow().status()).isEqualTo(MilestoneCode.PLACED);
	}

	private static Order delivered(String customerId, String number, Instant deliveredAt) {
		Order placed = Orders.stored(customerId, number, deliveredAt.minus(Duration.ofDays(3)));
		return new Order(null, customerId, number, placed.placedAt(), null, null,
				List.of(new OrderLine("CHAIR", "Chair", 3)),
				List.of(placed.milestones().get(0), new Milestone(MilestoneCode.DELIVERED, deliveredAt, null)),
				"partner-test", null, null, null);
	}
}
