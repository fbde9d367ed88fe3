package com.rapport.ordertracking.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.support.delivery.DeliveryLog;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Works the SMS delivery log as the mail sender works the notifications': claims a due message (one conditional
 * write: two replicas never hold one), posts it to the provider and notes the outcome while it still holds the
 * claim. Accepted: {@code SENT}, and "notification sent" (channel SMS) on the customer's timeline for an order's
 * change. The provider down: {@code RETRYING} after 30 s, 1 min, 2 min, ... at most 1 hour apart, {@code DEAD} after
 * {@code max-attempts}; refused for good: {@code FAILED}.
 */
@Component
public class SmsSender {

	private final DeliveryLog<SmsMessage> deliveries;

	private final SmsProvider provider;

	private final OrderNotices orders;

	private final Clock clock;

	SmsSender(MongoTemplate mongo, SmsProvider provider, OrderNotices orders, SmsProperties properties, Clock clock) {
		this.deliveries = new DeliveryLog<>(mongo, SmsMessage.class, new DeliveryLog.Retries(properties.maxAttempts(),
				properties.firstRetry(), properties.maxRetry(), properties.lease()), clock);
		this.provider = provider;
		this.orders = orders;
		this.clock = clock;
	}

	/** Sends due messages until none is left or {@code most} were tried; answers how many were sent. */
	public int sendDue(int most) {
		int sent = 0;
		for (int i = 0; i < most; i++) {
			SmsMessage claimed = deliveries.claim();
			if (claimed == null) {
				break;
			}
			sent += attempt(claimed) ? 1 : 0;
		}
		return sent;
	}

	private boolean attempt(SmsMessage message) {
		int attempts = message.attempts() + 1;
		try {
			provider.send(message);
		}
		catch (RuntimeException ex) {
			deliveries.failed(message.id(), attempts, ex);
			return false;
		}
		Instant sentAt = clock.instant();
		if (message.orderId() != null) {
			Map<String, String> facts = new LinkedHashMap<>();
			facts.put("order_number", message.orderNumber());
			facts.put("subject_kind", message.kind());
			facts.put("address", message.phone());
			facts.put("channel", "SMS");
			facts.put("notification_id", message.id());
			orders.notificationSent(message.orderId(), message.id(), sentAt, facts);
		}
		deliveries.sent(message.id(), attempts, new Update().set("sentAt", sentAt));
		return true;
	}
}
