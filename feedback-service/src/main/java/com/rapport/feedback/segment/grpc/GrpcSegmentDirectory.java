package com.rapport.feedback.segment.grpc;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.feedback.segment.Segment;
import com.rapport.feedback.segment.SegmentDirectory;
import com.rapport.support.customer.grpc.OrganisationPagesClient;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * customer-service's {@code OrganisationService} as this service (role internal): {@code ListOrganisations} 200 a
 * page for the refresh ({@link OrganisationPagesClient}: channel deadline, circuit breaker {@code customer-service}); {@code GetOrganisation} for a
 * miss while an answer is counted, within {@code rapport.feedback.segments.lookup-deadline} (300 ms), never retried,
 * behind a circuit breaker of its own ({@value #LOOKUPS}) so that its failures never open the one the invitations use.
 */
@Component
class GrpcSegmentDirectory implements SegmentDirectory {

	static final int PAGE_SIZE = 200;

	/** The circuit breaker of the look-ups at counting time. */
	static final String LOOKUPS = "customer-segments";

	private final OrganisationServiceGrpc.OrganisationServiceBlockingStub stub;

	private final OrganisationPagesClient pages;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	private final Duration lookupDeadline;

	GrpcSegmentDirectory(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens,
			@Value("${rapport.feedback.segments.lookup-deadline:300ms}") Duration lookupDeadline) {
		this.stub = OrganisationServiceGrpc.newBlockingStub(channels.createChannel(OrganisationSummaryClient.REMOTE));
		this.pages = new OrganisationPagesClient(stub, remoteCalls, tokens);
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
		this.lookupDeadline = lookupDeadline;
	}

	@Override
	public Page page(String token) {
		ListOrganisationsResponse page = pages.page(PAGE_SIZE, token);
		return new Page(page.getOrganisationsList().stream()
			.map(organisation -> new SegmentDirectory.Organisation(organisation.getId(), segmentOf(organisation)))
			.toList(), page.getNextPageToken());
	}

	@Override
	public Optional<Segment> lookup(String organisationId) {
		try {
			// write(): a breaker without retries; the answer is stored already and waits for nothing longer.
			return Optional.of(segmentOf(remoteCalls.write(LOOKUPS,
					() -> stub.withCallCredentials(tokens.asService())
						.withDeadlineAfter(lookupDeadline.toMillis(), TimeUnit.MILLISECONDS)
						.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(organisationId).build()))));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	static Segment segmentOf(com.rapport.contracts.customer.v1.Organisation organisation) {
		return new Segment(organisation.getTier().getNumber() == 0 ? "" : organisation.getTier().name(),
				organisation.getIndustry(), organisation.getRegion());
	}
}
