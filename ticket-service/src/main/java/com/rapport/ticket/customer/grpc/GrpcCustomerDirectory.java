package com.rapport.ticket.customer.grpc;

import com.rapport.support.customer.grpc.OrganisationSummaryClient;
import com.rapport.support.customer.grpc.OrganisationSummaryClientConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;

import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

/**
 * Reads the tier from customer-service's organisation summary ({@code GetOrganisationSummary}) as this service
 * (its own client-credentials token: the tier picks the promise, whoever opens the ticket), through
 * platform-support's {@link OrganisationSummaryClient} on channel {@code customer-service}.
 */
@Component
@Import(OrganisationSummaryClientConfiguration.class)
class GrpcCustomerDirectory implements CustomerDirectory {

	private final OrganisationSummaryClient organisations;

	GrpcCustomerDirectory(OrganisationSummaryClient organisations) {
		this.organisations = organisations;
	}

	@Override
	public Tier tierOf(String organisationId) {
		var organisation = organisations.summary(organisationId);
		return switch (organisation.getTier()) {
			case TIER_VIP -> Tier.VIP;
			case TIER_KEY -> Tier.KEY;
			case TIER_NORMAL -> Tier.NORMAL;
			// A tier this service does not know yet (a newer contract) is not a reason to guess silently.
			default -> throw new RemoteUnavailableException(OrganisationSummaryClient.REMOTE,
					new IllegalStateException("Unknown tier " + organisation.getTier() + " of " + organisationId));
		};
	}

	@Override
	public java.util.Optional<String> accountManagerOf(String organisationId) {
		String manager = organisations.summary(organisationId).getAccountManager();
		return manager.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(manager.strip());
	}
}
