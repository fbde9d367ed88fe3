package com.rapport.portal.remote;

import com.rapport.contracts.customer.v1.CreateOrganisationRequest;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc.OrganisationServiceBlockingStub;
import com.rapport.contracts.customer.v1.UpdateOrganisationRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Organisations from customer-service, as the signed-in user may see them, and the staff's editing of them. */
@Component
public class CustomerClient {

	static final String REMOTE = "customer-service";

	private final OrganisationServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	CustomerClient(OrganisationServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * One page of the organisations matching {@code query} (all of them when it is empty), with how many match
	 * in all and the token of the next page (empty on the last). {@code pageToken} is one this gave before,
	 * or empty for the first page; a token or query the service rejects is an {@code UnprocessableException}.
	 */
	public ListOrganisationsResponse search(String query, int pageSize, String pageToken) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listOrganisations(ListOrganisationsRequest.newBuilder().setQuery(query).setPageSize(pageSize)
				.setPageToken(pageToken).build()));
	}

	/** One organisation with its contacts; one that does not exist or is not the user's is a {@code NotFoundException}. */
	public Organisation organisation(String id) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(id).build()));
	}

	/** A new organisation (staff); an empty id lets customer-service make one from the name. */
	public Organisation createOrganisation(String id, OrganisationFields fields) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisationId(id).setFields(fields).build()));
	}

	/** Saves the profile if nobody saved since {@code version} was read (staff). */
	public Organisation updateOrganisation(String id, OrganisationFields fields, long version) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateOrganisation(UpdateOrganisationRequest.newBuilder().setOrganisationId(id).setFields(fields)
				.setVersion(version).build()));
	}
}
