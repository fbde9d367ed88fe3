package com.rapport.customer.identity;

import java.time.Instant;
import java.util.List;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Invitation;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.ContactService;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.audit.AuditTrailAutoConfiguration;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Invitations and removals over the real organisation service and store, with Keycloak in memory. */
@DataMongoTest
@Import({ MongoConfiguration.class, OrganisationService.class, ContactService.class })
@ImportAutoConfiguration({ EmbeddedMongoAutoConfiguration.class, AuditTrailAutoConfiguration.class })
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class InvitationServiceTests {

	static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	ContactService contactService;

	@Autowired
	MongoAuditTrail audit;

	final InMemoryKeycloakAdmin keycloak = new InMemoryKeycloakAdmin();

	InvitationService invitations;

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	static final Caller ADMIN = caller(TestTokens.staff("admin"));

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				new Contact("bo-1", "Bo Zhang", "Warehouse lead", "Bo.Zhang@Acme-Retail.example", null, "zh-CN",
						"Asia/Shanghai", null, null, false, false, null, null),
				new Contact("no-mail-1", "Wei Lin", null, null, "+86 21 5555 0102", "zh-CN", "Asia/Shanghai", null,
						com.rapport.customer.organisation.PreferredChannel.SMS, false, false, null, null),
				Contact.of("Alice Chen", null, "alice@acme.example", null, "en", "UTC", "acme.buyer")));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				new Contact("gavin-1", "Gavin Wu", null, "gavin@globex.example", null, "en", "Asia/Singapore", null,
						null, false, false, null, null)));
		invitations = new InvitationService(contactService, keycloak, new MutableClock(NOW), audit);
	}

	private Contact stored(String organisationId, String contactId) {
		return organisations.findById(organisationId).orElseThrow().contact(contactId).orElseThrow();
	}

	private String aliceId() {
		return organisations.findById("acme-retail").orElseThrow().contacts().get(2).id();
	}

	@Test
	void invitingCreatesTheLoginLinksTheContactAndMailsTheInvitation() {
		NewAuditEntries audited = NewAuditEntries.since(audit);

		Contact invited = invitations.invite(ADMIN, "acme-retail", "bo-1");

		assertThat(keycloak.users.values()).singleElement().satisfies(user -> {
			assertThat(user.username()).isEqualTo("bo.zhang@acme-retail.example");
			assertThat(user.customerId()).isEqualTo("acme-retail");
			assertThat(user.enabled()).isTrue();
		});
		String userId = keycloak.users.keySet().iterator().next();
		assertThat(keycloak.mails).containsExactly(userId);
		assertThat(invited.username()).isEqualTo("bo.zhang@acme-retail.example");
		assertThat(invited.invitation()).isEqualTo(new Invitation(userId, NOW, "staff-admin", NOW));
		assertThat(stored("acme-retail", "bo-1")).isEqualTo(invited);
		assertThat(audited.single()).satisfies(event -> {
			assertThat(event.action()).isEqualTo("contact.invited");
			assertThat(event.actor()).isEqualTo("staff-admin");
			assertThat(event.recordId()).isEqualTo("bo-1");
			assertThat(event.details()).containsEntry("mailed", "true");
		});
	}

	@Test
	void theNameIsSplitIntoFirstAndLastName() {
		assertThat(InvitationService.PersonName.of(" Mary  Ann Smith ")).isEqualTo(
				new InvitationService.PersonName("Mary Ann", "Smith"));
		assertThat(InvitationService.PersonName.of("王芳"))
			.isEqualTo(new InvitationService.PersonName("王芳", null));
	}

	@Test
	void aContactWithoutEmailCannotBeInvited() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", "no-mail-1"))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("email"));
		assertThat(keycloak.users).isEmpty();
	}

	@Test
	void aContactAlreadyLinkedToALoginCannotBeInvited() {
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", aliceId()))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("invitation.already-linked"));
		invitations.invite(ADMIN, "acme-retail", "bo-1");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", "bo-1"));
		assertThat(keycloak.users).hasSize(1);
	}

	@Test
	void anEmailKeycloakAlreadyHasIsAConflictAndNothingIsLinked() {
		keycloak.addUser("bo.zhang@acme-retail.example", "acme-retail");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", "bo-1"));
		assertThat(stored("acme-retail", "bo-1").username()).isNull();
	}

	@Test
	void whenTheMailFailsTheLoginStaysLinkedAndResendingSendsIt() {
		keycloak.mailServerDown = true;
		Contact invited = invitations.invite(ADMIN, "acme-retail", "bo-1");
		assertThat(invited.username()).isEqualTo("bo.zhang@acme-retail.example");
		assertThat(invited.invitation().mailedAt()).as("no mail went out").isNull();
		assertThat(stored("acme-retail", "bo-1")).isEqualTo(invited);
		assertThat(keycloak.mails).isEmpty();

		assertThatExceptionOfType(RemoteUnavailableException.class)
			.isThrownBy(() -> invitations.resend(ADMIN, "acme-retail", "bo-1"));

		keycloak.mailServerDown = false;
		Contact resent = invitations.resend(ADMIN, "acme-retail", "bo-1");
		assertThat(resent.invitation().mailedAt()).isEqualTo(NOW);
		assertThat(keycloak.mails).containsExactly(invited.invitation().keycloakUserId());
	}

	@Test
	void aKeycloakThatIsDownChangesNothing() {
		keycloak.down = true;
		assertThatExceptionOfType(RemoteUnavailableException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", "bo-1"));
		assertThat(stored("acme-retail", "bo-1").username()).isNull();
		assertThatExceptionOfType(RemoteUnavailableException.class)
			.isThrownBy(() -> invitations.removeContact(ADMIN, "acme-retail", aliceId()));
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(3);
	}

	@Test
	void resendingIsOnlyForInvitedContacts() {
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> invitations.resend(ADMIN, "acme-retail", aliceId()));
		Contact invited = invitations.invite(ADMIN, "acme-retail", "bo-1");
		keycloak.users.clear(); // deleted in Keycloak by hand
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> invitations.resend(ADMIN, "acme-retail", "bo-1"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Message.of("invitation.login-gone", "bo-1")));
		assertThat(invited.invitation()).isNotNull();
	}

	@Test
	void removingAnInvitedContactDisablesItsLoginAndDropsItFromTheSearch() {
		Contact invited = invitations.invite(ADMIN, "acme-retail", "bo-1");
		assertThat(organisations.search(List.of("bo"), null, org.springframework.data.domain.Pageable.unpaged()))
			.hasSize(1);

		NewAuditEntries audited = NewAuditEntries.since(audit);
		invitations.removeContact(caller(TestTokens.staff("agent")), "acme-retail", "bo-1");

		assertThat(audited.single().action()).isEqualTo("contact.removed");
		assertThat(keycloak.users.get(invited.invitation().keycloakUserId()).enabled()).isFalse();
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		assertThat(acme.contact("bo-1")).isEmpty();
		assertThat(acme.searchKeys()).doesNotContain("bo", "zhang");
		assertThat(organisations.search(List.of("zhang"), null, org.springframework.data.domain.Pageable.unpaged()))
			.isEmpty();
	}

	@Test
	void removingAContactLinkedByStaffDisablesThatLoginOnlyWhenItIsOfTheSameOrganisation() {
		KeycloakAdmin.KeycloakUser acmeBuyer = keycloak.addUser("acme.buyer", "acme-retail");
		invitations.removeContact(ADMIN, "acme-retail", aliceId());
		assertThat(keycloak.users.get(acmeBuyer.id()).enabled()).isFalse();

		KeycloakAdmin.KeycloakUser staff = keycloak.addUser("agent.li", null);
		contactService.changeContact("globex-trading", "gavin-1", c -> c.withLogin("agent.li", null));
		invitations.removeContact(ADMIN, "globex-trading", "gavin-1");
		assertThat(keycloak.users.get(staff.id()).enabled()).as("not a login of Globex").isTrue();
		assertThat(organisations.findById("globex-trading").orElseThrow().contacts()).isEmpty();
	}

	@Test
	void removingAContactWithoutLoginOrWhoseLoginIsGoneJustRemovesIt() {
		invitations.removeContact(ADMIN, "acme-retail", "no-mail-1");
		Contact invited = invitations.invite(ADMIN, "acme-retail", "bo-1");
		keycloak.users.remove(invited.invitation().keycloakUserId());
		invitations.removeContact(ADMIN, "acme-retail", "bo-1");
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(1);
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "initech", "bo-1"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", "nobody"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.resend(ADMIN, "acme-retail", "nobody"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.removeContact(ADMIN, "acme-retail", "nobody"));
		assertThat(keycloak.users).isEmpty();
	}

	@Test
	void aContactOfAnotherOrganisationIsNotFoundUnderThisOne() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.invite(ADMIN, "acme-retail", "gavin-1"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.resend(ADMIN, "acme-retail", "gavin-1"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> invitations.removeContact(ADMIN, "acme-retail", "gavin-1"));
		assertThat(organisations.findById("globex-trading").orElseThrow().contacts()).hasSize(1);
		assertThat(keycloak.users).isEmpty();
	}

	@Test
	void onlyAdminsInviteAndResendAndOnlyWritersRemove() {
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("manager"), TestTokens.service(),
				TestTokens.customer("acme-retail"), TestTokens.partner("customers.read customers.write"))) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> invitations.invite(caller(token), "acme-retail", "bo-1"));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> invitations.resend(caller(token), "acme-retail", "bo-1"));
		}
		for (String token : List.of(TestTokens.service(), TestTokens.customer("acme-retail"),
				TestTokens.partner("customers.read"))) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> invitations.removeContact(caller(token), "acme-retail", "bo-1"));
		}
		assertThat(keycloak.users).isEmpty();
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).hasSize(3);
	}
}
