package com.rapport.customer.organisation;

/**
 * What a contact sends to change its own preferences, unchecked: {@code language} ({@code en} or
 * {@code zh-CN}) and {@code timeZone} (IANA) are required; a null {@code preferredChannel} keeps the current
 * one; the consents are as the contact now gives them ({@code reorderReminderConsent} null: unchanged).
 */
public record PreferencesInput(String language, String timeZone, String preferredChannel, boolean marketingConsent,
		boolean surveyConsent, Boolean reorderReminderConsent) {

	/** Without a word on reorder reminders: that consent stays as it is. */
	public PreferencesInput(String language, String timeZone, String preferredChannel, boolean marketingConsent,
			boolean surveyConsent) {
		this(language, timeZone, preferredChannel, marketingConsent, surveyConsent, null);
	}
}
