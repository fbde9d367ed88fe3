package com.rapport.support.test.matrix;

import com.rapport.support.test.TestTokens;

/**
 * The kinds of caller every matrix is checked for. Organisation A owns the records the fixtures create;
 * {@code customer-b} is a contact of another organisation and must never reach them.
 */
public enum Caller {

	ANONYMOUS("anonymous", null),
	CUSTOMER_A("customer-a", TestTokens.customer(Caller.ORGANISATION_A)),
	CUSTOMER_B("customer-b", TestTokens.customer(Caller.ORGANISATION_B)),
	AGENT("agent", TestTokens.staff("agent")),
	MANAGER("manager", TestTokens.staff("manager")),
	ADMIN("admin", TestTokens.staff("admin")),
	INTERNAL("internal", TestTokens.service()),
	PARTNER_READ("partner-read", TestTokens.partner("orders.read customers.read tickets.read feedback.read")),
	PARTNER_WRITE("partner-write", TestTokens.partner("orders.write customers.write tickets.write feedback.write")),
	PARTNER_NONE("partner-none", TestTokens.partner("profile"));

	public static final String ORGANISATION_A = "org-a";

	public static final String ORGANISATION_B = "org-b";

	private final String label;

	private final String token;

	Caller(String label, String token) {
		this.label = label;
		this.token = token;
	}

	static Caller of(String label) {
		for (Caller caller : values()) {
			if (caller.label.equals(label)) {
				return caller;
			}
		}
		throw new IllegalArgumentException("Unknown caller " + label);
	}

	public String label() {
		return label;
	}

	/** The test token, or null for an anonymous call. */
	public String token() {
		return token;
	}
}
