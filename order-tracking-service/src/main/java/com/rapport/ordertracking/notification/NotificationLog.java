package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.ordertracking.sms.SmsMessage;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Staff's view of an order's notifications (emails, SMS and portal inbox items), and a failed or dead one sent again. */
@Service
public class NotificationLog {

	static final int MAX = 500;

	private final MongoTemplate mongo;

	private final OrderRepository orders;

	private final Clock clock;

	NotificationLog(MongoTemplate mongo, OrderRepository orders, Clock clock) {
		this.mongo = mongo;
		this.orders = orders;
		this.clock = clock;
	}

	/**
	 * The order's notifications, emails, SMS and inbox items together, oldest first (at most {@value #MAX}), each
	 * kind read by its index {@code order_log}. An inbox item's contact is named as last known of the organisation's
	 * contacts (one read by id), or by the email or SMS of the same contact in the log.
	 */
	public List<LoggedMessage> ofOrder(Caller caller, String orderId) {
		requireStaff(caller);
		Order order = orders.findById(orderId).orElse(null);
		if (order == null) {
			throw new NotFoundException(Message.of("orders.not-found", orderId));
		}
		Query ofOrder = Query.query(Criteria.where("orderId").is(orderId)).with(Sort.by("createdAt")).limit(MAX);
		List<LoggedMessage> log = new ArrayList<>();
		mongo.find(ofOrder, Notification.class).forEach(n -> log.add(LoggedMessage.of(n)));
		mongo.find(ofOrder, SmsMessage.class).forEach(m -> log.add(LoggedMessage.of(m)));
		List<InboxItem> inbox = mongo.find(ofOrder, InboxItem.class);
		if (!inbox.isEmpty()) {
			Map<String, NotificationContact> known = new HashMap<>();
			KnownContacts contacts = mongo.findById(order.customerId(), KnownContacts.class);
			if (contacts != null) {
				contacts.contacts().forEach(c -> known.put(c.id(), c));
			}
			Map<String, String> named = new HashMap<>();
			log.forEach(m -> {
				if (m.contactId() != null && m.contactName() != null) {
					named.putIfAbsent(m.contactId(), m.contactName());
				}
			});
			for (InboxItem item : inbox) {
				NotificationContact contact = known.get(item.contactId());
				String name = contact != null ? contact.name() : named.get(item.contactId());
				log.add(LoggedMessage.of(item, name, contact == null ? null : contact.language()));
			}
		}
		log.sort(Comparator.comparing(LoggedMessage::createdAt, Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()))
			.thenComparing(LoggedMessage::channel).thenComparing(LoggedMessage::id));
		return log.size() > MAX ? List.copyOf(log.subList(0, MAX)) : log;
	}

	/**
	 * Queues a FAILED or DEAD notification (an email, else an SMS of that id) again with its tries counted afresh;
	 * anything else is a conflict.
	 */
	public LoggedMessage resend(Caller caller, String notificationId) {
		requireStaff(caller);
		Notification queued = requeue(notificationId, Notification.class);
		if (queued != null) {
			return LoggedMessage.of(queued);
		}
		SmsMessage queuedSms = requeue(notificationId, SmsMessage.class);
		if (queuedSms != null) {
			return LoggedMessage.of(queuedSms);
		}
		if (mongo.findById(notificationId, Notification.class) == null
				&& mongo.findById(notificationId, SmsMessage.class) == null) {
			throw new NotFoundException(Message.of("notifications.not-found", notificationId));
		}
		throw new ConflictException(Message.of("notifications.not-failed", notificationId));
	}

	/** One conditional write: only a FAILED or DEAD one is queued again (a sent one would go twice). */
	private <T> T requeue(String id, Class<T> type) {
		Query failed = Query.query(Criteria.where("_id").is(id).and("state").in("FAILED", "DEAD"));
		return mongo.findAndModify(failed,
				new Update().set("state", "QUEUED").set("attempts", 0).set("nextAttemptAt", clock.instant())
					.unset("claimedBy"),
				FindAndModifyOptions.options().returnNew(true), type);
	}

	private static void requireStaff(Caller caller) {
		if (!(caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("The notification log is for staff");
		}
	}
}
