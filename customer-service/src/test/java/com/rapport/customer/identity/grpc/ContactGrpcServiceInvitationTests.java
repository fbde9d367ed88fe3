package com.rapport.customer.identity.grpc;

import java.util.List;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.ContactServiceGrpc.ContactServiceBlockingStub;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.InviteContactRequest;
import com.rapport.contracts.customer.v1.RemoveContactRequest;
import com.rapport.contracts.customer.v1.ResendInvitationRequest;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.identity.InMemoryKeycloakAdmin;
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

/** The console's user administration over the in-process transport, with Keycloak in memory. */
@CustomerServiceTest
class ContactGrpcServiceInvitationTests {

	static final String SERVER = CustomerServiceTest.SERVER;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final String ADMIN = TestTokens.staff("admin");

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InMemoryKeycloakAdmin keycloak;

	@BeforeEach
	void setUp() {
		keycloak.reset();
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new com.rapport.customer.organisation.Contact("bo-1", "Bo Zhang", null, "bo.zhang@acme.example", null,
						"zh-CN", "Asia/Shanghai", null, null, false, false, null, null),
				new com.rapport.customer.organisation.Contact("wei-1", "Wei Lin", null, null, "+86 21 5555 0102",
						"zh-CN", "Asia/Shanghai", null, com.rapport.customer.organisation.PreferredChannel.SMS, false,
						false, null, null)));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				new com.rapport.customer.organisation.Contact("gavin-1", "Gavin Wu", null, "gavin@globex.example",
						null, "en", "Asia/Singapore", null, null, false, false, null, null)));
	}

	private static ContactServiceBlockingStub as(String token) {
		ContactServiceBlockingStub stub = ContactServiceGrpc.newBlockingStub(channel);
		return token == null ? stub : stub.withCallCredentials(CallTokens.bearer(token));
	}

	private static OrganisationServiceGrpc.OrganisationServiceBlockingStub organisationsAs(String token) {
		return OrganisationServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static InviteContactRequest invite(String organisationId, String contactId) {
		return InviteContactRequest.newBuilder().setOrganisationId(organisationId).setContactId(contactId).build();
	}

	private static void assertCode(Status.Code code, Runnable call) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(code));
	}

	@Test
	void anAdminInvitesAContactWhoGetsALoginAndTheMail() {
		Contact invited = as(ADMIN).inviteContact(invite("acme-retail", "bo-1"));

		assertThat(invited.getId()).isEqualTo("bo-1");
		assertThat(invited.getHasLogin()).isTrue();
		assertThat(invited.hasInvitedAt()).isTrue();
		assertThat(invited.hasInvitationMailedAt()).isTrue();
		assertThat(keycloak.users.values()).singleElement()
			.satisfies(user -> assertThat(user.customerId()).isEqualTo("acme-retail"));
		assertThat(keycloak.mails).hasSize(1);
		assertThat(organisations.findById("acme-retail").orElseThrow().contact("bo-1").orElseThrow().username())
			.isEqualTo("bo.zhang@acme.example");
	}

	@Test
	void theInvitationFieldsAreForStaffOnly() {
		as(ADMIN).inviteContact(invite("acme-retail", "bo-1"));
		var request = GetOrganisationRequest.newBuilder().setOrganisationId("acme-retail").build();
		assertThat(organisationsAs(TestTokens.staff("agent")).getOrganisation(request).getContacts(0).hasInvitedAt()).isTrue();
		Contact seenByCustomer = organisationsAs(TestTokens.customer("acme-retail")).getOrganisation(request).getContacts(0);
		assertThat(seenByCustomer.getHasLogin()).isFalse();
		assertThat(seenByCustomer.hasInvitedAt()).isFalse();
	}

	@Test
	void aMailThatFailsLeavesTheLoginLinkedAndResendingSendsIt() {
		keycloak.mailServerDown = true;
		Contact invited = as(ADMIN).inviteContact(invite("acme-retail", "bo-1"));
		assertThat(invited.getHasLogin()).isTrue();
		assertThat(invited.hasInvitationMailedAt()).isFalse();

		var resend = ResendInvitationRequest.newBuilder().setOrganisationId("acme-retail").setContactId("bo-1").build();
		assertCode(Status.Code.UNAVAILABLE, () -> as(ADMIN).resendInvitation(resend));
		keycloak.mailServerDown = false;
		assertThat(as(ADMIN).resendInvitation(resend).hasInvitationMailedAt()).isTrue();
		assertThat(keycloak.mails).hasSize(1);
	}

	@Test
	void theInvitationErrorsAreTheDocumentedCodes() {
		assertCode(Status.Code.INVALID_ARGUMENT, () -> as(ADMIN).inviteContact(invite("acme-retail", "wei-1")));
		as(ADMIN).inviteContact(invite("acme-retail", "bo-1"));
		assertCode(Status.Code.ABORTED, () -> as(ADMIN).inviteContact(invite("acme-retail", "bo-1")));
		assertCode(Status.Code.NOT_FOUND, () -> as(ADMIN).inviteContact(invite("acme-retail", "gavin-1")));
		assertCode(Status.Code.NOT_FOUND, () -> as(ADMIN).inviteContact(invite("initech", "bo-1")));
		keycloak.down = true;
		assertCode(Status.Code.UNAVAILABLE, () -> as(ADMIN).inviteContact(invite("globex-trading", "gavin-1")));
		assertThat(organisations.findById("globex-trading").orElseThrow().contact("gavin-1").orElseThrow().username())
			.isNull();
	}

	@Test
	void removingAContactDisablesItsLoginAndTheContactIsGone() {
		Contact invited = as(ADMIN).inviteContact(invite("acme-retail", "bo-1"));
		String userId = keycloak.users.keySet().iterator().next();

		as(ADMIN).removeContact(RemoveContactRequest.newBuilder().setOrganisationId("acme-retail")
			.setContactId(invited.getId()).build());

		assertThat(keycloak.users.get(userId).enabled()).isFalse();
		assertThat(organisations.findById("acme-retail").orElseThrow().contact("bo-1")).isEmpty();
		assertCode(Status.Code.NOT_FOUND, () -> as(ADMIN).removeContact(RemoveContactRequest.newBuilder()
			.setOrganisationId("acme-retail").setContactId("bo-1").build()));
	}

	@Test
	void everyoneButAdminsIsDeniedBeforeAnyLookUp() {
		var resend = ResendInvitationRequest.newBuilder().setOrganisationId("initech").setContactId("x").build();
		var remove = RemoveContactRequest.newBuilder().setOrganisationId("initech").setContactId("x").build();
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("manager"), TestTokens.service(),
				TestTokens.customer("acme-retail"), TestTokens.partner("customers.read customers.write"))) {
			// An unknown organisation: the answer is the same as for a known one, so nothing can be probed.
			assertCode(Status.Code.PERMISSION_DENIED, () -> as(token).inviteContact(invite("initech", "x")));
			assertCode(Status.Code.PERMISSION_DENIED, () -> as(token).inviteContact(invite("acme-retail", "bo-1")));
			assertCode(Status.Code.PERMISSION_DENIED, () -> as(token).resendInvitation(resend));
			assertCode(Status.Code.PERMISSION_DENIED, () -> as(token).removeContact(remove));
		}
		assertCode(Status.Code.UNAUTHENTICATED, () -> as(null).inviteContact(invite("acme-retail", "bo-1")));
		assertThat(keycloak.users).isEmpty();
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(2);
	}
}
