package com.rapport.ordertracking.customer.grpc;

import java.util.Map;
import java.util.Set;

import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.test.StandInOrganisationSummaries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Whether an organisation exists and its name, read from a stand-in customer-service's organisation summary over
 * real (in-process) gRPC as this service: an unknown one does not exist, one that cannot be asked is no guess.
 */
class GrpcCustomerDirectoryTests {

	private StandInOrganisationSummaries customerService;

	private GrpcCustomerDirectory directory;

	@BeforeEach
	void start() {
		customerService = StandInOrganisationSummaries.start(
				Map.of("acme-retail", OrganisationSummary.newBuilder().setId("acme-retail").setName("Acme Retail").build()),
				Set.of());
		directory = new GrpcCustomerDirectory(customerService.client("order-tracking-own-token"));
	}

	@AfterEach
	void stop() throws Exception {
		customerService.close();
	}

	@Test
	void theOrganisationAndItsNameAreReadWithTheServicesOwnToken() {
		assertThat(directory.exists("acme-retail")).isTrue();
		assertThat(directory.nameOf("acme-retail")).contains("Acme Retail");
		assertThat(directory.exists("nobody")).isFalse();
		assertThat(directory.nameOf("nobody")).isEmpty();
		assertThat(customerService.tokensSeen()).containsOnly("Bearer order-tracking-own-token");
	}

	@Test
	void aCustomerServiceThatCannotAnswerLeavesTheNameOutButNeverConfirmsAnOrganisation() {
		customerService.stop();
		assertThat(directory.nameOf("acme-retail")).isEmpty();
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> directory.exists("acme-retail"));
	}
}
