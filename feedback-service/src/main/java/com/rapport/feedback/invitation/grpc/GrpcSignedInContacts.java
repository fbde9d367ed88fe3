package com.rapport.feedback.invitation.grpc;

import java.util.Optional;

import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.GetMyContactRequest;
import com.rapport.feedback.invitation.SignedInContacts;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.security.Caller;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * customer-service's {@code ContactService/GetMyContact}, asked with the caller's own token: customer-service
 * decides which contact the login is (so this service never guesses it from a name or an email).
 */
@Component
class GrpcSignedInContacts implements SignedInContacts {

	private final ContactServiceGrpc.ContactServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	GrpcSignedInContacts(GrpcChannelFactory channels, RemoteCalls remoteCalls) {
		this.stub = ContactServiceGrpc.newBlockingStub(channels.createChannel(OrganisationSummaryClient.REMOTE));
		this.remoteCalls = remoteCalls;
	}

	@Override
	public Optional<String> contactIdOf(Caller caller) {
		try {
			return Optional.of(remoteCalls.read(OrganisationSummaryClient.REMOTE,
					() -> stub.withCallCredentials(CallTokens.bearer(caller.token()))
						.getMyContact(GetMyContactRequest.getDefaultInstance()))
				.getId()).filter(id -> !id.isBlank());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}
}
