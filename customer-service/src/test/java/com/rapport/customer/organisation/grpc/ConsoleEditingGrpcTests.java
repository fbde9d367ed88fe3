package com.rapport.customer.organisation.grpc;

import com.google.rpc.BadRequest;
import com.rapport.contracts.customer.v1.AddContactRequest;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.RemoveTierOverrideRequest;
import com.rapport.contracts.customer.v1.SetTierOverrideRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.CreateOrganisationRequest;
import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.OrganisationStatus;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.contracts.customer.v1.UpdateContactRequest;
import com.rapport.contracts.customer.v1.UpdateOrganisationRequest;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The console's editing of organisations, contacts and tier overrides, over the in-process transport. */
@CustomerServiceTest
class ConsoleEditingGrpcTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	MongoAuditTrail audit;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example", null, "zh-CN", "Asia/Shanghai", null,
						com.rapport.customer.organisation.PreferredChannel.PORTAL, true, true, "CRM-1", "acme.buyer")));
	}

	private static OrganisationServiceGrpc.OrganisationServiceBlockingStub as(String token) {
		return OrganisationServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static ContactServiceGrpc.ContactServiceBlockingStub contactsAs(String token) {
		return ContactServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static TieringPolicyServiceGrpc.TieringPolicyServiceBlockingStub tieringAs(String token) {
		return TieringPolicyServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static OrganisationServiceGrpc.OrganisationServiceBlockingStub agent() {
		return as(TestTokens.staff("agent"));
	}

	@Test
	void anAgentCreatesAnOrganisationWithItsProfileAndItIsAudited() {
		NewAuditEntries audited = NewAuditEntries.since(audit);

		var created = agent().createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisationId("initech")
			.setFields(OrganisationFields.newBuilder().setName("Initech").setCountry("DE").setRegion("Berlin")
				.setSizeBand(SizeBand.SIZE_BAND_SMALL).addTags("logistics").setAccountManager("agent.li"))
			.build());

		assertThat(created.getId()).isEqualTo("initech");
		assertThat(created.getSizeBand()).isEqualTo(SizeBand.SIZE_BAND_SMALL);
		assertThat(created.getStatus()).isEqualTo(OrganisationStatus.ORGANISATION_STATUS_ACTIVE);
		assertThat(audited.single().action()).isEqualTo("organisation.created");
	}

	@Test
	void everyBadFieldIsNamedForTheFormAndNothingIsStored() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> contactsAs(TestTokens.staff("agent")).addContact(AddContactRequest.newBuilder()
				.setOrganisationId("acme-retail")
				.setFields(ContactFields.newBuilder().setName("Bo Zhang").setEmail("not-an-email")
					.setTimeZone("Mars/Olympus").setLanguage("fr"))
				.build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				BadRequest badRequest = StatusProto.fromThrowable(ex).getDetails(0).unpack(BadRequest.class);
				assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
					.containsExactlyInAnyOrder("email", "timeZone", "language");
			});
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(1);
	}

	@Test
	void anEditBasedOnAnOldVersionIsRefusedSoNothingIsOverwritten() {
		long version = organisations.findById("acme-retail").orElseThrow().version();
		var fields = OrganisationFields.newBuilder().setName("Acme Retail Group").setCountry("CN").build();
		agent().updateOrganisation(UpdateOrganisationRequest.newBuilder().setOrganisationId("acme-retail")
			.setFields(fields).setVersion(version).build());

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> agent().updateOrganisation(UpdateOrganisationRequest.newBuilder()
				.setOrganisationId("acme-retail").setFields(fields.toBuilder().setName("Stale Name"))
				.setVersion(version).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
		assertThat(organisations.findById("acme-retail").orElseThrow().name()).isEqualTo("Acme Retail Group");
	}

	@Test
	void editingAContactKeepsWhatTheFormDoesNotCarry() {
		var updated = contactsAs(TestTokens.staff("agent")).updateContact(UpdateContactRequest.newBuilder()
			.setOrganisationId("acme-retail")
			.setContactId("alice-1").setFields(ContactFields.newBuilder().setName("Alice Chen").setJobTitle("")
				.setEmail("alice.chen@acme.example").setLanguage("en").setTimeZone("Europe/Berlin")
				.setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_EMAIL))
			.build());

		assertThat(updated.getJobTitle()).isEmpty();
		assertThat(updated.getEmail()).isEqualTo("alice.chen@acme.example");
		Contact stored = organisations.findById("acme-retail").orElseThrow().contact("alice-1").orElseThrow();
		assertThat(stored.marketingConsent()).as("consents are the contact's own").isTrue();
		assertThat(stored.externalId()).isEqualTo("CRM-1");
		assertThat(stored.username()).isEqualTo("acme.buyer");
	}

	@Test
	void aManagerOverridesTheTierWithAReasonAndEndsItAndStaffSeeWhy() {
		var overridden = tieringAs(TestTokens.staff("manager")).setTierOverride(SetTierOverrideRequest.newBuilder()
			.setOrganisationId("acme-retail").setTier(Tier.TIER_VIP).setReason("Strategic account for 2027")
			.setEndDate("2099-12-31").build());

		assertThat(overridden.getTier()).isEqualTo(Tier.TIER_VIP);
		assertThat(overridden.getTierOverride().getActive()).isTrue();
		assertThat(overridden.getTierOverride().getReason()).isEqualTo("Strategic account for 2027");
		assertThat(overridden.getTierReason().getComputedTier()).isEqualTo(Tier.TIER_NORMAL);
		assertThat(overridden.getTierReason().getHasOrders()).isFalse();
		var asCustomer = as(TestTokens.customer("acme-retail"))
			.getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId("acme-retail").build());
		assertThat(asCustomer.hasTierOverride()).as("the reasons are the supplier's").isFalse();
		assertThat(asCustomer.hasTierReason()).isFalse();

		var ended = tieringAs(TestTokens.staff("manager")).removeTierOverride(RemoveTierOverrideRequest.newBuilder()
			.setOrganisationId("acme-retail").build());
		assertThat(ended.getTier()).isEqualTo(Tier.TIER_NORMAL);
		assertThat(ended.hasTierOverride()).isFalse();
	}

	@Test
	void anOverrideNeedsAManagerAndAReason() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> tieringAs(TestTokens.staff("agent")).setTierOverride(SetTierOverrideRequest.newBuilder()
				.setOrganisationId("acme-retail")
				.setTier(Tier.TIER_VIP).setReason("because").setEndDate("2099-12-31").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> tieringAs(TestTokens.staff("manager")).setTierOverride(SetTierOverrideRequest.newBuilder()
				.setOrganisationId("acme-retail").setTier(Tier.TIER_VIP).setEndDate("2001-01-01").build()))
			.satisfies(ex -> assertThat(StatusProto.fromThrowable(ex).getDetails(0).unpack(BadRequest.class)
				.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
				.contains("reason", "endDate"));
	}

	@Test
	void customersAndServicesCannotEdit() {
		for (String token : new String[] { TestTokens.customer("acme-retail"), TestTokens.service() }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> contactsAs(token).updateContact(UpdateContactRequest.newBuilder()
					.setOrganisationId("acme-retail").setContactId("alice-1")
					.setFields(ContactFields.newBuilder().setName("Mallory")).build()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThat(organisations.findById("acme-retail").orElseThrow().contact("alice-1").orElseThrow().name())
			.isEqualTo("Alice Chen");
	}
}
