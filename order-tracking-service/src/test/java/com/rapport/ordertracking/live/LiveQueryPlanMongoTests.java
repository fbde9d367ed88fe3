package com.rapport.ordertracking.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.QueryPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live feed's reads are answered from an index on the embedded store {@code ./platform up} uses: many orders
 * with nothing waiting and many events of three organisations, so that a scan would show.
 */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, QueryPlans.class, FixedClock.class, OrderNotices.class,
		com.rapport.ordertracking.order.UnsyncedOrderUpdates.class, LiveEvents.class,
		LiveFeed.class, LiveQueryPlanMongoTests.Settings.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class LiveQueryPlanMongoTests {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LiveProperties.class)
	static class Settings {
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@Autowired
	LiveFeed feed;

	@Autowired
	LiveEvents events;

	@BeforeEach
	void manyOrdersAndEvents() {
		mongo.remove(new Query(), Order.class);
		mongo.remove(new Query(), LiveEvent.class);
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Instant placed = FixedClock.NOW.minus(Duration.ofDays(i));
			Order order = new Order("o-" + i, "acme-retail", "PO-" + i, placed, null, null, List.of(),
					List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null);
			orders.add(i == 0 ? order.withEventsOfPlacement() : order);
		}
		mongo.insertAll(orders);
		List<LiveEvent> feedEvents = new ArrayList<>();
		String[] customers = { "acme-retail", "globex-trading", "initech-logistics" };
		for (int p = 1; p <= 300; p++) {
			feedEvents.add(new LiveEvent("e-" + p, p, customers[p % 3], "o-1", "PO-1", "MILESTONE_REACHED",
					FixedClock.NOW, FixedClock.NOW.minus(Duration.ofSeconds(300 - p)), Map.of("code", "SHIPPED")));
		}
		mongo.insertAll(feedEvents);
	}

	@Test
	void aMoveReadsOnlyTheOrdersWithChangesWaiting() {
		List<QueryPlans.Plan> read = plans.explain(mongo, "orders", () -> assertThat(feed.moveWaiting()).isEqualTo(1));
		assertThat(read).singleElement().satisfies(plan -> plan.assertScansOnly("live_pending"));
	}

	@Test
	void aResumeReadsItsOrganisationsEventsAfterItsPositionInIndexOrder() {
		List<QueryPlans.Plan> read = plans.explain(mongo, "live_events",
				() -> assertThat(events.after("globex-trading", 250, 10)).extracting(LiveEvent::position)
					.containsExactly(253L, 256L, 259L, 262L, 265L, 268L, 271L, 274L, 277L, 280L));
		assertThat(read).singleElement().satisfies(plan -> plan.assertScansOnly("customer_position").assertSortsByIndex());
	}

	@Test
	void eachPollReadsEveryonesNewEventsFromThePositionIndex() {
		List<QueryPlans.Plan> read = plans.explain(mongo, "live_events",
				() -> assertThat(events.after(295, 500)).hasSize(5));
		assertThat(read).singleElement().satisfies(plan -> plan.assertScansOnly("position").assertSortsByIndex());
		List<QueryPlans.Plan> newest = plans.explain(mongo, "live_events",
				() -> assertThat(events.newestPosition()).isEqualTo(300));
		assertThat(newest).singleElement().satisfies(plan -> plan.assertScansOnly("position").assertSortsByIndex());
	}

	@Test
	void aPagesFirstConnectionReadsWhatWasRecordedSinceByTheTimeIndex() {
		List<QueryPlans.Plan> read = plans.explain(mongo, "live_events",
				() -> assertThat(events.since("acme-retail", FixedClock.NOW.minusSeconds(10), 501)).hasSize(4));
		assertThat(read).singleElement().satisfies(plan -> plan.assertScansOnly("customer_recorded"));
	}
}
