package com.rapport.ordertracking.receivables.grpc;

import java.util.Optional;

import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.ordertracking.receivables.Invoice;
import com.rapport.ordertracking.receivables.OrganisationSizes;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The organisation's size band, read with customer-service's {@code OrganisationService/GetOrganisation} as this
 * service (role internal), on channel {@code customer-service} (its deadline and circuit breaker).
 */
@Component
class GrpcOrganisationSizes implements OrganisationSizes {

	private static final Logger log = LoggerFactory.getLogger(GrpcOrganisationSizes.class);

	private static final String REMOTE = "customer-service";

	private final OrganisationServiceGrpc.OrganisationServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrpcOrganisationSizes(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = OrganisationServiceGrpc.newBlockingStub(channels.createChannel(REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public Optional<Invoice.Style> styleOf(String organisationId) {
		try {
			SizeBand size = remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.asService())
				.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(organisationId).build()))
				.getSizeBand();
			return Optional.of(size == SizeBand.SIZE_BAND_LARGE || size == SizeBand.SIZE_BAND_ENTERPRISE
					|| size == SizeBand.SIZE_BAND_UNSPECIFIED ? Invoice.Style.FORMAL : Invoice.Style.WARM);
		}
		catch (NotFoundException | RemoteUnavailableException ex) {
			log.warn("No size known for organisation {}: {}", organisationId, ex.getMessage());
			return Optional.empty();
		}
	}
}
