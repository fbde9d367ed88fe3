package com.rapport.customer.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Invitation;
import com.rapport.customer.organisation.ContactService;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Portal logins for contacts. An admin invites a contact: Keycloak gets a user (user name = the contact's
 * email in lower case, {@code customer_id} = the organisation), the contact is linked to it, and Keycloak
 * mails the link with which the contact sets a password. A mail that fails leaves the login linked (the
 * contact shows no {@code mailedAt}) for {@link #resend}. Removing a contact disables its login first, so a
 * removed contact cannot sign in; if Keycloak does not answer, nothing is removed.
 */
@Service
public class InvitationService {

	private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

	private final ContactService contacts;

	private final KeycloakAdmin keycloak;

	private final Clock clock;

	private final AuditTrail audit;

	public InvitationService(ContactService contacts, KeycloakAdmin keycloak, Clock clock,
			AuditTrail audit) {
		this.contacts = contacts;
		this.keycloak = keycloak;
		this.clock = clock;
		this.audit = audit;
	}

	/** Inviting, resending and removing over gRPC are the admins' (the console's user administration). */
	public static void requireAdmin(Caller caller) {
		if (!caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Only admins manage contacts' portal logins");
		}
	}

	/** Gives the contact a portal login and mails the invitation; answers the contact, linked. */
	public Contact invite(Caller caller, String organisationId, String contactId) {
		requireAdmin(caller);
		Contact contact = contacts.contact(caller, organisationId, contactId);
		if (contact.email() == null || contact.email().isBlank()) {
			throw UnprocessableException.field(Message.of("invitation.no-email"), "email",
					Message.of("invitation.email.required"));
		}
		if (contact.username() != null) {
			throw alreadyLinked(contact);
		}
		String email = contact.email().strip();
		String username = email.toLowerCase(Locale.ROOT);
		PersonName name = PersonName.of(contact.name());
		String userId = keycloak.createUser(
				new KeycloakAdmin.NewUser(username, email, name.first(), name.last(), organisationId));
		Contact linked;
		try {
			Invitation invitation = new Invitation(userId, now(), caller.name(), null);
			linked = contacts.changeContact(organisationId, contactId, current -> {
				if (current.username() != null) { // linked by someone else meanwhile
					throw alreadyLinked(current);
				}
				return current.withLogin(username, invitation);
			});
		}
		catch (RuntimeException ex) {
			forget(userId);
			throw ex;
		}
		Contact answer;
		try {
			answer = mailed(organisationId, linked);
		}
		catch (RemoteUnavailableException | ConflictException | NotFoundException ex) {
			log.warn("The invitation mail to contact {} of {} was not sent ({}); the login {} stays linked, "
					+ "resend the invitation", contactId, organisationId, ex.getMessage(), username);
			answer = linked;
		}
		audit.record(caller, "contact.invited", "contact", contactId, organisationId,
				Map.of("mailed", String.valueOf(answer.invitation().mailedAt() != null)));
		return answer;
	}

	/** Mails the invitation of an invited contact again. */
	public Contact resend(Caller caller, String organisationId, String contactId) {
		requireAdmin(caller);
		Contact contact = contacts.contact(caller, organisationId, contactId);
		if (contact.invitation() == null) {
			throw new ConflictException(Message.of("invitation.never-invited", contactId));
		}
		try {
			Contact mailed = mailed(organisationId, contact);
			audit.record(caller, "invitation.resent", "contact", contactId, organisationId, Map.of());
			return mailed;
		}
		catch (NotFoundException ex) {
			throw new ConflictException(Message.of("invitation.login-gone", contactId));
		}
	}

	/**
	 * Removes the contact from its organisation, disabling its portal login first (the Keycloak user stays,
	 * disabled, for the record; erasing it is a separate step). Callers as for other contact writes.
	 */
	public void removeContact(Caller caller, String organisationId, String contactId) {
		contacts.removeContact(caller, organisationId, contactId,
				contact -> disableLogin(organisationId, contact));
		audit.record(caller, "contact.removed", "contact", contactId, organisationId, Map.of());
	}

	private void disableLogin(String organisationId, Contact contact) {
		if (contact.invitation() != null && contact.invitation().keycloakUserId() != null) {
			if (!keycloak.disableUser(contact.invitation().keycloakUserId())) {
				log.info("The login of removed contact {} was already gone from Keycloak", contact.id());
			}
			return;
		}
		if (contact.username() == null) {
			return;
		}
		// Linked by staff, not invited: only a login of this very organisation is disabled, so that a mistyped
		// link never disables a stranger's (or a staff member's) login.
		keycloak.findUserByUsername(contact.username()).ifPresent(user -> {
			if (organisationId.equals(user.customerId())) {
				keycloak.disableUser(user.id());
			}
			else {
				log.warn("Contact {} of {} was linked to login {}, whose customer_id is {}: left enabled",
						contact.id(), organisationId, user.username(), user.customerId());
			}
		});
	}

	private Contact mailed(String organisationId, Contact contact) {
		keycloak.sendInvitation(contact.invitation().keycloakUserId());
		var at = now();
		return contacts.changeContact(organisationId, contact.id(),
				current -> current.invitation() == null ? current
						: current.withLogin(current.username(), current.invitation().mailed(at)));
	}

	/** Milliseconds, as BSON stores them: what a call answers equals what a later read returns. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** Undoes a user made for a link that could not be stored, so that inviting again is not refused. */
	private void forget(String userId) {
		try {
			keycloak.deleteUser(userId);
		}
		catch (RuntimeException ex) {
			log.error("Keycloak user {} was made for an invitation that failed and could not be deleted: delete "
					+ "it by hand before inviting the contact again", userId, ex);
		}
	}

	/**
	 * First and last name for Keycloak from the contact's one name field: the last word is the family name
	 * ("Alice Chen"); a name of one word ("王芳") is all first name, and Keycloak asks for the rest at sign-in.
	 */
	record PersonName(String first, String last) {

		static PersonName of(String name) {
			String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
			int space = trimmed.lastIndexOf(' ');
			if (space < 0) {
				return new PersonName(trimmed.isEmpty() ? null : trimmed, null);
			}
			return new PersonName(trimmed.substring(0, space), trimmed.substring(space + 1));
		}
	}

	private static ConflictException alreadyLinked(Contact contact) {
		return new ConflictException(Message.of("invitation.already-linked", contact.id()));
	}
}
