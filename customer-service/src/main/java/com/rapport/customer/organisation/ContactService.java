package com.rapport.customer.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reads and changes an organisation's contacts for a caller, under {@link CustomerAccess}: readers of the
 * organisation read its contacts, writers change them, and only staff link a contact to a portal login.
 * Every stored change is audited with the names of the fields it changed ({@link OrganisationWrites}).
 */
@Service
public class ContactService {

	private final OrganisationService organisations;

	private final OrganisationWrites writes;

	private final OrganisationRepository repository;

	public ContactService(OrganisationService organisations, OrganisationRepository repository, AuditTrail audit) {
		this.organisations = organisations;
		this.writes = new OrganisationWrites(repository, audit);
		this.repository = repository;
	}

	/** A contact found by its email, with its organisation's id. */
	public record OrganisationContact(String organisationId, Contact contact) {
	}

	/**
	 * The contacts whose email is {@code email} (case-insensitive), for the other services only (ticket-service's
	 * support mailbox), refused to everyone else before any look-up. Read from the search keys' index (an address
	 * is one of an organisation's keys), then the address compared exactly.
	 */
	public List<OrganisationContact> contactsByEmail(Caller caller, String email) {
		if (!CustomerAccess.isInternal(caller)) {
			throw new AccessDeniedException("Finding contacts by email is for the other services");
		}
		if (email == null || email.isBlank() || !email.contains("@")) {
			return List.of();
		}
		String wanted = email.strip();
		return repository.findTop20BySearchKeys(SearchKeys.normalise(wanted)).stream()
			.flatMap(organisation -> organisation.contacts().stream()
				.filter(contact -> contact.email() != null && contact.email().strip().equalsIgnoreCase(wanted))
				.map(contact -> new OrganisationContact(organisation.id(), contact)))
			.toList();
	}

	public List<Contact> contacts(Caller caller, String organisationId) {
		return organisations.get(caller, organisationId).contacts();
	}

	public Contact contact(Caller caller, String organisationId, String contactId) {
		return organisations.get(caller, organisationId).contact(contactId)
			.orElseThrow(() -> OrganisationWrites.contactNotFound(contactId));
	}

	public Contact addContact(Caller caller, String organisationId, ContactInput input) {
		CustomerAccess.requireWrite(caller);
		Organisation current = writes.forWrite(organisationId);
		Contact contact = ProfileRules.contact(null, UUID.randomUUID().toString(), checkedInput(caller, input));
		Contact saved = saveContact(current, contact, true);
		writes.recordContact(caller, organisationId, null, saved);
		return saved;
	}

	public Contact updateContact(Caller caller, String organisationId, String contactId, ContactInput input) {
		CustomerAccess.requireWrite(caller);
		Organisation current = writes.forWrite(organisationId);
		Contact existing = current.contact(contactId).orElseThrow(() -> OrganisationWrites.contactNotFound(contactId));
		Contact saved = saveContact(current, ProfileRules.contact(existing, null, checkedInput(caller, input)), false);
		writes.recordContact(caller, organisationId, existing, saved);
		return saved;
	}

	/** Creates or changes the contact a partner knows by {@code externalId} within the organisation. */
	public Upsert<Contact> upsertContactByExternalId(Caller caller, String organisationId, String externalId,
			ContactInput input) {
		CustomerAccess.requireWrite(caller);
		ExternalIds.requireExternalIdPath(externalId, input.externalId());
		ContactInput withKey = new ContactInput(input.name(), input.jobTitle(), input.email(), input.phone(),
				input.language(), input.timeZone(), input.birthday(), input.preferredChannel(),
				input.marketingConsent(), input.surveyConsent(), externalId, input.username());
		return OrganisationWrites.retryingRaces(() -> {
			Organisation current = writes.forWrite(organisationId);
			var existing = current.contactByExternalId(externalId);
			Contact merged = ProfileRules.contact(existing.orElse(null), UUID.randomUUID().toString(),
					checkedInput(caller, withKey));
			Contact saved = saveContact(current, merged, existing.isEmpty());
			writes.recordContact(caller, organisationId, existing.orElse(null), saved);
			return new Upsert<>(saved, existing.isEmpty());
		});
	}

	/**
	 * Changes one contact by a rule of another feature (an invitation links a login): {@code change} gets the
	 * contact as stored and answers it changed; when another edit wins the race it is applied again to a fresh
	 * read. No caller check: the calling feature decides who may before it calls.
	 */
	public Contact changeContact(String organisationId, String contactId, UnaryOperator<Contact> change) {
		return OrganisationWrites.retryingRaces(() -> {
			Organisation current = writes.forWrite(organisationId);
			Contact before = current.contact(contactId).orElseThrow(() -> OrganisationWrites.contactNotFound(contactId));
			Contact after = change.apply(before);
			List<Contact> contacts = new ArrayList<>(current.contacts());
			contacts.replaceAll(c -> c.id().equals(contactId) ? after : c);
			return writes.saveIfChanged(current, current.withContacts(contacts)).contact(contactId).orElseThrow();
		});
	}

	/**
	 * Removes a contact from its organisation, and so from the search. {@code beforeRemoval} gets the contact
	 * first (identity disables its login there); if it fails, nothing is removed. Answers the removed contact.
	 */
	public Contact removeContact(Caller caller, String organisationId, String contactId,
			Consumer<Contact> beforeRemoval) {
		CustomerAccess.requireWrite(caller);
		Contact removed = writes.forWrite(organisationId).contact(contactId)
			.orElseThrow(() -> OrganisationWrites.contactNotFound(contactId));
		beforeRemoval.accept(removed);
		OrganisationWrites.retryingRaces(() -> {
			Organisation current = writes.forWrite(organisationId);
			List<Contact> rest = current.contacts().stream().filter(c -> !c.id().equals(contactId)).toList();
			return writes.saveIfChanged(current, current.withContacts(rest));
		});
		return removed;
	}

	private Contact saveContact(Organisation current, Contact contact, boolean adding) {
		if (contact.externalId() != null && current.contacts().stream()
			.anyMatch(c -> !c.id().equals(contact.id()) && contact.externalId().equals(c.externalId()))) {
			throw UnprocessableException.field(Message.of("contact.external-id-taken"), "externalId",
					Message.of("contact.external-id.taken"));
		}
		List<Contact> contacts = new ArrayList<>(current.contacts());
		if (adding) {
			if (contacts.size() >= ProfileRules.MAX_CONTACTS) {
				throw UnprocessableException.field(Message.of("contact.too-many"), "contacts",
						Message.of("contact.contacts.at-most", ProfileRules.MAX_CONTACTS));
			}
			contacts.add(contact);
		}
		else {
			contacts.replaceAll(c -> c.id().equals(contact.id()) ? contact : c);
		}
		Organisation saved = writes.saveIfChanged(current, current.withContacts(contacts));
		return saved.contact(contact.id()).orElseThrow();
	}

	/** Only staff link a contact to a portal login. */
	static ContactInput checkedInput(Caller caller, ContactInput input) {
		if (input.username() != null && !CustomerAccess.isStaff(caller)) {
			throw UnprocessableException.field(Message.of("contact.username.staff-only"), "username",
					Message.of("contact.username.staff-only.field"));
		}
		return input;
	}
}
