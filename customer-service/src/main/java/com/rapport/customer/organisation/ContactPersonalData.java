package com.rapport.customer.organisation;

import java.util.ArrayList;
import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The contact's own record. Erasing removes the contact from its organisation altogether: a contact is
 * nothing but personal data, and the organisation's other records keep only its id. It goes last, so that a
 * failed erasure leaves the contact to be found and erased again.
 */
@Component
@Order(10)
class ContactPersonalData implements PersonalDataHolder {

	private final OrganisationRepository organisations;

	ContactPersonalData(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	/** The contact as exported, with the organisation it belongs to. */
	record ExportedContact(String organisationId, String organisationName, Contact contact) {
	}

	@Override
	public String kind() {
		return "contacts";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return organisations.findById(subject.organisationId())
			.flatMap(organisation -> organisation.contact(subject.contactId())
				.map(contact -> new ExportedContact(organisation.id(), organisation.name(), contact)))
			.map(List::of).orElse(List.of());
	}

	@Override
	public Erasure erase(DataSubject subject) {
		return organisations.findById(subject.organisationId()).map(organisation -> {
			List<Contact> kept = new ArrayList<>(organisation.contacts());
			if (!kept.removeIf(contact -> contact.id().equals(subject.contactId()))) {
				return Erasure.NOTHING;
			}
			organisations.save(organisation.withContacts(kept));
			return new Erasure(1, 0);
		}).orElse(Erasure.NOTHING);
	}
}
