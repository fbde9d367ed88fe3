package com.rapport.ordertracking.customer;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Organisations as customer-service knows them, through a guarded gRPC call with a deadline. */
@Component
public class CustomerDirectory {

	private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);

	static final String REMOTE = "customer-service";

	private final CustomerServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	CustomerDirectory(CustomerServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * Whether the organisation exists, asked as this service (the partner's token carries no right to read
	 * organisations). Throws {@link RemoteUnavailableException} when customer-service cannot say: an order
	 * is never accepted on a guess.
	 */
	public boolean exists(String organisationId) {
		try {
			remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
				.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(organisationId).build()));
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	/**
	 * The organisation's name, asked with the current caller's own token so customer-service applies that
	 * caller's rights. Empty when it cannot be had: a name is decoration, the order is shown regardless.
	 */
	public Optional<String> nameOf(String organisationId) {
		try {
			return Optional.of(remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
				.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(organisationId).build()))
				.getName());
		}
		catch (NotFoundException | RemoteUnavailableException ex) {
			log.warn("No name for organisation {}: {}", organisationId, ex.getMessage());
			return Optional.empty();
		}
	}
}
