package com.rapport.feedback.invitation.grpc;

import java.util.List;

import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.ListNotificationContactsRequest;
import com.rapport.feedback.invitation.ContactDirectory;
import com.rapport.feedback.invitation.InvitedContact;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * customer-service's {@code ContactService/ListNotificationContacts}, asked as this service (role internal) on
 * channel {@code customer-service}, through its circuit breaker and with the channel's deadline.
 */
@Component
class GrpcContactDirectory implements ContactDirectory {

	static final String REMOTE = "customer-service";

	private final ContactServiceGrpc.ContactServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcContactDirectory(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = ContactServiceGrpc.newBlockingStub(channels.createChannel(REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public List<InvitedContact> contactsOf(String organisationId) {
		var request = ListNotificationContactsRequest.newBuilder().setOrganisationId(organisationId).build();
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService()).listNotificationContacts(request))
			.getContactsList()
			.stream()
			.map(c -> new InvitedContact(c.getId(), c.getName(), c.getEmail(), c.getLanguage(), c.getSurveyConsent()))
			.toList();
	}
}
