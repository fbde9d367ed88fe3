package com.rapport.customer.organisation;

/**
 * What a contact sends to change its own preferences, unchecked: {@code language} ({@code en} or
 * {@code zh-CN}) and {@code timeZone} (IANA) are required; a null {@code preferredChannel} keeps the current
 * one; the consents are as the contact now gives them.
 */
public record PreferencesInput(String language, String timeZone, String preferredChannel, boolean marketingConsent,
		boolean surveyConsent) {
}
