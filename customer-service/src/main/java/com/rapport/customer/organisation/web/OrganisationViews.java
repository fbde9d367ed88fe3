package com.rapport.customer.organisation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;

/** The JSON of organisations and contacts. */
final class OrganisationViews {

	private OrganisationViews() {
	}

	record PageView(List<OrganisationView> items, int page, int size, long total) {
	}

	record OrganisationView(String id, String externalId, String name, String industry, String sizeBand,
			String country, String region, List<String> tags, String accountManager, String status, String tier,
			String lifecycleStage, List<ContactView> contacts, Instant createdAt, Instant updatedAt, Long version) {

		static OrganisationView of(Organisation o, boolean showLogins) {
			return new OrganisationView(o.id(), o.externalId(), o.name(), o.industry(),
					o.sizeBand() == null ? null : o.sizeBand().name(), o.country(), o.region(), o.tags(),
					o.accountManager(), o.status().name(), o.tier().name(), o.lifecycleStage().name(),
					o.contacts().stream().map(c -> ContactView.of(c, showLogins)).toList(), o.createdAt(),
					o.updatedAt(), o.version());
		}
	}

	/** A contact; its portal login name only for staff, it otherwise stays between the contact and Keycloak. */
	record ContactView(String id, String externalId, String name, String jobTitle, String email, String phone,
			String language, String timeZone, LocalDate birthday, String preferredChannel, boolean marketingConsent,
			boolean surveyConsent, String username) {

		static ContactView of(Contact c, boolean showLogin) {
			return new ContactView(c.id(), c.externalId(), c.name(), c.jobTitle(), c.email(), c.phone(), c.language(),
					c.timeZone(), c.birthday(), c.preferredChannel().name(), c.marketingConsent(), c.surveyConsent(),
					showLogin ? c.username() : null);
		}
	}
}
