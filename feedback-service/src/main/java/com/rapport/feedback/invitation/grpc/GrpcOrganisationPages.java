package com.rapport.feedback.invitation.grpc;

import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.feedback.invitation.InvitedContact;
import com.rapport.feedback.invitation.OrganisationPages;
import com.rapport.support.customer.grpc.OrganisationPagesClient;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * customer-service's {@code OrganisationService/ListOrganisations} ({@link OrganisationPagesClient}; its contacts with language, channel and survey
 * consent), 100 organisations a page, as this service (role internal), through the {@code customer-service}
 * circuit breaker with the channel's deadline.
 */
@Component
class GrpcOrganisationPages implements OrganisationPages {

	static final int PAGE_SIZE = 100;

	private final OrganisationPagesClient pages;

	GrpcOrganisationPages(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.pages = new OrganisationPagesClient(
				OrganisationServiceGrpc.newBlockingStub(channels.createChannel(OrganisationSummaryClient.REMOTE)),
				remoteCalls, tokens);
	}

	@Override
	public Page page(String token) {
		ListOrganisationsResponse page = pages.page(PAGE_SIZE, token);
		return new Page(page.getOrganisationsList().stream()
			.map(o -> new Organisation(o.getId(), o.getContactsList().stream()
				.map(c -> new InvitedContact(c.getId(), c.getName(), c.getEmail(), c.getLanguage(), c.getSurveyConsent(),
						c.getPreferredChannel().name().replace("PREFERRED_CHANNEL_", "").replace("UNSPECIFIED", "EMAIL")))
				.toList()))
			.toList(), page.getNextPageToken());
	}
}
