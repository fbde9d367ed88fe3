package com.rapport.customer.organisation.grpc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc.OrganisationServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.GetOrganisationSummaryRequest;
import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.contracts.customer.v1.LifecycleStage;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.organisation.SizeBand;
import com.rapport.customer.organisation.TierOverride;
import com.rapport.customer.organisation.TierReason;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The gRPC face over the in-process transport, with the real security interceptor and store. */
@CustomerServiceTest
class OrganisationGrpcServiceTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	OrganisationRepository organisations;

	OrganisationServiceBlockingStub stub;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN", Contact.of("Alice Chen",
				"Buyer", "alice@acme.example", null, "zh-CN", "Asia/Shanghai", "acme.buyer"))
			.withProfile(new Organisation.Profile("Acme Retail", "Retail", SizeBand.LARGE, "CN", "East China",
					List.of("strategic"), "agent.li", OrganisationStatus.ACTIVE, "CRM-0001")));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				new Contact("gavin-1", "Gavin Wu", "Director", "gavin.wu@globex.example", "+65 6555 0199", "en",
						"Asia/Singapore", LocalDate.of(1979, 2, 28), PreferredChannel.SMS, true, false, "G-1", null)));
		stub = OrganisationServiceGrpc.newBlockingStub(channel);
	}

	private OrganisationServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static GetOrganisationRequest get(String id) {
		return GetOrganisationRequest.newBuilder().setOrganisationId(id).build();
	}

	@Test
	void otherServicesReadTheTierInForceAndTheLifecycleStage() {
		Instant at = Instant.parse("2026-01-01T00:00:00Z");
		TierReason computedKey = new TierReason(com.rapport.customer.organisation.Tier.KEY, "KEY_FREQUENCY", 3, 4,
				BigDecimal.TEN, "CNY", 365, "ordered 3 days ago, 4 orders in 12 months, CNY 10: KEY", at);
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		organisations.save(acme.withTiering(com.rapport.customer.organisation.Tier.VIP,
				com.rapport.customer.organisation.LifecycleStage.LOYAL, computedKey,
				new TierOverride(com.rapport.customer.organisation.Tier.VIP, "Strategic", LocalDate.of(2099, 1, 1),
						"manager.wang", at)));
		var answer = as(TestTokens.service()).getOrganisation(get("acme-retail"));
		assertThat(answer.getTier()).isEqualTo(Tier.TIER_VIP);
		assertThat(answer.getLifecycleStage()).isEqualTo(LifecycleStage.LIFECYCLE_STAGE_LOYAL);

		// An override that has ended: the computed tier, even before the nightly recompute stores it.
		acme = organisations.findById("acme-retail").orElseThrow();
		organisations.save(acme.withTiering(acme.tier(), acme.lifecycleStage(), computedKey,
				new TierOverride(com.rapport.customer.organisation.Tier.VIP, "Launch", LocalDate.of(2026, 1, 31),
						"manager.wang", at)));
		assertThat(as(TestTokens.service()).getOrganisation(get("acme-retail")).getTier()).isEqualTo(Tier.TIER_KEY);
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


	private static ListOrganisationsRequest search(String query) {
		return ListOrganisationsRequest.newBuilder().setQuery(query).build();
	}

	@Test
	void staffSearchByContactNameEmailOrPhone() {
		for (String query : List.of("gavin", "GAVIN.WU@", "6555 0199", "globex tr")) {
			var answer = as(TestTokens.staff("agent")).listOrganisations(search(query));
			assertThat(answer.getOrganisationsList()).extracting(o -> o.getId()).containsExactly("globex-trading");
			assertThat(answer.getTotalSize()).isEqualTo(1);
		}
		assertThat(as(TestTokens.service()).listOrganisations(search("nobody")).getOrganisationsList()).isEmpty();
	}

	@Test
	void customerSearchingSeesAtMostItsOwnOrganisation() {
		assertThat(as(TestTokens.customer("globex-trading")).listOrganisations(search("acme")).getOrganisationsList())
			.isEmpty();
		assertThat(as(TestTokens.customer("globex-trading")).listOrganisations(search("gav")).getOrganisationsList())
			.extracting(o -> o.getId()).containsExactly("globex-trading");
	}

	@Test
	void searchResultsArePagedWithTheirTotal() {
		organisations.save(Organisation.create("acme-two", "Acme Two", null, "CN"));
		var first = as(TestTokens.staff("agent")).listOrganisations(
				ListOrganisationsRequest.newBuilder().setQuery("acme").setPageSize(1).build());
		assertThat(first.getTotalSize()).isEqualTo(2);
		var second = as(TestTokens.staff("agent")).listOrganisations(ListOrganisationsRequest.newBuilder()
			.setQuery("acme").setPageSize(1).setPageToken(first.getNextPageToken()).build());
		assertThat(second.getOrganisationsList()).extracting(o -> o.getId()).containsExactly("acme-two");
		assertThat(second.getNextPageToken()).isEmpty();
	}

	@Test
	void aTooLongQueryIsInvalidArgument() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).listOrganisations(search("x".repeat(101))))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

	@Test
	void theProfileAndContactDetailsTravelOverGrpc() {
		var acme = as(TestTokens.service()).getOrganisation(get("acme-retail"));
		assertThat(acme.getSizeBand()).isEqualTo(com.rapport.contracts.customer.v1.SizeBand.SIZE_BAND_LARGE);
		assertThat(acme.getRegion()).isEqualTo("East China");
		assertThat(acme.getTagsList()).containsExactly("strategic");
		assertThat(acme.getAccountManager()).isEqualTo("agent.li");
		assertThat(acme.getStatus())
			.isEqualTo(com.rapport.contracts.customer.v1.OrganisationStatus.ORGANISATION_STATUS_ACTIVE);
		assertThat(acme.getExternalId()).isEqualTo("CRM-0001");
		var gavin = as(TestTokens.service()).getOrganisation(get("globex-trading")).getContacts(0);
		assertThat(gavin.getId()).isEqualTo("gavin-1");
		assertThat(gavin.getBirthday()).isEqualTo("1979-02-28");
		assertThat(gavin.getPreferredChannel())
			.isEqualTo(com.rapport.contracts.customer.v1.PreferredChannel.PREFERRED_CHANNEL_SMS);
		assertThat(gavin.getMarketingConsent()).isTrue();
		assertThat(gavin.getSurveyConsent()).isFalse();
		assertThat(gavin.getExternalId()).isEqualTo("G-1");
	}

	@Test
	void anotherServiceReadsTheSummaryWithTheTierInForceAndNothingPersonal() {
		Instant at = Instant.parse("2026-01-01T00:00:00Z");
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		organisations.save(acme.withTiering(com.rapport.customer.organisation.Tier.NORMAL,
				com.rapport.customer.organisation.LifecycleStage.LOYAL, null,
				new TierOverride(com.rapport.customer.organisation.Tier.VIP, "Strategic", LocalDate.of(2099, 1, 1),
						"manager.wang", at)));

		OrganisationSummary summary = as(TestTokens.service())
			.getOrganisationSummary(GetOrganisationSummaryRequest.newBuilder().setOrganisationId("acme-retail").build());

		assertThat(summary).isEqualTo(OrganisationSummary.newBuilder().setId("acme-retail").setName("Acme Retail")
			.setTier(Tier.TIER_VIP).setAccountManager("agent.li")
			.setStatus(com.rapport.contracts.customer.v1.OrganisationStatus.ORGANISATION_STATUS_ACTIVE).build());
	}

	@Test
	void theSummaryIsForServicesAloneAndAnUnknownOrganisationIsNotFound() {
		var acme = GetOrganisationSummaryRequest.newBuilder().setOrganisationId("acme-retail").build();
		for (String token : new String[] { TestTokens.customer("acme-retail"), TestTokens.staff("admin") }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).getOrganisationSummary(acme))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.service()).getOrganisationSummary(
					GetOrganisationSummaryRequest.newBuilder().setOrganisationId("no-such-organisation").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}
}
