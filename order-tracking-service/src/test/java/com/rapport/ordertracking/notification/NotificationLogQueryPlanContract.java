package com.rapport.ordertracking.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.sms.SmsMessage;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's notification log of an order reads each kind (emails, SMS, inbox items) from its index
 * {@code order_log}, in order: thirty orders with their emails, SMS and inbox items, so that a scan would show.
 */
abstract class NotificationLogQueryPlanContract {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@Autowired
	NotificationLog log;

	@BeforeEach
	void thirtyOrdersWithTheirNotifications() {
		for (Class<?> type : List.of(Order.class, Notification.class, SmsMessage.class, InboxItem.class)) {
			mongo.remove(new Query(), type);
		}
		for (int i = 0; i < 30; i++) {
			Instant placed = FixedClock.NOW.minus(Duration.ofDays(i));
			String order = "o-" + i;
			mongo.insert(new Order(order, "acme-retail", "PO-" + i, placed, null, null, List.of(),
					List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null));
			for (int c = 0; c < 3; c++) {
				Instant at = placed.plusSeconds(c);
				mongo.insert(new Notification(order + "|c" + c + "@acme.example", order, "acme-retail", "PO-" + i,
						"e-" + i, "MILESTONE_REACHED", at, Map.of(), "c" + c, "Contact " + c, "c" + c + "@acme.example",
						"en", "Asia/Shanghai", Notification.State.SENT, 1, null, null, null, "Order PO-" + i, at, at));
				mongo.insert(new SmsMessage(order + "|+86215555010" + c, order, "acme-retail", "PO-" + i, "e-" + i,
						"MILESTONE_REACHED", "c" + c, "+86215555010" + c, "en", "Rapport: order PO-" + i,
						SmsMessage.State.SENT, 1, null, null, null, at, at, "Contact " + c));
				mongo.insert(new InboxItem(InboxItem.idOf("e-" + i, "c" + c), "acme-retail", "c" + c, order, "PO-" + i,
						"e-" + i, "MILESTONE_REACHED", NotificationTopic.PROGRESS, at, Map.of(), at, false, null));
			}
		}
	}

	@Test
	void anOrdersLogReadsItsEmailsSmsAndInboxItemsEachFromItsIndexInOrder() {
		List<QueryPlans.Plan> emails = plans.explain(mongo, "notifications",
				() -> assertThat(log.ofOrder(agent(), "o-7")).hasSize(9));
		assertThat(emails).singleElement().satisfies(plan -> plan.assertScansOnly("order_log").assertSortsByIndex());

		List<QueryPlans.Plan> sms = plans.explain(mongo, "sms_messages", () -> log.ofOrder(agent(), "o-7"));
		assertThat(sms).singleElement().satisfies(plan -> plan.assertScansOnly("order_log").assertSortsByIndex());

		List<QueryPlans.Plan> inbox = plans.explain(mongo, "inbox_items", () -> log.ofOrder(agent(), "o-7"));
		assertThat(inbox).singleElement().satisfies(plan -> plan.assertScansOnly("order_log").assertSortsByIndex());
	}

	private static Caller agent() {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(TestTokens.staff("agent"))));
	}
}
