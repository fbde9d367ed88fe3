package com.rapport.customer.identity.grpc;

import java.util.List;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.ContactServiceGrpc.ContactServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetMyContactRequest;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.ClientAddress;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.MetadataUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The portal's profile page over the in-process transport: a contact reads and changes its own preferences. */
@CustomerServiceTest
class ContactGrpcServiceMyContactTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	/** The customer test tokens' user name is {@code contact-of-<customerId>}. */
	static final String ACME = TestTokens.customer("acme-retail");

	static final String GLOBEX = TestTokens.customer("globex-trading");

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	MongoAuditTrail trail;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new com.rapport.customer.organisation.Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example",
						"+86 21 5555 0101", "zh-CN", "Asia/Shanghai", null,
						com.rapport.customer.organisation.PreferredChannel.EMAIL, true, false, null,
						"contact-of-acme-retail"),
				// Carries the Globex caller's user name, but belongs to Acme: Globex's caller must never get it.
				com.rapport.customer.organisation.Contact.of("Mallory Acme", null, "mallory@acme.example", null, "en",
						"Asia/Shanghai", "contact-of-globex-trading")));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				com.rapport.customer.organisation.Contact.of("Gavin Wu", null, "gavin@globex.example", null, "en",
						"Asia/Singapore", "globex.buyer")));
	}

	private static ContactServiceBlockingStub as(String token) {
		ContactServiceBlockingStub stub = ContactServiceGrpc.newBlockingStub(channel);
		return token == null ? stub : stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static UpdateMyPreferencesRequest.Builder preferences(String language, String timeZone) {
		return UpdateMyPreferencesRequest.newBuilder().setLanguage(language).setTimeZone(timeZone)
			.setMarketingConsent(true);
	}

	private static void assertCode(Status.Code code, Runnable call) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

	private List<Interaction> careEventsOfAcme() {
		return interactions.findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc("acme-retail",
				java.util.Set.of(InteractionKind.CARE_EVENT), Pageable.unpaged()).getContent();
	}

	@Test
	void aPreferenceChangeIsAuditedAsTheContactFromTheAddressThePortalForwarded() {
		NewAuditEntries audited = NewAuditEntries.since(trail);
		Metadata portal = new Metadata();
		portal.put(Metadata.Key.of(ClientAddress.METADATA_NAME, Metadata.ASCII_STRING_MARSHALLER), "198.51.100.7");

		as(ACME).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(portal))
			.updateMyPreferences(preferences("en", "Asia/Shanghai").build());

		AuditEvent event = audited.single();
		assertThat(event.actor()).isEqualTo("contact-of-acme-retail");
		assertThat(event.client()).isEqualTo(TestTokens.PEOPLES_CLIENT);
		assertThat(event.address()).isEqualTo("198.51.100.7");
		assertThat(event.action()).isEqualTo("preferences.updated");
		assertThat(event.recordId()).isEqualTo("alice-1");
		assertThat(event.details()).containsEntry("fields", "language");
	}

	@Test
	void customerReadsTheContactLinkedToItsLogin() {
		Contact me = as(ACME).getMyContact(GetMyContactRequest.getDefaultInstance());
		assertThat(me.getId()).isEqualTo("alice-1");
		assertThat(me.getName()).isEqualTo("Alice Chen");
		assertThat(me.getLanguage()).isEqualTo("zh-CN");
		assertThat(me.getMarketingConsent()).isTrue();
	}

	@Test
	void customerCannotReachAnotherOrganisationsContactWithItsUserName() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(GLOBEX).getMyContact(GetMyContactRequest.getDefaultInstance()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(ex.getStatus().getDescription()).doesNotContain("Mallory").doesNotContain("Acme");
			});
		assertCode(Status.Code.NOT_FOUND, () -> as(GLOBEX).updateMyPreferences(preferences("en", "UTC").build()));
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts().get(1).timeZone())
			.isEqualTo("Asia/Shanghai");
	}

	@Test
	void aCustomerOfAnUnknownOrganisationIsNotFound() {
		assertCode(Status.Code.NOT_FOUND, () -> as(TestTokens.customer("initech"))
			.getMyContact(GetMyContactRequest.getDefaultInstance()));
	}

	@Test
	void staffServicesAndPartnersAreRefusedAndNoTokenIsUnauthenticated() {
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("admin"), TestTokens.service(),
				TestTokens.partner("customers.read customers.write"))) {
			assertCode(Status.Code.PERMISSION_DENIED,
					() -> as(token).getMyContact(GetMyContactRequest.getDefaultInstance()));
			assertCode(Status.Code.PERMISSION_DENIED,
					() -> as(token).updateMyPreferences(preferences("en", "UTC").build()));
		}
		assertCode(Status.Code.UNAUTHENTICATED,
				() -> as(null).updateMyPreferences(preferences("en", "UTC").build()));
	}

	@Test
	void customerChangesItsPreferencesAndNothingElse() {
		Contact updated = as(ACME).updateMyPreferences(preferences("en", "Europe/Berlin")
			.setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_SMS).setSurveyConsent(true).build());
		assertThat(updated.getLanguage()).isEqualTo("en");
		assertThat(updated.getTimeZone()).isEqualTo("Europe/Berlin");
		assertThat(updated.getPreferredChannel()).isEqualTo(PreferredChannel.PREFERRED_CHANNEL_SMS);
		assertThat(updated.getSurveyConsent()).isTrue();
		assertThat(updated.getName()).isEqualTo("Alice Chen");
		assertThat(updated.getEmail()).isEqualTo("alice@acme.example");
		assertThat(as(ACME).getMyContact(GetMyContactRequest.getDefaultInstance())).isEqualTo(updated);
		var stored = organisations.findById("acme-retail").orElseThrow();
		assertThat(stored.contacts().get(1).name()).isEqualTo("Mallory Acme");
		assertThat(stored.name()).isEqualTo("Acme Retail");
	}

	@Test
	void anUnspecifiedChannelKeepsTheCurrentOne() {
		Contact updated = as(ACME).updateMyPreferences(preferences("zh-CN", "Asia/Shanghai").build());
		assertThat(updated.getPreferredChannel()).isEqualTo(PreferredChannel.PREFERRED_CHANNEL_EMAIL);
	}

	@Test
	void badValuesAreInvalidArgumentNamingEachField() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(ACME).updateMyPreferences(preferences("fr", "Mars/Olympus").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("language").contains("timeZone");
			});
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(ACME).updateMyPreferences(preferences("en", "UTC").setPreferredChannelValue(42).build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("preferredChannel");
			});
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts().get(0).language())
			.isEqualTo("zh-CN");
	}

	@Test
	void aWithdrawnConsentIsRecordedOnceInTheTimeline() {
		var withdraw = preferences("zh-CN", "Asia/Shanghai").setMarketingConsent(false).build();
		assertThat(as(ACME).updateMyPreferences(withdraw).getMarketingConsent()).isFalse();
		as(ACME).updateMyPreferences(withdraw);
		assertThat(careEventsOfAcme()).singleElement().satisfies(entry -> {
			assertThat(entry.summary()).isEqualTo("Alice Chen withdrew consent to marketing");
			assertThat(entry.source()).isEqualTo("customer-service");
			assertThat(entry.reference()).isEqualTo("contact:alice-1");
		});
		as(ACME).updateMyPreferences(withdraw.toBuilder().setMarketingConsent(true).build());
		assertThat(careEventsOfAcme()).extracting(Interaction::summary).containsExactlyInAnyOrder(
				"Alice Chen withdrew consent to marketing", "Alice Chen gave consent to marketing");
	}
}
