package com.rapport.portal.remote;

import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.ListInteractionsRequest;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc.TimelineServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** The organisations' timeline in customer-service (staff only). */
@Component
public class TimelineClient {

	private final TimelineServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	TimelineClient(TimelineServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * A page of the organisation's timeline, newest first: only {@code kind} when given, from {@code pageToken}
	 * (the previous page's {@code next_page_token}) when given.
	 */
	public ListInteractionsResponse timeline(String organisationId, InteractionKind kind, int pageSize,
			String pageToken) {
		ListInteractionsRequest.Builder request = ListInteractionsRequest.newBuilder().setOrganisationId(organisationId)
			.setPageSize(pageSize);
		if (kind != null) {
			request.addKinds(kind);
		}
		if (pageToken != null && !pageToken.isBlank()) {
			request.setPageToken(pageToken);
		}
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listInteractions(request.build()));
	}
}
