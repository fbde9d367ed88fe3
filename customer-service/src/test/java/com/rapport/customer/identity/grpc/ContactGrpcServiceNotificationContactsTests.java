package com.rapport.customer.identity.grpc;

import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.FindContactsByEmailRequest;
import com.rapport.contracts.customer.v1.ListNotificationContactsRequest;
import com.rapport.contracts.customer.v1.NotificationContact;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.grpc.CallTokens;
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

/** order-tracking-service asking who to notify, over the in-process transport with the real security. */
@CustomerServiceTest
class ContactGrpcServiceNotificationContactsTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	OrganisationRepository organisations;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new Contact("alice-1", "Alice Chen", "Buyer", "alice@acme.example", "+86 21 5555 0101", "zh-CN",
						"Asia/Shanghai", null, com.rapport.customer.organisation.PreferredChannel.EMAIL, true, false, null,
						"Acme.Buyer"),
				new Contact("bob-1", "Bob Li", null, null, "+86 21 5555 0102", "en", "Asia/Shanghai", null,
						com.rapport.customer.organisation.PreferredChannel.SMS, false, true, null, null)));
	}

	private static ContactServiceGrpc.ContactServiceBlockingStub as(String token) {
		return ContactServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static ListNotificationContactsRequest of(String organisation) {
		return ListNotificationContactsRequest.newBuilder().setOrganisationId(organisation).build();
	}

	@Test
	void aServiceGetsEachContactsAddressLanguageZoneChannelSurveyConsentLoginAndPhone() {
		var contacts = as(TestTokens.service()).listNotificationContacts(of("acme-retail"))
			.getContactsList();
		assertThat(contacts).containsExactly(
				NotificationContact.newBuilder().setId("alice-1").setName("Alice Chen").setEmail("alice@acme.example")
					.setLanguage("zh-CN").setTimeZone("Asia/Shanghai").setLogin("acme.buyer")
					.setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_EMAIL).setPhone("+86 21 5555 0101").build(),
				NotificationContact.newBuilder().setId("bob-1").setName("Bob Li").setLanguage("en")
					.setTimeZone("Asia/Shanghai").setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_SMS)
					.setSurveyConsent(true).setPhone("+86 21 5555 0102").build());
	}

	@Test
	void staffAndTheOrganisationsOwnContactsAreRefusedBeforeAnyLookUp() {
		for (String token : new String[] { TestTokens.staff("admin"), TestTokens.customer("acme-retail") }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).listNotificationContacts(of("no-such-organisation")))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
	}

	@Test
	void aServiceFindsTheContactsOfAnAddressWhateverItsCaseWithTheirOrganisation() {
		var found = as(TestTokens.service())
			.findContactsByEmail(FindContactsByEmailRequest.newBuilder().setEmail(" Alice@ACME.example ").build())
			.getContactsList();
		assertThat(found).singleElement().satisfies(match -> {
			assertThat(match.getOrganisationId()).isEqualTo("acme-retail");
			assertThat(match.getContact().getId()).isEqualTo("alice-1");
			assertThat(match.getContact().getLanguage()).isEqualTo("zh-CN");
			assertThat(match.getContact().getTimeZone()).isEqualTo("Asia/Shanghai");
		});
		// A domain or part of an address is a search key too, but never a contact's address.
		assertThat(as(TestTokens.service())
			.findContactsByEmail(FindContactsByEmailRequest.newBuilder().setEmail("acme.example").build())
			.getContactsList()).isEmpty();
		assertThat(as(TestTokens.service())
			.findContactsByEmail(FindContactsByEmailRequest.newBuilder().setEmail("nobody@acme.example").build())
			.getContactsList()).isEmpty();
	}

	@Test
	void findingContactsByEmailIsRefusedToStaffAndContacts() {
		for (String token : new String[] { TestTokens.staff("admin"), TestTokens.customer("acme-retail") }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).findContactsByEmail(
						FindContactsByEmailRequest.newBuilder().setEmail("alice@acme.example").build()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
	}

	@Test
	void anUnknownOrganisationIsNotFound() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.service()).listNotificationContacts(of("nobody")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}
}
