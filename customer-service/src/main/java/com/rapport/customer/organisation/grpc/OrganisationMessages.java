package com.rapport.customer.organisation.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.LifecycleStage;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.OrganisationStatus;
import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.TierOverride;
import com.rapport.contracts.customer.v1.TierReason;
import com.rapport.customer.organisation.OrganisationInput;

/**
 * Organisation and contact messages ⇄ domain, for every adapter that answers with them (organisations,
 * contacts, tiering).
 */
public final class OrganisationMessages {

	private OrganisationMessages() {
	}

	/** Every field as the form sent it; an unspecified enum keeps the current value, an unknown one is named. */
	static OrganisationInput toInput(String id, OrganisationFields fields, Long version) {
		return new OrganisationInput(id, fields.getName(), fields.getIndustry(),
				enumName(fields.getSizeBand(), fields.getSizeBandValue(), "SIZE_BAND_"), fields.getCountry(),
				fields.getRegion(), fields.getTagsList(), fields.getAccountManager(),
				enumName(fields.getStatus(), fields.getStatusValue(), "ORGANISATION_STATUS_"), null, version);
	}

	/** A new organisation: a field left empty takes its default (there is nothing to clear yet). */
	static OrganisationInput toNewInput(String id, OrganisationFields fields) {
		OrganisationInput input = toInput(id, fields, null);
		return new OrganisationInput(input.id(), blankToNull(input.name()), blankToNull(input.industry()),
				input.sizeBand(), blankToNull(input.country()), blankToNull(input.region()), input.tags(),
				blankToNull(input.accountManager()), input.status(), null, null);
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** The domain's name of a proto enum value: null when unspecified, {@code value <n>} when unknown. */
	public static String enumName(Enum<?> value, int number, String prefix) {
		if (value.name().equals("UNRECOGNIZED")) {
			return "value " + number;
		}
		return value.name().endsWith("_UNSPECIFIED") ? null : value.name().substring(prefix.length());
	}

	/** {@code staff}: the contacts' login and invitation fields are shown (staff callers only). */
	public static Organisation toProto(com.rapport.customer.organisation.Organisation o, boolean staff) {
		Organisation.Builder organisation = Organisation.newBuilder().setId(o.id()).setName(o.name())
			.setIndustry(nullToEmpty(o.industry())).setCountry(nullToEmpty(o.country()))
			.setTier(Tier.valueOf("TIER_" + o.currentTier(Instant.now()).name()))
			.setLifecycleStage(LifecycleStage.valueOf("LIFECYCLE_STAGE_" + o.lifecycleStage().name()))
			.addAllContacts(o.contacts().stream().map(c -> toProto(c, staff)).toList())
			.setSizeBand(o.sizeBand() == null ? SizeBand.SIZE_BAND_UNSPECIFIED
					: SizeBand.valueOf("SIZE_BAND_" + o.sizeBand().name()))
			.setRegion(nullToEmpty(o.region())).addAllTags(o.tags())
			.setAccountManager(nullToEmpty(o.accountManager()))
			.setStatus(OrganisationStatus.valueOf("ORGANISATION_STATUS_" + o.status().name()))
			.setExternalId(nullToEmpty(o.externalId()))
			.setVersion(o.version() == null ? 0 : o.version());
		if (staff && o.tierReason() != null) {
			var r = o.tierReason();
			organisation.setTierReason(TierReason.newBuilder()
				.setComputedTier(Tier.valueOf("TIER_" + r.tier().name())).setRule(nullToEmpty(r.rule()))
				.setHasOrders(r.recencyDays() != null).setRecencyDays(r.recencyDays() == null ? 0 : r.recencyDays())
				.setFrequency(r.frequency()).setMonetary(r.monetary() == null ? "0" : r.monetary().toPlainString())
				.setCurrency(nullToEmpty(r.currency())).setWindowDays(r.windowDays())
				.setComputedAt(toTimestamp(r.computedAt())));
		}
		if (staff && o.tierOverride() != null) {
			var v = o.tierOverride();
			organisation.setTierOverride(TierOverride.newBuilder().setTier(Tier.valueOf("TIER_" + v.tier().name()))
				.setReason(nullToEmpty(v.reason())).setEndDate(v.endDate().toString()).setSetBy(nullToEmpty(v.setBy()))
				.setSetAt(toTimestamp(v.setAt())).setActive(v.activeAt(Instant.now())));
		}
		return organisation.build();
	}

	/** What another service acts on: nothing personal, no contacts. */
	static OrganisationSummary toSummary(com.rapport.customer.organisation.Organisation o) {
		return OrganisationSummary.newBuilder().setId(o.id()).setName(o.name())
			.setTier(Tier.valueOf("TIER_" + o.currentTier(Instant.now()).name()))
			.setAccountManager(nullToEmpty(o.accountManager()))
			.setStatus(OrganisationStatus.valueOf("ORGANISATION_STATUS_" + o.status().name()))
			.build();
	}

	public static Contact toProto(com.rapport.customer.organisation.Contact c, boolean staff) {
		Contact.Builder contact = Contact.newBuilder().setName(c.name()).setJobTitle(nullToEmpty(c.jobTitle()))
			.setEmail(nullToEmpty(c.email())).setPhone(nullToEmpty(c.phone())).setLanguage(nullToEmpty(c.language()))
			.setTimeZone(nullToEmpty(c.timeZone())).setId(c.id())
			.setBirthday(c.birthday() == null ? "" : c.birthday().toString())
			.setPreferredChannel(PreferredChannel.valueOf("PREFERRED_CHANNEL_" + c.preferredChannel().name()))
			.setMarketingConsent(c.marketingConsent()).setSurveyConsent(c.surveyConsent())
			.setReorderReminderConsent(c.reorderReminderConsent())
			.setExternalId(nullToEmpty(c.externalId()));
		if (staff) {
			contact.setHasLogin(c.username() != null);
			if (c.invitation() != null) {
				contact.setInvitedAt(toTimestamp(c.invitation().invitedAt()));
				if (c.invitation().mailedAt() != null) {
					contact.setInvitationMailedAt(toTimestamp(c.invitation().mailedAt()));
				}
			}
		}
		return contact.build();
	}

	public static Timestamp toTimestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

	public static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
