package com.rapport.customer.demo;

import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.ProfileRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTests {

	@Test
	void demoOrganisationsAndContactsKeepTheRulesTheApiEnforces() {
		assertThat(DemoData.ORGANISATIONS).extracting(Organisation::id)
			.containsExactly("acme-retail", "globex-trading", "initech-logistics", "stark-components",
					"wayne-hardware", "umbrella-supplies");
		DemoData.ORGANISATIONS.forEach(organisation -> {
			assertThat(ProfileRules.isCountry(organisation.country())).isTrue();
			assertThat(organisation.accountManager()).isIn("agent.li", "manager.wang");
			organisation.contacts().forEach(contact -> {
				assertThat(ProfileRules.emailProblem(contact.email())).isNull();
				assertThat(ProfileRules.phoneProblem(contact.phone())).isNull();
				assertThat(ProfileRules.language(contact.language())).isEqualTo(contact.language());
				assertThat(ProfileRules.isTimeZone(contact.timeZone())).isTrue();
			});
		});
	}

	@Test
	void demoContactsAreFoundBySearch() {
		assertThat(DemoData.ORGANISATIONS.get(0).searchKeys()).contains("alice", "bo", "zhang", "acme");
	}

	@Test
	void theDemoPortalLoginsAreLinkedToTheirContacts() {
		// The portal's profile page finds a contact by the login's user name (Keycloak realm: acme.buyer, ...).
		assertThat(DemoData.ORGANISATIONS).flatExtracting(o -> o.contacts().stream()
			.filter(c -> c.username() != null).map(c -> o.id() + "/" + c.name() + "/" + c.username()).toList())
			.contains("acme-retail/Alice Chen/acme.buyer", "globex-trading/Gavin Wu/globex.buyer");
	}
}
