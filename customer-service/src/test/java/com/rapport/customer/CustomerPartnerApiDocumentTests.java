package com.rapport.customer;

import java.util.List;

import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.test.openapi.PartnerApiDocumentContract;

import org.springframework.beans.factory.annotation.Autowired;

@CustomerServiceTest
class CustomerPartnerApiDocumentTests extends PartnerApiDocumentContract {

	@Autowired
	OrganisationRepository organisations;

	@Override
	protected String documentName() {
		return "customers-v1";
	}

	@Override
	protected List<String> replayOrder() {
		return List.of("createOrganisation", "getOrganisation", "listOrganisations", "updateOrganisation",
				"upsertOrganisationByExternalId", "upsertOrganisations", "createContact", "listContacts", "getContact",
				"updateContact", "upsertContactByExternalId", "removeContact", "adjustLoyaltyPoints", "getLoyaltyAccount",
				"listLoyaltyLedger");
	}

	@Override
	protected void prepareExamples() {
		organisations.deleteAll();
	}

	/** The example's contact id is made when createContact adds it. */
	@Override
	protected String pathValue(String operationId, String name, String example) {
		if (name.equals("contactId")) {
			return organisations.findById("acme-retail").orElseThrow().contacts().stream()
				.filter(contact -> "alice.chen@acme-retail.example".equals(contact.email())).findFirst().orElseThrow()
				.id();
		}
		return example;
	}
}
