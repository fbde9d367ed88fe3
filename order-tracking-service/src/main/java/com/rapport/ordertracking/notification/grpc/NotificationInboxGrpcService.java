package com.rapport.ordertracking.notification.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.CountMyUnreadRequest;
import com.rapport.contracts.ordertracking.v1.CountMyUnreadResponse;
import com.rapport.contracts.ordertracking.v1.InboxItem;
import com.rapport.contracts.ordertracking.v1.ListMyInboxRequest;
import com.rapport.contracts.ordertracking.v1.ListMyInboxResponse;
import com.rapport.contracts.ordertracking.v1.MarkAllInboxReadRequest;
import com.rapport.contracts.ordertracking.v1.MarkAllInboxReadResponse;
import com.rapport.contracts.ordertracking.v1.MarkInboxItemReadRequest;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc;
import com.rapport.contracts.ordertracking.v1.NotificationTopic;
import com.rapport.ordertracking.notification.Inbox;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The signed-in contact's portal inbox (see Inbox: its own items only). */
@GrpcService
class NotificationInboxGrpcService extends NotificationInboxServiceGrpc.NotificationInboxServiceImplBase {

	private final Inbox inbox;

	NotificationInboxGrpcService(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void listMyInbox(ListMyInboxRequest request, StreamObserver<ListMyInboxResponse> response) {
		Inbox.Page page = inbox.mine(Caller.current(), request.getPage(), request.getPageSize());
		ListMyInboxResponse.Builder answer = ListMyInboxResponse.newBuilder().setTotal(page.total())
			.setUnread(page.unread());
		page.items().forEach(item -> answer.addItems(toProto(item)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void countMyUnread(CountMyUnreadRequest request, StreamObserver<CountMyUnreadResponse> response) {
		response.onNext(CountMyUnreadResponse.newBuilder().setUnread(inbox.unread(Caller.current())).build());
		response.onCompleted();
	}

	@Override
	public void markInboxItemRead(MarkInboxItemReadRequest request, StreamObserver<InboxItem> response) {
		response.onNext(toProto(inbox.markRead(Caller.current(), request.getItemId())));
		response.onCompleted();
	}

	@Override
	public void markAllInboxRead(MarkAllInboxReadRequest request,
			StreamObserver<MarkAllInboxReadResponse> response) {
		response.onNext(MarkAllInboxReadResponse.newBuilder().setMarked(inbox.markAllRead(Caller.current())).build());
		response.onCompleted();
	}

	static InboxItem toProto(com.rapport.ordertracking.notification.InboxItem item) {
		InboxItem.Builder builder = InboxItem.newBuilder().setId(item.id()).setKind(item.kind())
			.setOrderId(text(item.orderId())).setOrderNumber(text(item.orderNumber())).setRead(item.read())
			.putAllFacts(item.facts()).setCreatedAt(timestamp(item.createdAt()))
			.setTopic(NotificationTopic.valueOf("NOTIFICATION_TOPIC_" + item.topic().name()));
		if (item.occurredAt() != null) {
			builder.setOccurredAt(timestamp(item.occurredAt()));
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
