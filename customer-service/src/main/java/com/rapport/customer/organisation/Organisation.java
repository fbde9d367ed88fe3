package com.rapport.customer.organisation;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A buying company. Its id is the value of the {@code customer_id} claim its contacts' tokens carry;
 * {@code externalId} is the partner CRM/ERP key, unique where present. {@code searchKeys} is derived from the
 * name and the contacts on every construction, so whatever saves an organisation keeps its search index
 * right (see {@link SearchKeys}); {@code birthdayKeys}, the contacts' birthdays as {@code MM-dd}, the same way, so
 * that the greeting run finds the day's birthdays by index. Organisations of a country are read by id from
 * {@code country_id} (a holiday's greetings).
 */
@Document("organisations")
@CompoundIndex(name = "country_id", def = "{'country': 1, '_id': 1}")
public record Organisation(@Id String id, @Indexed String name, String industry, SizeBand sizeBand, String country,
		String region, List<String> tags, String accountManager, OrganisationStatus status,
		@Indexed(unique = true, sparse = true) String externalId, Tier tier, LifecycleStage lifecycleStage,
		TierReason tierReason, TierOverride tierOverride, List<Contact> contacts, @Indexed List<String> searchKeys,
		@Indexed List<String> birthdayKeys, @CreatedDate Instant createdAt, @LastModifiedDate Instant updatedAt, @Version Long version) {

	public Organisation {
		tags = tags == null ? List.of() : List.copyOf(tags);
		status = status == null ? OrganisationStatus.ACTIVE : status;
		tier = tier == null ? Tier.NORMAL : tier;
		lifecycleStage = lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
		searchKeys = SearchKeys.of(name, contacts);
		birthdayKeys = birthdayKeys(contacts);
	}

	/** {@code MM-dd} of every contact's birthday, as the greeting run asks for a day. */
	static String birthdayKey(MonthDay day) {
		return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
	}

	private static List<String> birthdayKeys(List<Contact> contacts) {
		return contacts.stream().map(Contact::birthday).filter(Objects::nonNull)
			.map(day -> birthdayKey(MonthDay.from(day))).distinct().sorted().toList();
	}

	/** A new organisation: an active prospect of the normal tier until orders say otherwise. */
	public static Organisation create(String id, String name, String industry, String country, Contact... contacts) {
		return new Organisation(id, name, industry, null, country, null, List.of(), null, OrganisationStatus.ACTIVE,
				null, Tier.NORMAL, LifecycleStage.PROSPECT, null, null, List.of(contacts), null, null, null, null, null);
	}

	public Optional<Contact> contact(String contactId) {
		return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
	}

	public Optional<Contact> contactByExternalId(String externalId) {
		return contacts.stream().filter(c -> externalId.equals(c.externalId())).findFirst();
	}

	/** The same organisation with other profile fields (tier, lifecycle, contacts and audit data kept). */
	public Organisation withProfile(Profile p) {
		return new Organisation(id, p.name(), p.industry(), p.sizeBand(), p.country(), p.region(), p.tags(),
				p.accountManager(), p.status(), p.externalId(), tier, lifecycleStage, tierReason, tierOverride, contacts,
				null, null, createdAt, updatedAt, version);
	}

	public Organisation withContacts(List<Contact> newContacts) {
		return new Organisation(id, name, industry, sizeBand, country, region, tags, accountManager, status,
				externalId, tier, lifecycleStage, tierReason, tierOverride, newContacts, null, null, createdAt, updatedAt,
				version);
	}

	/**
	 * The same organisation with another tier, stage, reason and override. {@code tier} is the one in force
	 * (the override's while it is active), which is what other services read over gRPC.
	 */
	public Organisation withTiering(Tier newTier, LifecycleStage newStage, TierReason newReason,
			TierOverride newOverride) {
		return new Organisation(id, name, industry, sizeBand, country, region, tags, accountManager, status,
				externalId, newTier, newStage, newReason, newOverride, contacts, null, null, createdAt, updatedAt, version);
	}

	/**
	 * The tier in force at {@code now}: an active override's, else the computed one. Differs from the stored
	 * {@code tier} only between an override's end and the next recompute (nightly at the latest).
	 */
	public Tier currentTier(Instant now) {
		if (tierOverride != null && tierOverride.activeAt(now)) {
			return tierOverride.tier();
		}
		if (tierOverride != null && tierReason != null) {
			return tierReason.tier();
		}
		return tier;
	}

	public Profile profile() {
		return new Profile(name, industry, sizeBand, country, region, tags, accountManager, status, externalId);
	}

	/** The fields staff and partners edit. */
	public record Profile(String name, String industry, SizeBand sizeBand, String country, String region,
			List<String> tags, String accountManager, OrganisationStatus status, String externalId) {

		public Profile {
			tags = tags == null ? List.of() : List.copyOf(tags);
		}
	}
}
