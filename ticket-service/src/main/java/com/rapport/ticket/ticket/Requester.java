package com.rapport.ticket.ticket;

/**
 * Who raised the ticket: the contact (their id in customer-service) and the name and email they gave; the
 * personal data of a ticket. Erased, all three are gone and {@code erased} says so.
 */
public record Requester(String contactId, String name, String email, boolean erased) {

	public static final Requester ERASED = new Requester(null, null, null, true);

	public Requester {
		contactId = blankToNull(contactId);
		name = blankToNull(name);
		email = blankToNull(email) == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	public static Requester of(String contactId, String name, String email) {
		return new Requester(contactId, name, email, false);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
