package com.rapport.ticket.customer.grpc;

import java.util.Map;
import java.util.Set;

import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.test.StandInOrganisationSummaries;
import com.rapport.ticket.sla.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tier read from a stand-in customer-service's organisation summary over real (in-process) gRPC, as this
 * service, and its failures.
 */
class GrpcCustomerDirectoryTests {

	private StandInOrganisationSummaries customerService;

	private GrpcCustomerDirectory directory;

	@BeforeEach
	void start() {
		customerService = StandInOrganisationSummaries.start(Map.of(
				"acme-retail", OrganisationSummary.newBuilder().setId("acme-retail")
					.setTier(com.rapport.contracts.customer.v1.Tier.TIER_VIP).build(),
				"globex-trading", OrganisationSummary.newBuilder().setId("globex-trading")
					.setTier(com.rapport.contracts.customer.v1.Tier.TIER_KEY).build()),
				Set.of("overloaded"));
		directory = new GrpcCustomerDirectory(customerService.client("ticket-service-own-token"));
	}

	@AfterEach
	void stop() throws Exception {
		customerService.close();
	}

	@Test
	void theTierIsReadWithTheServicesOwnToken() {
		assertThat(directory.tierOf("acme-retail")).isEqualTo(Tier.VIP);
		assertThat(directory.tierOf("globex-trading")).isEqualTo(Tier.KEY);
		assertThat(customerService.tokensSeen()).containsOnly("Bearer ticket-service-own-token");
	}

	@Test
	void anUnknownOrganisationIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> directory.tierOf("nobody"));
	}

	@Test
	void aCustomerServiceThatCannotAnswerIsUnavailableNotAGuess() {
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> directory.tierOf("overloaded"));
		customerService.stop();
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> directory.tierOf("acme-retail"));
	}
}
