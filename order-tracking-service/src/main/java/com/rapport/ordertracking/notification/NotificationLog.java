package com.rapport.ordertracking.notification;

import java.time.Clock;
import java.util.List;

import com.rapport.ordertracking.order.OrderRepository;
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

/** Staff's view of an order's notifications, and a failed or dead one sent again. */
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

	/** The order's notifications, oldest first, by the index {@code order_log}. */
	public List<Notification> ofOrder(Caller caller, String orderId) {
		requireStaff(caller);
		if (!orders.existsById(orderId)) {
			throw new NotFoundException(Message.of("orders.not-found", orderId));
		}
		return mongo.find(Query.query(Criteria.where("orderId").is(orderId)).with(Sort.by("createdAt")).limit(MAX),
				Notification.class);
	}

	/** Queues a FAILED or DEAD notification again with its tries counted afresh; anything else is a conflict. */
	public Notification resend(Caller caller, String notificationId) {
		requireStaff(caller);
		Query failed = Query.query(Criteria.where("_id").is(notificationId).and("state")
			.in(Notification.State.FAILED, Notification.State.DEAD));
		Notification queued = mongo.findAndModify(failed,
				new Update().set("state", Notification.State.QUEUED).set("attempts", 0).set("nextAttemptAt", clock.instant())
					.unset("claimedBy"),
				FindAndModifyOptions.options().returnNew(true), Notification.class);
		if (queued != null) {
			return queued;
		}
		if (mongo.findById(notificationId, Notification.class) == null) {
			throw new NotFoundException(Message.of("notifications.not-found", notificationId));
		}
		throw new ConflictException(Message.of("notifications.not-failed", notificationId));
	}

	private static void requireStaff(Caller caller) {
		if (!(caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("The notification log is for staff");
		}
	}
}
