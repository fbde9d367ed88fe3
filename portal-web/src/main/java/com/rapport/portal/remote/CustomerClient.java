package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Organisations from customer-service, as the signed-in user may see them. */
@Component
public class CustomerClient {

	static final String REMOTE = "customer-service";

	private final CustomerServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	CustomerClient(CustomerServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public List<Organisation> organisations(int pageSize) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOrganisations(ListOrganisationsRequest.newBuilder().setPageSize(pageSize).build())
			.getOrganisationsList());
	}
}
