package com.rapport.customer.organisation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person at the customer, embedded in its {@link Organisation}. {@code id} is stable for the contact's
 * life; {@code externalId} is the partner CRM's key, unique within the organisation. {@code username} links
 * the contact to its portal login (Keycloak), whose token carries the organisation's id as
 * {@code customer_id}; {@code language} is {@code en} or {@code zh-CN}, {@code timeZone} an IANA zone id.
 * Consents (marketing, surveys, reorder reminders) are opt-in: absent means no, and they are never null. {@code invitation} is set when an admin
 * invited the contact (the login was made for it), {@code null} otherwise, also in documents stored before.
 */
public record Contact(String id, String name, String jobTitle, String email, String phone, String language,
		String timeZone, LocalDate birthday, PreferredChannel preferredChannel, Boolean marketingConsent,
		Boolean surveyConsent, String externalId, String username, Invitation invitation,
		Boolean reorderReminderConsent) {

	public Contact {
		// Contacts stored before contacts had ids get one derived from their data, so it is the same on every
		// read until the organisation is next saved, which then keeps it.
		if (id == null || id.isBlank()) {
			id = UUID.nameUUIDFromBytes(String.join("|", String.valueOf(name), String.valueOf(email),
					String.valueOf(phone), String.valueOf(username)).getBytes(StandardCharsets.UTF_8)).toString();
		}
		preferredChannel = preferredChannel == null ? PreferredChannel.EMAIL : preferredChannel;
		marketingConsent = Boolean.TRUE.equals(marketingConsent);
		surveyConsent = Boolean.TRUE.equals(surveyConsent);
		reorderReminderConsent = Boolean.TRUE.equals(reorderReminderConsent);
	}

	/** A contact as stored before reorder reminders existed: no consent to them. */
	public Contact(String id, String name, String jobTitle, String email, String phone, String language,
			String timeZone, LocalDate birthday, PreferredChannel preferredChannel, Boolean marketingConsent,
			Boolean surveyConsent, String externalId, String username, Invitation invitation) {
		this(id, name, jobTitle, email, phone, language, timeZone, birthday, preferredChannel, marketingConsent,
				surveyConsent, externalId, username, invitation, false);
	}

	/** A contact that was not invited: its login, if any, was linked by staff. */
	public Contact(String id, String name, String jobTitle, String email, String phone, String language,
			String timeZone, LocalDate birthday, PreferredChannel preferredChannel, Boolean marketingConsent,
			Boolean surveyConsent, String externalId, String username) {
		this(id, name, jobTitle, email, phone, language, timeZone, birthday, preferredChannel, marketingConsent,
				surveyConsent, externalId, username, null, false);
	}

	/** The same contact linked to the portal login {@code newUsername}, made by {@code newInvitation}. */
	public Contact withLogin(String newUsername, Invitation newInvitation) {
		return new Contact(id, name, jobTitle, email, phone, language, timeZone, birthday, preferredChannel,
				marketingConsent, surveyConsent, externalId, newUsername, newInvitation, reorderReminderConsent);
	}

	/** The same contact with its consent to reorder reminders given or withdrawn. */
	public Contact withReorderReminderConsent(boolean consent) {
		return new Contact(id, name, jobTitle, email, phone, language, timeZone, birthday, preferredChannel,
				marketingConsent, surveyConsent, externalId, username, invitation, consent);
	}

	/** A contact with the basic details only: emailed, no consents, no birthday. */
	public static Contact of(String name, String jobTitle, String email, String phone, String language,
			String timeZone, String username) {
		return new Contact(null, name, jobTitle, email, phone, language, timeZone, null, PreferredChannel.EMAIL, false,
				false, null, username);
	}
}
