package com.rapport.ordertracking.notification.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.ListOrderNotificationsRequest;
import com.rapport.contracts.ordertracking.v1.ListOrderNotificationsResponse;
import com.rapport.contracts.ordertracking.v1.Notification;
import com.rapport.contracts.ordertracking.v1.NotificationChannel;
import com.rapport.contracts.ordertracking.v1.NotificationState;
import com.rapport.contracts.ordertracking.v1.OrderNotificationServiceGrpc;
import com.rapport.contracts.ordertracking.v1.ResendNotificationRequest;
import com.rapport.ordertracking.notification.LoggedMessage;
import com.rapport.ordertracking.notification.NotificationLog;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The console's notification log of an order (emails, SMS and inbox items), and a failed one sent again (staff only, see NotificationLog). */
@GrpcService
class OrderNotificationGrpcService extends OrderNotificationServiceGrpc.OrderNotificationServiceImplBase {

	private final NotificationLog log;

	OrderNotificationGrpcService(NotificationLog log) {
		this.log = log;
	}

	@Override
	public void listOrderNotifications(ListOrderNotificationsRequest request,
			StreamObserver<ListOrderNotificationsResponse> response) {
		ListOrderNotificationsResponse.Builder answer = ListOrderNotificationsResponse.newBuilder();
		log.ofOrder(Caller.current(), request.getOrderId()).forEach(n -> answer.addNotifications(toProto(n)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void resendNotification(ResendNotificationRequest request, StreamObserver<Notification> response) {
		response.onNext(toProto(log.resend(Caller.current(), request.getNotificationId())));
		response.onCompleted();
	}

	static Notification toProto(LoggedMessage n) {
		Notification.Builder builder = Notification.newBuilder().setId(n.id()).setOrderId(text(n.orderId())).setKind(n.kind())
			.setEventId(n.eventId())
			.setChannel(switch (n.channel()) {
				case EMAIL -> NotificationChannel.NOTIFICATION_CHANNEL_EMAIL;
				case SMS -> NotificationChannel.NOTIFICATION_CHANNEL_SMS;
				case INBOX -> NotificationChannel.NOTIFICATION_CHANNEL_INBOX;
			})
			.setContactId(text(n.contactId())).setContactName(text(n.contactName())).setAddress(text(n.address()))
			.setLanguage(text(n.language())).setState(NotificationState.valueOf("NOTIFICATION_STATE_" + n.state()))
			.setAttempts(n.attempts()).setLastError(text(n.lastError())).setSubject(text(n.subject()))
			.setText(text(n.text())).setCreatedAt(timestamp(n.createdAt()));
		if (n.nextAttemptAt() != null) {
			builder.setNextAttemptAt(timestamp(n.nextAttemptAt()));
		}
		if (n.sentAt() != null) {
			builder.setSentAt(timestamp(n.sentAt()));
		}
		if (n.readAt() != null) {
			builder.setReadAt(timestamp(n.readAt()));
		}
		return builder.build();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
