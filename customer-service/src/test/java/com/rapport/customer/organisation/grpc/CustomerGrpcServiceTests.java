package com.rapport.customer.organisation.grpc;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gRPC face over the in-process transport, with the real security interceptor and store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + CustomerGrpcServiceTests.SERVER })
@Import(TestTokens.DecoderConfiguration.class)
class CustomerGrpcServiceTests {

	static final String SERVER = "customer-service-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	OrganisationRepository organisations;

	CustomerServiceBlockingStub stub;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN", new Contact("Alice Chen",
				"Buyer", "alice@acme.example", null, "zh-CN", "Asia/Shanghai", "acme.buyer")));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG"));
		stub = CustomerServiceGrpc.newBlockingStub(channel);
	}

	private CustomerServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static GetOrganisationRequest get(String id) {
		return GetOrganisationRequest.newBuilder().setOrganisationId(id).build();
	}

	@Test
	void aCallWithoutATokenIsUnauthenticated() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> stub.getOrganisation(get("acme-retail")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void aForgedTokenIsUnauthenticated() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as("forged").getOrganisation(get("acme-retail")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void customerCannotReadAnotherCustomersOrganisation() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("globex-trading")).getOrganisation(get("acme-retail")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(ex.getStatus().getDescription()).doesNotContain("Acme Retail");
			});
	}

	@Test
	void anotherServiceReadsAnyOrganisation() {
		var organisation = as(TestTokens.service()).getOrganisation(get("acme-retail"));
		assertThat(organisation.getName()).isEqualTo("Acme Retail");
		assertThat(organisation.getTier()).isEqualTo(Tier.TIER_NORMAL);
		assertThat(organisation.getContactsList()).singleElement().satisfies(contact -> {
			assertThat(contact.getName()).isEqualTo("Alice Chen");
			assertThat(contact.getLanguage()).isEqualTo("zh-CN");
			assertThat(contact.getPhone()).isEmpty();
		});
	}

	@Test
	void customerListsOnlyItsOwnOrganisationAndStaffListsAll() {
		var request = ListOrganisationsRequest.getDefaultInstance();
		assertThat(as(TestTokens.customer("globex-trading")).listOrganisations(request).getOrganisationsList())
			.extracting(o -> o.getName()).containsExactly("Globex Trading");
		assertThat(as(TestTokens.staff("agent")).listOrganisations(request).getOrganisationsList())
			.extracting(o -> o.getName()).containsExactly("Acme Retail", "Globex Trading");
	}

	@Test
	void pagesAreFollowedWithTheTokenGivenAndABadTokenIsInvalidArgument() {
		var first = as(TestTokens.staff("agent")).listOrganisations(ListOrganisationsRequest.newBuilder().setPageSize(1).build());
		assertThat(first.getOrganisationsList()).extracting(o -> o.getName()).containsExactly("Acme Retail");
		var second = as(TestTokens.staff("agent")).listOrganisations(
				ListOrganisationsRequest.newBuilder().setPageSize(1).setPageToken(first.getNextPageToken()).build());
		assertThat(second.getOrganisationsList()).extracting(o -> o.getName()).containsExactly("Globex Trading");
		assertThat(second.getNextPageToken()).isEmpty();
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).listOrganisations(
					ListOrganisationsRequest.newBuilder().setPageToken("garbage").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

}
