package com.rapport.ticket.ticket;

import com.rapport.support.security.Caller;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who writes into a ticket: the kind, a user name (or contact id or email) and the name shown. People are
 * named by their token ({@code name}, else their user name).
 */
public record Author(AuthorKind kind, String id, String name) {

	public static final Author SYSTEM = new Author(AuthorKind.SYSTEM, null, "Rapport");

	/** The caller of the current call as an author: staff, a customer contact, else the platform. */
	static Author of(Caller caller) {
		if (Callers.isStaff(caller)) {
			return new Author(AuthorKind.STAFF, caller.name(), displayName(caller));
		}
		if (caller.isCustomer()) {
			return new Author(AuthorKind.CUSTOMER, caller.name(), displayName(caller));
		}
		return SYSTEM;
	}

	/** The token's {@code name}, else the user name. */
	static String displayName(Caller caller) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
			String name = jwt.getToken().getClaimAsString("name");
			if (name != null && !name.isBlank()) {
				return name.strip();
			}
		}
		return caller.name();
	}

	/** The token's {@code email}, else the user name when it is one (portal logins are their email), else null. */
	static String email(Caller caller) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
			String email = jwt.getToken().getClaimAsString("email");
			if (email != null && !email.isBlank()) {
				return email.strip();
			}
		}
		return caller.name() != null && caller.name().contains("@") ? caller.name() : null;
	}

	TicketMessage says(String body, boolean internal, java.time.Instant at) {
		return says(null, body, internal, at);
	}

	/** The message with the given id (a new one when null). */
	TicketMessage says(String messageId, String body, boolean internal, java.time.Instant at) {
		return new TicketMessage(messageId != null ? messageId : java.util.UUID.randomUUID().toString(), kind, id, name,
				internal, body, at);
	}
}
