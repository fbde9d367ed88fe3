package com.rapport.ordertracking.customer.grpc;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * Asks customer-service over gRPC, through the circuit breaker and with the channel's deadline (the stub is
 * the one platform-support's timeline client sets up on channel {@code customer-service}).
 */
@Component
class GrpcCustomerDirectory implements CustomerDirectory {

	private static final Logger log = LoggerFactory.getLogger(GrpcCustomerDirectory.class);

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
	public boolean exists(String organisationId) {
		try {
			remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService()).getOrganisation(request(organisationId)));
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	@Override
	public Optional<String> nameOf(String organisationId) {
		try {
			return Optional.of(remoteCalls
				.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller()).getOrganisation(request(organisationId)))
				.getName());
		}
		catch (NotFoundException | RemoteUnavailableException ex) {
			log.warn("No name for organisation {}: {}", organisationId, ex.getMessage());
			return Optional.empty();
		}
	}

	private static GetOrganisationRequest request(String organisationId) {
		return GetOrganisationRequest.newBuilder().setOrganisationId(organisationId).build();
	}
}
