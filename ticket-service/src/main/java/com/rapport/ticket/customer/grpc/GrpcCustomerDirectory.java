package com.rapport.ticket.customer.grpc;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;

import org.springframework.stereotype.Component;

/**
 * Asks customer-service over gRPC as this service (its own client-credentials token: the tier picks the
 * promise, whoever opens the ticket), through the circuit breaker and with the channel's deadline (the stub
 * is the one platform-support's timeline client sets up on channel {@code customer-service}).
 */
@Component
class GrpcCustomerDirectory implements CustomerDirectory {

	static final String REMOTE = "customer-service";

	private final CustomerServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcCustomerDirectory(CustomerServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public Tier tierOf(String organisationId) {
		var organisation = remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(organisationId).build()));
		return switch (organisation.getTier()) {
			case TIER_VIP -> Tier.VIP;
			case TIER_KEY -> Tier.KEY;
			case TIER_NORMAL -> Tier.NORMAL;
			// A tier this service does not know yet (a newer contract) is not a reason to guess silently.
			default -> throw new RemoteUnavailableException(REMOTE,
					new IllegalStateException("Unknown tier " + organisation.getTier() + " of " + organisationId));
		};
	}
}
