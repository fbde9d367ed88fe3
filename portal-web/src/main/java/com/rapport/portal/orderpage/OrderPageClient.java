package com.rapport.portal.orderpage;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.DelayRemedy;
import com.rapport.contracts.ordertracking.v1.GetOrderRequest;
import com.rapport.contracts.ordertracking.v1.ListOrderNotificationsRequest;
import com.rapport.contracts.ordertracking.v1.Notification;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderNotificationServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderNotificationServiceGrpc.OrderNotificationServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.RecordDelayRequest;
import com.rapport.contracts.ordertracking.v1.ResendNotificationRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * order-tracking-service for the console's order page, with the staff member's own token (the service decides who
 * may): the order by its organisation and number ({@code GetOrder}), its notification log and a resend
 * ({@code OrderNotificationService}), and a delay recorded ({@code RecordDelay}); writes are never retried.
 */
@Component
class OrderPageClient {

	static final String REMOTE = "order-tracking-service";

	private final OrderTrackingServiceBlockingStub orders;

	private final OrderNotificationServiceBlockingStub notifications;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	OrderPageClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		var channel = channels.createChannel(REMOTE);
		this.orders = OrderTrackingServiceGrpc.newBlockingStub(channel);
		this.notifications = OrderNotificationServiceGrpc.newBlockingStub(channel);
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	Order order(String customerId, String orderNumber) {
		return remoteCalls.read(REMOTE, () -> orders.withCallCredentials(tokens.forCurrentCaller())
			.getOrder(GetOrderRequest.newBuilder().setCustomerId(customerId).setOrderNumber(orderNumber).build()));
	}

	List<Notification> notifications(String orderId) {
		return remoteCalls.read(REMOTE, () -> notifications.withCallCredentials(tokens.forCurrentCaller())
			.listOrderNotifications(ListOrderNotificationsRequest.newBuilder().setOrderId(orderId).build())
			.getNotificationsList());
	}

	void resend(String notificationId) {
		remoteCalls.write(REMOTE, () -> notifications.withCallCredentials(tokens.forCurrentCaller())
			.resendNotification(ResendNotificationRequest.newBuilder().setNotificationId(notificationId).build()));
	}

	Order recordDelay(String orderId, String reason, DelayRemedy remedy, String remedyNote, String newDate) {
		return remoteCalls.write(REMOTE, () -> orders.withCallCredentials(tokens.forCurrentCaller())
			.recordDelay(RecordDelayRequest.newBuilder().setOrderId(orderId).setReason(reason).setRemedy(remedy)
				.setRemedyNote(remedyNote).setNewDate(newDate).build()));
	}
}
