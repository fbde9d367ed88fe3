package com.rapport.customer.organisation.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.TierOverride;
import com.rapport.customer.organisation.TierReason;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of organisations and contacts. */
final class OrganisationViews {

	private OrganisationViews() {
	}

	@Schema(name = "OrganisationPage")
	record PageView(List<OrganisationView> items, int page, int size, long total) {
	}

	record OrganisationView(String id, String externalId, String name, String industry, String sizeBand,
			String country, String region, List<String> tags, String accountManager, String status, String tier,
			String lifecycleStage, TierReasonView tierReason, TierOverrideView tierOverride,
			List<ContactView> contacts, Instant createdAt, Instant updatedAt, Long version) {

		/**
		 * @param showStaffFields contacts' portal logins, the tier's reasons and a manager's override: staff
		 *                        only (customers and partners see the tier and stage alone)
		 */
		static OrganisationView of(Organisation o, boolean showStaffFields) {
			Instant now = Instant.now();
			return new OrganisationView(o.id(), o.externalId(), o.name(), o.industry(),
					o.sizeBand() == null ? null : o.sizeBand().name(), o.country(), o.region(), o.tags(),
					o.accountManager(), o.status().name(), o.currentTier(now).name(), o.lifecycleStage().name(),
					showStaffFields ? TierReasonView.of(o.tierReason()) : null,
					showStaffFields ? TierOverrideView.of(o.tierOverride(), now) : null,
					o.contacts().stream().map(c -> ContactView.of(c, showStaffFields)).toList(), o.createdAt(),
					o.updatedAt(), o.version());
		}
	}

	/** Why the computed tier is what it is: the RFM figures, the deciding rule and the same as text. */
	record TierReasonView(String tier, String rule, Integer recencyDays, int frequency, BigDecimal monetary,
			String currency, int windowDays, String text, Instant computedAt) {

		static TierReasonView of(TierReason r) {
			return r == null ? null
					: new TierReasonView(r.tier().name(), r.rule(), r.recencyDays(), r.frequency(), r.monetary(),
							r.currency(), r.windowDays(), r.text(), r.computedAt());
		}
	}

	/** A manager's override; {@code active} is false once its end date has passed (kept for the record). */
	record TierOverrideView(String tier, String reason, LocalDate endDate, String setBy, Instant setAt,
			boolean active) {

		static TierOverrideView of(TierOverride o, Instant now) {
			return o == null ? null
					: new TierOverrideView(o.tier().name(), o.reason(), o.endDate(), o.setBy(), o.setAt(),
							o.activeAt(now));
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
