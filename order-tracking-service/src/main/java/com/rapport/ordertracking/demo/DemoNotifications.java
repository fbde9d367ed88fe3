package com.rapport.ordertracking.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.notification.InboxItem;
import com.rapport.ordertracking.notification.NotificationPreferences;
import com.rapport.ordertracking.notification.NotificationTopic;
import com.rapport.ordertracking.notification.QuietHours;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The demo contacts' notification settings and inboxes (contact ids as in customer-service's demo data): Alice Chen
 * (acme.buyer) chose everything but the production steps, no email (she prefers the portal) and quiet hours from
 * 22:00 to 07:30; Gavin Wu (globex.buyer) never chose, so the defaults hold. Their inboxes hold the earlier news of
 * their orders, some of it unread; the delay of ACME-1016 reaches Alice's inbox through the fan-out like any change.
 */
final class DemoNotifications {

	static final String ALICE = "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001";

	static final String GAVIN = "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b2001";

	private DemoNotifications() {
	}

	static void load(MongoTemplate mongo, List<Order> orders, Instant now) {
		mongo.save(new NotificationPreferences(NotificationPreferences.idOf("acme-retail", ALICE), "acme-retail", ALICE,
				List.of(NotificationTopic.SHIPPED, NotificationTopic.DELIVERED, NotificationTopic.DELAYS,
						NotificationTopic.CANCELLED, NotificationTopic.INCIDENTS),
				false, new QuietHours("22:00", "07:30"), now.minus(Duration.ofDays(30))));
		item(mongo, ALICE, find(orders, "ACME-1015"), MilestoneCode.EXCEPTION, true);
		item(mongo, ALICE, find(orders, "ACME-1015"), MilestoneCode.DELIVERED, true);
		item(mongo, ALICE, find(orders, "ACME-1016"), MilestoneCode.EXCEPTION, false);
		item(mongo, GAVIN, find(orders, "GLX-7000"), MilestoneCode.DELIVERED, true);
		item(mongo, GAVIN, find(orders, "GLX-7001"), MilestoneCode.PACKED, true);
		item(mongo, GAVIN, find(orders, "GLX-7001"), MilestoneCode.SHIPPED, false);
	}

	private static Order find(List<Order> orders, String number) {
		return orders.stream().filter(o -> o.orderNumber().equals(number)).findFirst().orElseThrow();
	}

	/** The order's milestone of {@code code} as it reached the contact's inbox, read or not. */
	private static void item(MongoTemplate mongo, String contactId, Order order, MilestoneCode code, boolean read) {
		Milestone milestone = order.milestones().stream().filter(m -> m.code() == code).findFirst().orElseThrow();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("order_number", order.orderNumber());
		facts.put("code", code.name());
		facts.put("occurred_at", milestone.occurredAt().toString());
		if (milestone.note() != null) {
			facts.put("note", milestone.note());
		}
		String eventId = "demo:" + order.id() + ":" + code.name();
		Instant arrived = milestone.occurredAt().plus(Duration.ofMinutes(3));
		mongo.save(new InboxItem(InboxItem.idOf(eventId, contactId), order.customerId(), contactId, order.id(),
				order.orderNumber(), eventId, "MILESTONE_REACHED", NotificationTopic.of("MILESTONE_REACHED", facts),
				milestone.occurredAt(), facts, arrived, read, read ? arrived.plus(Duration.ofHours(2)) : null));
	}
}
