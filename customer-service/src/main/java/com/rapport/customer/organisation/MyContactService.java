package com.rapport.customer.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.support.audit.AuditDetails;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The signed-in contact's own record, for the portal's profile page. Only a customer caller has one: the
 * contact of its own organisation ({@code customer_id}) whose {@code username} is the caller's user name;
 * no other organisation is ever looked at. The contact changes its language, time zone, preferred channel and
 * consents and nothing else; a consent given or withdrawn is published as a {@link ConsentChanged}, which the timeline records, so the
 * opt-out can be shown later. Each stored change goes to the audit trail with the names of the changed fields.
 */
@Service
public class MyContactService {

	private final OrganisationRepository organisations;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	public MyContactService(OrganisationRepository organisations, ApplicationEventPublisher events, AuditTrail audit) {
		this.organisations = organisations;
		this.events = events;
		this.audit = audit;
	}

	public Contact myContact(Caller caller) {
		Organisation organisation = ownOrganisation(caller);
		return contactOf(organisation, caller);
	}

	/** Changes the preferences only; answers the contact as stored. A lost race is a {@link ConflictException}. */
	public Contact updateMyPreferences(Caller caller, PreferencesInput input) {
		Organisation current = ownOrganisation(caller);
		Contact before = contactOf(current, caller);
		Contact after = ProfileRules.preferences(before, input);
		if (after.equals(before)) {
			return before;
		}
		List<Contact> contacts = new ArrayList<>(current.contacts());
		contacts.replaceAll(c -> c.id().equals(before.id()) ? after : c);
		Organisation saved;
		try {
			saved = organisations.save(current.withContacts(contacts));
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ConflictException(Message.of("contact.own.changed-meanwhile"));
		}
		recordConsent(saved, before, "marketing", before.marketingConsent(), after.marketingConsent());
		recordConsent(saved, before, "surveys", before.surveyConsent(), after.surveyConsent());
		recordConsent(saved, before, "reorder-reminders", before.reorderReminderConsent(),
				after.reorderReminderConsent());
		audit.record(caller, "preferences.updated", "contact", after.id(), saved.id(),
				AuditDetails.fields(AuditDetails.changedFields(before, after)));
		return saved.contact(after.id()).orElseThrow();
	}

	private Organisation ownOrganisation(Caller caller) {
		if (!caller.isCustomer() || caller.customerId().isEmpty()) {
			throw new AccessDeniedException("Only a customer contact has an own contact record");
		}
		return organisations.findById(caller.customerId().get()).orElseThrow(MyContactService::noContact);
	}

	private static Contact contactOf(Organisation organisation, Caller caller) {
		// Keycloak lower-cases user names, while staff may have typed the link in another case.
		return organisation.contacts().stream()
			.filter(c -> c.username() != null && c.username().equalsIgnoreCase(caller.name()))
			.findFirst().orElseThrow(MyContactService::noContact);
	}

	/**
	 * The save's version is part of the event id: the same change recorded twice (a retried call) is one
	 * entry, while giving and withdrawing again later are new entries.
	 */
	private void recordConsent(Organisation saved, Contact contact, String topic, boolean was, boolean is) {
		if (was != is) {
			events.publishEvent(new ConsentChanged(saved.id(), contact.id(), contact.name(), topic, is,
					saved.version(), Instant.now()));
		}
	}

	private static NotFoundException noContact() {
		return new NotFoundException(Message.of("contact.own.none"));
	}
}
