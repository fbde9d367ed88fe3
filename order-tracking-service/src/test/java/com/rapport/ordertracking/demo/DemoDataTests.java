package com.rapport.ordertracking.demo;

import com.rapport.ordertracking.notification.InboxItem;
import com.rapport.ordertracking.notification.NotificationPreferences;
import com.rapport.ordertracking.notification.NotificationTopic;
import com.rapport.ordertracking.notification.QuietHours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.ordertracking.order.DeliveryPerformance;
import com.rapport.ordertracking.order.DeliveryPerformanceProperties;
import com.rapport.ordertracking.order.DeliveryPerformanceService;
import com.rapport.ordertracking.order.Delay;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderProgressProperties;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderWrites;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo orders show: each organisation's order history (its tier and stage) and its delivery figures. */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, com.rapport.ordertracking.order.OrderWrites.class,
		com.rapport.ordertracking.order.OrderChangeSignal.class, com.rapport.ordertracking.order.UnsyncedOrderUpdates.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class DemoDataTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web",
			"");

	@Autowired
	OrderRepository orders;

	@Autowired
	OrderWrites writes;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	DeliveryPerformanceService deliveries;

	@BeforeEach
	void loadTheDemo() {
		orders.deleteAll();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), InboxItem.class);
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), NotificationPreferences.class);
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(),
				com.rapport.ordertracking.receivables.Invoice.class);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		OrderProgressService progress = new OrderProgressService(orders, writes, null, clock,
				new OrderProgressProperties(null, null, null), new DeliveryPerformanceProperties(null));
		new DemoData(orders, progress, mongo, clock).run(null);
		deliveries = new DeliveryPerformanceService(orders, clock, new DeliveryPerformanceProperties(null));
	}

	private DeliveryPerformance figuresOf(String organisation) {
		return deliveries.of(AGENT, organisation, null, null);
	}

	@Test
	void eachOrganisationKeepsTheOrderHistoryItsTierAndStageComeFrom() {
		// customer-service's rules (its README, "Tier and lifecycle"): orders in the last 365 days and days since
		// the latest make VIP and loyal, key and repeat, normal and first purchase, dormant, churned.
		assertThat(history("acme-retail")).isEqualTo(new History(16, 3));
		assertThat(history("globex-trading")).isEqualTo(new History(4, 9));
		assertThat(history("initech-logistics")).isEqualTo(new History(1, 2));
		assertThat(history("stark-components")).isEqualTo(new History(5, 120));
		assertThat(history("wayne-hardware")).isEqualTo(new History(0, 400));
		assertThat(orders.findAll()).noneMatch(order -> order.customerId().equals("umbrella-supplies"));
	}

	@Test
	void acmeRetailHasALateDeliveryAndALateOrderInProgress() {
		DeliveryPerformance acme = figuresOf("acme-retail");

		assertThat(acme.delivered()).isEqualTo(13);
		assertThat(acme.deliveredOnTime()).isEqualTo(12);
		assertThat(acme.onTimeRateBasisPoints()).hasValue(9_230);
		assertThat(acme.inProgress()).isEqualTo(3);
		assertThat(acme.inProgressLate()).isEqualTo(1);
		assertThat(acme.lateOrders()).singleElement().satisfies(late -> {
			assertThat(late.orderNumber()).isEqualTo("ACME-1016");
			assertThat(late.status()).isEqualTo(MilestoneCode.EXCEPTION);
			assertThat(late.daysLate()).isEqualTo(10);
		});
	}

	@Test
	void acmesLateOrderIsAtRiskWithTheReasonAndRemedyToldToItsContacts() {
		Order late = orders.findByCustomerIdAndOrderNumber("acme-retail", "ACME-1016").orElseThrow();
		assertThat(late.atRisk()).isTrue();
		assertThat(late.delay().remedy()).isEqualTo(Delay.Remedy.PARTIAL_SHIPMENT);
		assertThat(late.delay().reason()).contains("Coating defects");
		assertThat(late.eta()).isEqualTo(java.time.LocalDate.parse("2026-12-07"));
		assertThat(late.notices()).extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.ORDER_DELAYED);
		assertThat(orders.findAll()).filteredOn(Order::atRisk).hasSize(1);
	}

	@Test
	void theOtherOrganisationsShowOnTimeDeliveriesOrNoFigureAtAll() {
		assertThat(figuresOf("globex-trading").onTimeRateBasisPoints()).hasValue(10_000);
		assertThat(figuresOf("globex-trading").inProgress()).isEqualTo(1);
		assertThat(figuresOf("stark-components").onTimeRateBasisPoints()).hasValue(10_000);
		// Its last delivery was more than a year ago, and Initech's first order is on its way.
		assertThat(figuresOf("wayne-hardware").onTimeRateBasisPoints()).isEmpty();
		assertThat(figuresOf("initech-logistics").onTimeRateBasisPoints()).isEmpty();
		assertThat(figuresOf("umbrella-supplies").inProgress()).isZero();
	}

	record History(long ordersInTheYear, long daysSinceTheLatest) {
	}

	private History history(String organisation) {
		List<Order> theirs = orders.findAll().stream().filter(order -> order.customerId().equals(organisation)).toList();
		Instant yearAgo = NOW.minus(Duration.ofDays(365));
		Instant latest = theirs.stream().map(Order::placedAt).max(Comparator.naturalOrder()).orElseThrow();
		return new History(theirs.stream().filter(order -> !order.placedAt().isBefore(yearAgo)).count(),
				Duration.between(latest, NOW).toDays());
	}

	@Test
	void theDemoBuyersFindUnreadNewsInTheirInboxAndAliceHasHerOwnSettings() {
		List<InboxItem> items = mongo.findAll(InboxItem.class);
		assertThat(items).filteredOn(i -> i.contactId().equals(DemoNotifications.ALICE) && !i.read())
			.extracting(InboxItem::orderNumber).containsExactly("ACME-1016");
		assertThat(items).filteredOn(i -> i.contactId().equals(DemoNotifications.GAVIN) && !i.read())
			.extracting(i -> i.facts().get("code")).containsExactly("SHIPPED");
		assertThat(items).allSatisfy(i -> assertThat(orders.findById(i.orderId()).orElseThrow().orderNumber())
			.isEqualTo(i.orderNumber()));
		NotificationPreferences alice = mongo.findById("acme-retail|" + DemoNotifications.ALICE,
				NotificationPreferences.class);
		assertThat(alice.customised()).isTrue();
		assertThat(alice.wants(NotificationTopic.PROGRESS)).isFalse();
		assertThat(alice.wants(NotificationTopic.DELAYS)).isTrue();
		assertThat(alice.quietHours()).isEqualTo(new QuietHours("22:00", "07:30"));
	}

	@Test
	void acmeHasAnInvoiceDueSoonAndAnOverdueOnePromisedAndInitechAnOverdueOneToRemind() {
		var cadence = com.rapport.ordertracking.receivables.ReminderCadence.defaults();
		java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 30); // NOW in Shanghai
		var invoices = mongo.findAll(com.rapport.ordertracking.receivables.Invoice.class);
		assertThat(invoices).extracting(i -> i.invoiceNumber() + " " + cadence.stateOf(i, today) + " "
				+ cadence.dueStep(i, today).map(s -> s.tone().name()).orElse("-")).containsExactlyInAnyOrder(
						"INV-2026-1014 ACTIVE COURTEOUS", "INV-2026-1013 PAUSED_PROMISE -", "INV-2026-0907 ACTIVE FIRM");
		assertThat(invoices).allSatisfy(i -> assertThat(i.outbox()).extracting(e -> e.code())
			.contains("timeline.invoice.received"));
	}
}
