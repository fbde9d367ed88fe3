package com.rapport.support.customer.grpc;

import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc.OrganisationServiceBlockingStub;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

/**
 * customer-service's {@code OrganisationService/ListOrganisations} as this service (its own client-credentials token,
 * role internal), one keyset page at a time, through the {@value OrganisationSummaryClient#REMOTE} circuit breaker
 * (read: retried) with the channel's deadline. The one page call of every service that copies something of every
 * organisation (feedback-service's invitations and segments); each maps the page to its own types.
 */
public class OrganisationPagesClient {

	private final OrganisationServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	public OrganisationPagesClient(OrganisationServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * The page of {@code size} organisations after {@code token} (empty: the first); its next-page token is empty after
	 * the last. {@link RemoteUnavailableException} when customer-service cannot be asked.
	 */
	public ListOrganisationsResponse page(int size, String token) {
		return remoteCalls.read(OrganisationSummaryClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.listOrganisations(ListOrganisationsRequest.newBuilder().setPageSize(size).setPageToken(token).build()));
	}
}
