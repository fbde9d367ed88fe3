package com.rapport.ticket.ticket;

/**
 * Who raised the ticket: the contact (their id in customer-service), their portal user name when they raised
 * it themselves, and the name and email they gave; the personal data of a ticket. Erased, all of them are
 * gone and {@code erased} says so.
 */
public record Requester(String contactId, String name, String email, boolean erased, String username) {

	public static final Requester ERASED = new Requester(null, null, null, true, null);

	@org.springframework.data.annotation.PersistenceCreator
	public Requester {
		contactId = blankToNull(contactId);
		name = blankToNull(name);
		email = blankToNull(email) == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
		username = blankToNull(username);
	}

	public Requester(String contactId, String name, String email, boolean erased) {
		this(contactId, name, email, erased, null);
	}

	public static Requester of(String contactId, String name, String email) {
		return new Requester(contactId, name, email, false, null);
	}

	/** A contact who raised the ticket in the portal, known by their login. */
	public static Requester portalUser(String username, String name, String email) {
		return new Requester(null, name, email, false, username);
	}

	/** Nobody named: no contact, user name, name or email. */
	boolean anonymous() {
		return contactId == null && username == null && name == null && email == null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
