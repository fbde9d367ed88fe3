package com.rapport.customer.organisation;

/**
 * A person at the customer. {@code username} links the contact to its portal login (Keycloak), whose
 * token carries the organisation's id as {@code customer_id}; {@code language} is {@code en} or
 * {@code zh-CN}, {@code timeZone} an IANA zone id.
 */
public record Contact(String name, String jobTitle, String email, String phone, String language, String timeZone,
		String username) {
}
