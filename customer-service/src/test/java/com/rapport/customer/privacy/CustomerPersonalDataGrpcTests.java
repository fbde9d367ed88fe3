package com.rapport.customer.privacy;

import java.time.Instant;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.rapport.contracts.customer.v1.DataSubjectServiceGrpc;
import com.rapport.contracts.customer.v1.GetDataSubjectRequest;
import com.rapport.contracts.privacy.v1.ErasePersonalDataRequest;
import com.rapport.contracts.privacy.v1.ErasePersonalDataResponse;
import com.rapport.contracts.privacy.v1.ExportPersonalDataRequest;
import com.rapport.contracts.privacy.v1.ExportPersonalDataResponse;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.identity.InMemoryKeycloakAdmin;
import com.rapport.customer.identity.KeycloakAdmin;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A contact's right to see and to erase what customer-service holds about them, over the in-process transport. */
@CustomerServiceTest
class CustomerPersonalDataGrpcTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Subject ALICE = Subject.newBuilder().setOrganisationId("acme-retail").setContactId("alice-1")
		.setName("Alice Chen").setEmail("alice@acme.example").setUsername("alice.chen").build();

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	MongoAuditTrail audit;

	@Autowired
	InMemoryKeycloakAdmin keycloak;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example", "+86 21 5555 0101", "zh-CN",
						"Asia/Shanghai", java.time.LocalDate.of(1985, 4, 12),
						com.rapport.customer.organisation.PreferredChannel.EMAIL, true, true, "crm-7", "alice.chen"),
				Contact.of("Bob Li", null, "bob@acme.example", null, "en", "Asia/Shanghai", null)));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG"));
		interactions.save(interaction("consent-1", "contact:alice-1", "Alice Chen gave consent to surveys",
				Map.of("contact_id", "alice-1")));
		interactions.save(interaction("order-1", "order:o-1", "Order PO-1 placed", Map.of()));
		keycloak.users.clear();
		keycloak.createUser(new KeycloakAdmin.NewUser("alice.chen", "alice@acme.example", "Alice", "Chen", "acme-retail"));
	}

	private static Interaction interaction(String eventId, String reference, String summary,
			Map<String, String> attributes) {
		return new Interaction(null, "customer-service", eventId, "acme-retail", InteractionKind.CARE_EVENT,
				Instant.parse("2026-11-01T08:00:00Z"), summary, reference, attributes, Instant.parse("2026-11-01T08:00:01Z"));
	}

	private static PersonalDataGrpc.PersonalDataBlockingStub as(String token) {
		return PersonalDataGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static ExportPersonalDataResponse export(Subject subject) {
		return as(TestTokens.staff("admin")).exportPersonalData(
				ExportPersonalDataRequest.newBuilder().setSubject(subject).build());
	}

	private static ErasePersonalDataResponse erase(Subject subject) {
		return as(TestTokens.staff("admin")).erasePersonalData(
				ErasePersonalDataRequest.newBuilder().setSubject(subject).build());
	}

	@Test
	void anAdminExportsTheContactsRecordAndTheTimelineEntriesAboutThem() {
		ExportPersonalDataResponse export = export(ALICE);

		assertThat(export.getService()).isEqualTo("customer-service");
		assertThat(export.getRecords()).isEqualTo(3);
		String json = export.getJson();
		assertThat(JsonPath.<String>read(json, "$.contacts[0].contact.email")).isEqualTo("alice@acme.example");
		assertThat(JsonPath.<String>read(json, "$.contacts[0].contact.birthday")).isEqualTo("1985-04-12");
		assertThat(JsonPath.<String>read(json, "$.contacts[0].organisationName")).isEqualTo("Acme Retail");
		assertThat(JsonPath.<String>read(json, "$.interactions[0].summary")).contains("gave consent");
		assertThat(json).doesNotContain("Bob Li").doesNotContain("PO-1");
		assertThat(JsonPath.<String>read(json, "$.logins[0].username")).isEqualTo("alice.chen");
	}

	@Test
	void erasingDeletesThePortalLoginOfThatOrganisationOnly() {
		erase(ALICE);
		assertThat(keycloak.users).isEmpty();

		// A login of the same name that belongs elsewhere (a mistyped link) is not the subject's.
		keycloak.createUser(new KeycloakAdmin.NewUser("alice.chen", "alice@globex.example", "Alice", "Chen",
				"globex-trading"));
		organisations.deleteById("acme-retail");
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				Contact.of("Alice Chen", null, null, null, "en", "UTC", "alice.chen")));
		erase(ALICE);
		assertThat(keycloak.users).hasSize(1);
	}

	@Test
	void exportsAndErasuresAreOnTheAuditTrailWithoutThePersonsData() {
		NewAuditEntries before = NewAuditEntries.since(audit);

		export(ALICE);
		erase(ALICE);

		var events = before.events();
		assertThat(events).extracting(AuditEvent::action).containsExactly("personal-data.exported",
				"personal-data.erased");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.actor()).isEqualTo(TestTokens.decoder().decode(TestTokens.staff("admin"))
				.getClaimAsString("preferred_username"));
			assertThat(event.recordId()).isEqualTo("alice-1");
			assertThat(event.organisationId()).isEqualTo("acme-retail");
			assertThat(event.details().toString()).doesNotContain("Alice").doesNotContain("alice@");
		});
		assertThat(events.get(1).details()).containsEntry("deleted", "2").containsEntry("anonymised", "1");
	}

	@Test
	void erasingRemovesTheContactAndTakesTheNameOutOfTheTimelineOnce() {
		ErasePersonalDataResponse first = erase(ALICE);

		assertThat(first.getRecordsDeleted()).as("the login and the contact").isEqualTo(2);
		assertThat(first.getRecordsAnonymised()).isEqualTo(1);
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		assertThat(acme.contacts()).extracting(Contact::name).containsExactly("Bob Li");
		assertThat(acme.searchKeys()).noneMatch(key -> key.contains("alice"));
		assertThat(interactions.findAll()).extracting(Interaction::summary)
			.containsExactlyInAnyOrder("[erased contact] gave consent to surveys", "Order PO-1 placed");

		ErasePersonalDataResponse again = erase(ALICE);
		assertThat(again.getRecordsDeleted() + again.getRecordsAnonymised()).isZero();
		assertThat(export(ALICE).getJson()).doesNotContain("Alice").doesNotContain("alice@acme.example");
	}

	@Test
	void aContactIsOnlyFoundUnderItsOwnOrganisation() {
		Subject wrongOrganisation = ALICE.toBuilder().setOrganisationId("globex-trading").build();

		assertThat(export(wrongOrganisation).getRecords()).isZero();
		assertThat(erase(wrongOrganisation).getRecordsDeleted()).isZero();
		assertThat(organisations.findById("acme-retail").orElseThrow().contact("alice-1")).isPresent();
	}

	@Test
	void theSubjectCarriesEveryIdentifierOtherServicesMayHold() {
		Subject subject = DataSubjectServiceGrpc.newBlockingStub(channel)
			.withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")))
			.getDataSubject(GetDataSubjectRequest.newBuilder().setOrganisationId("acme-retail").setContactId("alice-1")
				.build());

		assertThat(subject).isEqualTo(ALICE.toBuilder().setPhone("+86 21 5555 0101").build());
	}

	@Test
	void aContactOfAnotherOrganisationIsNoSubjectThere() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> DataSubjectServiceGrpc.newBlockingStub(channel)
				.withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")))
				.getDataSubject(GetDataSubjectRequest.newBuilder().setOrganisationId("globex-trading")
					.setContactId("alice-1").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void onlyAdminsExportOrErase() {
		for (String token : new String[] { TestTokens.staff("agent"), TestTokens.staff("manager"),
				TestTokens.service(), TestTokens.customer("acme-retail") }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThat(organisations.findById("acme-retail").orElseThrow().contact("alice-1")).isPresent();
	}

	@Test
	void aSubjectWithoutItsIdsIsInvalidAndChangesNothing() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> erase(ALICE.toBuilder().clearContactId().build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("incomplete");
			});
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(2);
	}
}
