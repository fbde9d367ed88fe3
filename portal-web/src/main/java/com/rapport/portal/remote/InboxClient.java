package com.rapport.portal.remote;

import java.util.concurrent.TimeUnit;

import com.rapport.contracts.ordertracking.v1.CountMyUnreadRequest;
import com.rapport.contracts.ordertracking.v1.GetMyNotificationPreferencesRequest;
import com.rapport.contracts.ordertracking.v1.InboxItem;
import com.rapport.contracts.ordertracking.v1.ListMyInboxRequest;
import com.rapport.contracts.ordertracking.v1.ListMyInboxResponse;
import com.rapport.contracts.ordertracking.v1.MarkAllInboxReadRequest;
import com.rapport.contracts.ordertracking.v1.MarkInboxItemReadRequest;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc.NotificationInboxServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.NotificationPreferences;
import com.rapport.contracts.ordertracking.v1.NotificationPreferencesServiceGrpc.NotificationPreferencesServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.UpdateMyNotificationPreferencesRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * The signed-in contact's portal inbox and notification settings, kept by order-tracking-service, which decides
 * whose they are (the caller's own, from its token): nothing here names a contact.
 */
@Component
public class InboxClient {

	/** The header's count is a nicety: it never holds a page up for long. */
	static final long COUNT_DEADLINE_MS = 400;

	private final NotificationInboxServiceBlockingStub inbox;

	private final NotificationPreferencesServiceBlockingStub preferences;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	InboxClient(NotificationInboxServiceBlockingStub inbox, NotificationPreferencesServiceBlockingStub preferences,
			RemoteCalls remoteCalls, CallTokens tokens) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public ListMyInboxResponse page(int page, int pageSize) {
		return remoteCalls.read(OrderClient.REMOTE, () -> inbox.withCallCredentials(tokens.forCurrentCaller())
			.listMyInbox(ListMyInboxRequest.newBuilder().setPage(page).setPageSize(pageSize).build()));
	}

	public long unread() {
		return remoteCalls.read(OrderClient.REMOTE, () -> inbox.withCallCredentials(tokens.forCurrentCaller())
			.withDeadlineAfter(COUNT_DEADLINE_MS, TimeUnit.MILLISECONDS)
			.countMyUnread(CountMyUnreadRequest.getDefaultInstance())
			.getUnread());
	}

	public InboxItem markRead(String itemId) {
		return remoteCalls.write(OrderClient.REMOTE, () -> inbox.withCallCredentials(tokens.forCurrentCaller())
			.markInboxItemRead(MarkInboxItemReadRequest.newBuilder().setItemId(itemId).build()));
	}

	public long markAllRead() {
		return remoteCalls.write(OrderClient.REMOTE, () -> inbox.withCallCredentials(tokens.forCurrentCaller())
			.markAllInboxRead(MarkAllInboxReadRequest.getDefaultInstance())
			.getMarked());
	}

	public NotificationPreferences preferences() {
		return remoteCalls.read(OrderClient.REMOTE, () -> preferences.withCallCredentials(tokens.forCurrentCaller())
			.getMyNotificationPreferences(GetMyNotificationPreferencesRequest.getDefaultInstance()));
	}

	public NotificationPreferences updatePreferences(UpdateMyNotificationPreferencesRequest choice) {
		return remoteCalls.write(OrderClient.REMOTE, () -> preferences.withCallCredentials(tokens.forCurrentCaller())
			.updateMyNotificationPreferences(choice));
	}
}
