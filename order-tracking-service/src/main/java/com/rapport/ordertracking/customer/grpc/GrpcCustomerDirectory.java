package com.rapport.ordertracking.customer.grpc;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.customer.grpc.OrganisationSummaryClientConfiguration;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/**
 * Asks customer-service for an organisation's summary ({@code GetOrganisationSummary}) as this service, through
 * platform-support's {@link OrganisationSummaryClient} on channel {@code customer-service}.
 */
@Component
@Import(OrganisationSummaryClientConfiguration.class)
class GrpcCustomerDirectory implements CustomerDirectory {

	private static final Logger log = LoggerFactory.getLogger(GrpcCustomerDirectory.class);

	private final OrganisationSummaryClient organisations;

	GrpcCustomerDirectory(OrganisationSummaryClient organisations) {
		this.organisations = organisations;
	}

	@Override
	public boolean exists(String organisationId) {
		try {
			organisations.summary(organisationId);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	@Override
	public Optional<String> nameOf(String organisationId) {
		try {
			return Optional.of(organisations.summary(organisationId).getName());
		}
		catch (NotFoundException | RemoteUnavailableException ex) {
			log.warn("No name for organisation {}: {}", organisationId, ex.getMessage());
			return Optional.empty();
		}
	}
}
