package com.rapport.ordertracking.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.ordertracking.MongoAuditingConfiguration;
import com.rapport.ordertracking.draft.DraftHooks;
import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.draft.DraftStatus;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook rounds' and the console's reads are answered from an index on the embedded store that
 * {@code ./platform up} uses: each test runs the real component and has the store explain every read. Many orders
 * with nothing waiting, disabled subscriptions and other subscriptions' deliveries, so that a scan would show.
 */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, QueryPlans.class, FixedClock.class, OrderNotices.class,
		com.rapport.ordertracking.order.UnsyncedOrderUpdates.class, DraftHooks.class,
		WebhookFanOut.class, WebhookSubscriptions.class, WebhookDeliveries.class,
		WebhookQueryPlanMongoTests.Collaborators.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"spring.data.mongodb.auto-index-creation=true" })
class WebhookQueryPlanMongoTests {

	/** What the components need besides the store; nothing here is audited (only reads are explained). */
	@TestConfiguration(proxyBeanMethods = false)
	static class Collaborators {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}

		@Bean
		AuditTrail auditTrail() {
			return event -> {
				throw new AssertionError("these reads record nothing");
			};
		}
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@Autowired
	WebhookFanOut fanOut;

	@Autowired
	WebhookSubscriptions subscriptions;

	@Autowired
	WebhookDeliveries deliveries;

	@BeforeEach
	void manyOrdersSubscriptionsAndDeliveries() {
		mongo.remove(new Query(), Order.class);
		mongo.remove(new Query(), WebhookSubscription.class);
		mongo.remove(new Query(), WebhookDelivery.class);
		mongo.remove(new Query(), DraftOrder.class);
		for (int i = 0; i < 30; i++) {
			mongo.insert(new DraftOrder("RO-" + i, "acme-retail", "reorder:" + i, List.of(new OrderLine("SKU-" + i, "", 1)),
					"Alice Chen", DraftStatus.DRAFT, FixedClock.NOW.minus(Duration.ofHours(i)), null, null, null, null, null));
		}
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Instant placed = FixedClock.NOW.minus(Duration.ofDays(i));
			Order order = new Order("o-" + i, "acme-retail", "PO-" + i, placed, null, null, List.of(),
					List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null);
			orders.add(i == 0 ? order.withEventsOfPlacement() : order);
		}
		mongo.insertAll(orders);
		for (int i = 0; i < 12; i++) {
			Instant created = FixedClock.NOW.minus(Duration.ofHours(i));
			mongo.insert(new WebhookSubscription("s-" + i, "https://erp" + i + ".example/hooks", List.of("ORDER_PLACED"),
					"", "whsec_" + i, i == 0, null, null, null, null, "admin", created, "admin", created, null, null, null));
			for (int d = 0; d < 10; d++) {
				Instant queued = created.plus(Duration.ofMinutes(d));
				mongo.insert(new WebhookDelivery("s-" + i + ":e-" + d, "s-" + i, "e-" + d, "ORDER_PLACED", "o-1",
						"acme-retail", "PO-1", "{}", WebhookDelivery.State.SENT, 1, null, null, null, 204, queued, queued,
						List.of()));
			}
		}
	}

	@Test
	void aFanOutRoundReadsOnlyTheOrdersWithWaitingEventsAndTheEnabledSubscriptions() {
		List<QueryPlans.Plan> ofOrders = plans.explain(mongo, "orders",
				() -> assertThat(fanOut.queuePending()).isEqualTo(1));
		assertThat(ofOrders).singleElement().satisfies(plan -> plan.assertScansOnly("webhook_pending"));

		// Another event waiting, so that the next round reads the subscriptions again.
		mongo.insert(new Order("o-new", "acme-retail", "PO-NEW", FixedClock.NOW, null, null, List.of(), List.of(),
				"partner", null, null, null).withEventsOfPlacement());
		List<QueryPlans.Plan> ofSubscriptions = plans.explain(mongo, "webhook_subscriptions", fanOut::queuePending);
		assertThat(ofSubscriptions).singleElement().satisfies(plan -> plan.assertScansOnly("enabled"));
	}

	@Test
	void aFanOutRoundReadsOnlyTheDraftsWithAWaitingEvent() {
		List<QueryPlans.Plan> ofDrafts = plans.explain(mongo, "draft_orders", fanOut::queuePending);
		assertThat(ofDrafts).singleElement().satisfies(plan -> plan.assertScansOnly("webhook_pending"));
	}

	@Test
	void theConsolesListIsReadFromTheCreatedIndexInOrder() {
		List<QueryPlans.Plan> sent = plans.explain(mongo, "webhook_subscriptions", () -> subscriptions.list(admin()));
		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("created").assertSortsByIndex());
	}

	@Test
	void aSubscriptionsHistoryIsReadFromItsIndexNewestFirst() {
		List<QueryPlans.Plan> sent = plans.explain(mongo, "webhook_deliveries",
				() -> assertThat(deliveries.ofSubscription(admin(), "s-3", 1, 4).deliveries()).hasSize(4));
		assertThat(sent).singleElement()
			.satisfies(plan -> plan.assertScansOnly("subscription_log").assertSortsByIndex());
	}

	private static Caller admin() {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(TestTokens.staff("admin"))));
	}
}
