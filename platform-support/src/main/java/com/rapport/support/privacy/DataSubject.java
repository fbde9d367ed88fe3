package com.rapport.support.privacy;

/**
 * The person whose data is exported or erased: a contact of a customer organisation, with every
 * identifier a service may have stored about them. Only {@code organisationId} and {@code contactId} are
 * always present; the others are empty strings when unknown.
 */
public record DataSubject(String organisationId, String contactId, String username, String email, String name,
		String phone) {

	public DataSubject {
		organisationId = orEmpty(organisationId);
		contactId = orEmpty(contactId);
		username = orEmpty(username);
		email = orEmpty(email);
		name = orEmpty(name);
		phone = orEmpty(phone);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value.strip();
	}

	public boolean hasUsername() {
		return !username.isEmpty();
	}
}
