package com.rapport.support.customer.grpc;

import com.rapport.contracts.customer.v1.GetOrganisationSummaryRequest;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc.OrganisationServiceBlockingStub;
import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

/**
 * Asks customer-service for an organisation's summary (name, tier, account manager, status) as this service
 * (its own client-credentials token, role internal: the summary is for services alone), through the
 * {@value #REMOTE} circuit breaker and with the channel's deadline.
 */
public class OrganisationSummaryClient {

	/** The channel and the circuit breaker (and retry) of the calls to customer-service. */
	public static final String REMOTE = "customer-service";

	private final OrganisationServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	public OrganisationSummaryClient(OrganisationServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * The organisation's summary. {@link NotFoundException} when customer-service knows no such organisation,
	 * {@link RemoteUnavailableException} when it cannot be asked.
	 */
	public OrganisationSummary summary(String organisationId) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.getOrganisationSummary(GetOrganisationSummaryRequest.newBuilder().setOrganisationId(organisationId).build()));
	}
}
