package com.rapport.systemtests;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.rapport.contracts.customer.v1.TimelineServiceGrpc;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.contracts.customer.v1.ListInteractionsRequest;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/**
 * customer-service's interaction timeline as the services read it: gRPC {@code ListInteractions} on its own
 * port, with a service's client-credentials token (portal-web's demo client, role {@code internal}). The
 * timeline's REST read is for staff, who have no token outside the browser.
 */
final class Timeline implements AutoCloseable {

	static final int CUSTOMER_SERVICE_GRPC = 9082;

	/** customer-service's largest page. */
	private static final int PAGE_SIZE = 200;

	private static final int MAX_PAGES = 20;

	private final ManagedChannel channel;

	private final TimelineServiceGrpc.TimelineServiceBlockingStub stub;

	private Timeline(ManagedChannel channel, String token) {
		this.channel = channel;
		Metadata headers = new Metadata();
		headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
		this.stub = TimelineServiceGrpc.newBlockingStub(channel)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	static Timeline open() {
		// The same client-credentials grant a partner uses; portal-web's client is a service with role internal.
		String token = Partner.login("portal-web", "portal-web-secret").token();
		return new Timeline(ManagedChannelBuilder.forAddress("localhost", CUSTOMER_SERVICE_GRPC).usePlaintext().build(),
				token);
	}

	/** The {@code reference} of every entry of one kind on an organisation's timeline, all pages. */
	Set<String> references(String organisationId, InteractionKind kind) {
		Set<String> references = new HashSet<>();
		String pageToken = "";
		for (int pages = 0; pages < MAX_PAGES; pages++) {
			ListInteractionsResponse page = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
				.listInteractions(ListInteractionsRequest.newBuilder().setOrganisationId(organisationId).addKinds(kind)
					.setPageSize(PAGE_SIZE).setPageToken(pageToken).build());
			for (Interaction interaction : page.getInteractionsList()) {
				references.add(interaction.getReference());
			}
			pageToken = page.getNextPageToken();
			if (pageToken.isEmpty()) {
				return references;
			}
		}
		throw new IllegalStateException("the timeline of " + organisationId + " has more than " + MAX_PAGES * PAGE_SIZE
				+ " entries of kind " + kind);
	}

	@Override
	public void close() {
		channel.shutdownNow();
	}
}
