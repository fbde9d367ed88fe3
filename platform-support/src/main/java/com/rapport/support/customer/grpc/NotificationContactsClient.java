package com.rapport.support.customer.grpc;

import java.util.List;

import com.rapport.contracts.customer.v1.ContactServiceGrpc.ContactServiceBlockingStub;
import com.rapport.contracts.customer.v1.ListNotificationContactsRequest;
import com.rapport.contracts.customer.v1.NotificationContact;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

/**
 * Asks customer-service whom to tell of an organisation's news ({@code ContactService/ListNotificationContacts}:
 * each contact's address, language, time zone, preferred channel and survey consent) as this service (role
 * internal), through the {@value OrganisationSummaryClient#REMOTE} circuit breaker and with the channel's deadline.
 * order-tracking-service's notifications and feedback-service's survey invitations read it.
 */
public class NotificationContactsClient {

	private final ContactServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	public NotificationContactsClient(ContactServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * The organisation's contacts now. {@link NotFoundException} for an organisation customer-service does not
	 * know, {@link RemoteUnavailableException} when it cannot be asked.
	 */
	public List<NotificationContact> contactsOf(String organisationId) {
		return remoteCalls.read(OrganisationSummaryClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.listNotificationContacts(ListNotificationContactsRequest.newBuilder().setOrganisationId(organisationId).build()))
			.getContactsList();
	}
}
