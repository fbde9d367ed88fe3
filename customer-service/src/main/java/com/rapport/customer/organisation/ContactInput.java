package com.rapport.customer.organisation;

/**
 * What a caller sends to create or change a contact, unchecked; {@code null} keeps the current value, an
 * empty string clears an optional field. {@code birthday} is an ISO date ({@code 1985-04-12}).
 */
public record ContactInput(String name, String jobTitle, String email, String phone, String language,
		String timeZone, String birthday, String preferredChannel, Boolean marketingConsent, Boolean surveyConsent,
		String externalId, String username) {
}
