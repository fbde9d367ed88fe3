package com.rapport.ordertracking.notification.grpc;

import java.util.List;

import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.ListNotificationContactsRequest;
import com.rapport.ordertracking.notification.ContactSource;
import com.rapport.ordertracking.notification.NotificationContact;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * customer-service's {@code ContactService/ListNotificationContacts}, asked as this service (role internal) on
 * channel {@code customer-service}, through its circuit breaker and with the channel's deadline.
 */
@Component
class GrpcContactSource implements ContactSource {

	static final String REMOTE = "customer-service";

	private final ContactServiceGrpc.ContactServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcContactSource(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = ContactServiceGrpc.newBlockingStub(channels.createChannel(REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public List<NotificationContact> contactsOf(String organisationId) {
		var answer = remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.listNotificationContacts(ListNotificationContactsRequest.newBuilder().setOrganisationId(organisationId).build()));
		return answer.getContactsList().stream().map(c -> new NotificationContact(c.getId(), c.getName(), c.getEmail(),
				c.getLanguage(), c.getTimeZone(), c.getPreferredChannel().name().replace("PREFERRED_CHANNEL_", "")))
			.toList();
	}
}
