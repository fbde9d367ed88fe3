package com.rapport.ordertracking.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Delay;
import com.rapport.ordertracking.order.DelayReport;
import com.rapport.ordertracking.order.Money;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderRepository;

import org.springframework.boot.ApplicationArguments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Orders for the demo organisations (ids as in customer-service's demo data), dated relative to today so
 * the first look shows orders in flight, and with the histories that make each tier and lifecycle stage
 * (customer-service computes them from the orders placed; see its README) and delivery figures with a late
 * delivery and a late order, at risk with the reason and the remedy told to Acme; the demo contacts' notification
 * settings and inboxes ({@link DemoNotifications}). Loaded only into an empty store.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrderRepository orders;

	private final OrderProgressService progress;

	private final Clock clock;

	private final MongoTemplate mongo;

	DemoData(OrderRepository orders, OrderProgressService progress, MongoTemplate mongo, Clock clock) {
		this.orders = orders;
		this.mongo = mongo;
		this.progress = progress;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (orders.count() > 0) {
			return;
		}
		Instant now = clock.instant();
		List<Order> demo = new ArrayList<>();
		// Acme Retail: a VIP, loyal customer. Sixteen orders in twelve months, about CNY 1.3 M, the latest
		// three days ago; the oldest twelve delivered on time.
		int[] acmeDaysAgo = { 340, 310, 280, 250, 220, 190, 160, 130, 100, 70, 45, 20 };
		for (int i = 0; i < acmeDaysAgo.length; i++) {
			demo.add(order("acme-retail", "ACME-" + (1001 + i), now.minus(Duration.ofDays(acmeDaysAgo[i])), 12, "CNY",
					"86400.00", List.of(new OrderLine("CHAIR-ERG-01", "Ergonomic office chair", 120)), DELIVERED));
		}
		demo.add(order("acme-retail", "ACME-1013", now.minus(Duration.ofDays(6)), 14, "CNY", "23800.50",
				List.of(new OrderLine("DESK-STD-140", "Standing desk 140 cm", 35)), MilestoneCode.PLACED,
				MilestoneCode.CONFIRMED, MilestoneCode.IN_PRODUCTION));
		demo.add(order("acme-retail", "ACME-1014", now.minus(Duration.ofDays(3)), 21, "CNY", "128000.00",
				List.of(new OrderLine("SHELF-WH-200", "Warehouse shelving 2 m", 80)), MilestoneCode.PLACED,
				MilestoneCode.CONFIRMED));
		// Two of Acme's orders went wrong, so that its delivery figures show a late delivery and a late order
		// in progress. Older than the rest of its recent history, they change neither its tier nor its stage.
		Instant customsHeld = now.minus(Duration.ofDays(115));
		demo.add(order("acme-retail", "ACME-1015", customsHeld, 14, "CNY", "45600.00",
				List.of(new OrderLine("CHAIR-ERG-01", "Ergonomic office chair", 60)),
				List.of(milestone(MilestoneCode.PLACED, customsHeld, 0, null),
						milestone(MilestoneCode.CONFIRMED, customsHeld, 1, null),
						milestone(MilestoneCode.IN_PRODUCTION, customsHeld, 2, null),
						milestone(MilestoneCode.QUALITY_CHECK, customsHeld, 10, null),
						milestone(MilestoneCode.PACKED, customsHeld, 11, null),
						milestone(MilestoneCode.SHIPPED, customsHeld, 12, null),
						milestone(MilestoneCode.EXCEPTION, customsHeld, 14, "Held at customs for inspection"),
						milestone(MilestoneCode.DELIVERED, customsHeld, 17, null))));
		Instant reworked = now.minus(Duration.ofDays(40));
		demo.add(order("acme-retail", "ACME-1016", reworked, 30, "CNY", "62000.00",
				List.of(new OrderLine("DESK-STD-140", "Standing desk 140 cm", 90)),
				List.of(milestone(MilestoneCode.PLACED, reworked, 0, null),
						milestone(MilestoneCode.CONFIRMED, reworked, 1, null),
						milestone(MilestoneCode.IN_PRODUCTION, reworked, 3, null),
						milestone(MilestoneCode.QUALITY_CHECK, reworked, 24, null),
						milestone(MilestoneCode.EXCEPTION, reworked, 25,
								"Coating defects found at quality check; the batch is being refinished"))));
		// Globex Trading: a key account buying again and again, about SGD 60,000 in four orders.
		int[] globexDaysAgo = { 200, 120, 60 };
		for (int i = 0; i < globexDaysAgo.length; i++) {
			demo.add(order("globex-trading", "GLX-" + (6998 + i), now.minus(Duration.ofDays(globexDaysAgo[i])), 16,
					"SGD", "15000.00", List.of(new OrderLine("LAMP-LED-02", "LED desk lamp", 390)), DELIVERED));
		}
		demo.add(order("globex-trading", "GLX-7001", now.minus(Duration.ofDays(9)), 16, "SGD", "15400.00",
				List.of(new OrderLine("LAMP-LED-02", "LED desk lamp", 400)), MilestoneCode.PLACED,
				MilestoneCode.CONFIRMED, MilestoneCode.PACKED, MilestoneCode.SHIPPED));
		// Initech Logistics: its first purchase, two days ago.
		demo.add(order("initech-logistics", "INI-3001", now.minus(Duration.ofDays(2)), 21, "EUR", "4100.00",
				List.of(new OrderLine("CAB-STEEL-3", "Steel cabinet, 3 drawers", 20)), MilestoneCode.PLACED));
		// Stark Components: used to buy, silent for four months (dormant).
		int[] starkDaysAgo = { 320, 260, 200, 150, 120 };
		for (int i = 0; i < starkDaysAgo.length; i++) {
			demo.add(order("stark-components", "STK-" + (501 + i), now.minus(Duration.ofDays(starkDaysAgo[i])), 14,
					"CNY", "30000.00", List.of(new OrderLine("HINGE-ST-7", "Steel hinge", 2000)), DELIVERED));
		}
		// Wayne Hardware: nothing for more than a year (churned).
		int[] wayneDaysAgo = { 600, 480, 400 };
		for (int i = 0; i < wayneDaysAgo.length; i++) {
			demo.add(order("wayne-hardware", "WAY-" + (201 + i), now.minus(Duration.ofDays(wayneDaysAgo[i])), 30, "USD",
					"8000.00", List.of(new OrderLine("TOOLBOX-PRO", "Professional toolbox", 100)), DELIVERED));
		}
		// Umbrella Supplies has no order yet: a prospect.
		orders.saveAll(demo);
		// ACME-1016 is at risk, and the account manager has told Acme why and what they offer: the refinished
		// desks follow in a partial shipment, the rest by a new date (Acme's contacts get the mail).
		Order reworkedOrder = demo.stream().filter(o -> o.orderNumber().equals("ACME-1016")).findFirst().orElseThrow();
		progress.reportDelay("demo", reworkedOrder.id(), new DelayReport(
				"Coating defects found at quality check; the batch is being refinished", Delay.Remedy.PARTIAL_SHIPMENT,
				"60 desks that passed inspection ship now, the other 30 after refinishing",
				LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7)));
		DemoNotifications.load(mongo, demo, now);
		DemoInvoices.load(mongo, now, java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
		log.info("Loaded {} demo orders into the empty store", demo.size());
	}

	private static final MilestoneCode[] DELIVERED = { MilestoneCode.PLACED, MilestoneCode.CONFIRMED,
			MilestoneCode.IN_PRODUCTION, MilestoneCode.QUALITY_CHECK, MilestoneCode.PACKED, MilestoneCode.SHIPPED,
			MilestoneCode.DELIVERED };

	/** An order whose milestones came one every 20 hours. */
	private static Order order(String customerId, String number, Instant placedAt, int promisedInDays,
			String currency, String amount, List<OrderLine> lines, MilestoneCode... reached) {
		List<Milestone> milestones = new ArrayList<>();
		for (int i = 0; i < reached.length; i++) {
			milestones.add(new Milestone(reached[i], placedAt.plus(Duration.ofHours(20L * i)), null));
		}
		return order(customerId, number, placedAt, promisedInDays, currency, amount, lines, milestones);
	}

	private static Milestone milestone(MilestoneCode code, Instant placedAt, int daysAfter, String note) {
		return new Milestone(code, placedAt.plus(Duration.ofDays(daysAfter)), note);
	}

	private static Order order(String customerId, String number, Instant placedAt, int promisedInDays,
			String currency, String amount, List<OrderLine> lines, List<Milestone> milestones) {
		LocalDate promised = placedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(promisedInDays);
		return new Order(java.util.UUID.randomUUID().toString(), customerId, number, placedAt, promised,
				Money.of(Currency.getInstance(currency), new BigDecimal(amount)), lines, milestones, "demo", null,
				null, null).withEventsOfPlacement();
	}
}
