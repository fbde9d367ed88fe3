package com.rapport.portal.delivery;

import com.rapport.contracts.ordertracking.v1.IncidentDeliveryServiceGrpc;
import com.rapport.contracts.ordertracking.v1.IncidentDeliveryServiceGrpc.IncidentDeliveryServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.ListIncidentDeliveriesRequest;
import com.rapport.contracts.ordertracking.v1.ListIncidentDeliveriesResponse;
import com.rapport.contracts.ordertracking.v1.OrderNotificationServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderNotificationServiceGrpc.OrderNotificationServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.ResendNotificationRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * order-tracking-service's {@code IncidentDeliveryService} and {@code OrderNotificationService/ResendNotification},
 * with the staff member's own token (the service decides who may); a resend is never retried.
 */
@Component
public class NoticeDeliveryClient {

	static final String REMOTE = "order-tracking-service";

	static final int PAGE = 50;

	private final IncidentDeliveryServiceBlockingStub deliveries;

	private final OrderNotificationServiceBlockingStub notifications;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	NoticeDeliveryClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		var channel = channels.createChannel(REMOTE);
		this.deliveries = IncidentDeliveryServiceGrpc.newBlockingStub(channel);
		this.notifications = OrderNotificationServiceGrpc.newBlockingStub(channel);
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public ListIncidentDeliveriesResponse deliveries(String noticeId, String pageToken) {
		return remoteCalls.read(REMOTE, () -> deliveries.withCallCredentials(tokens.forCurrentCaller())
			.listIncidentDeliveries(ListIncidentDeliveriesRequest.newBuilder().setNoticeId(noticeId).setPageSize(PAGE)
				.setPageToken(pageToken == null ? "" : pageToken).build()));
	}

	public void resend(String notificationId) {
		remoteCalls.write(REMOTE, () -> notifications.withCallCredentials(tokens.forCurrentCaller())
			.resendNotification(ResendNotificationRequest.newBuilder().setNotificationId(notificationId).build()));
	}
}
