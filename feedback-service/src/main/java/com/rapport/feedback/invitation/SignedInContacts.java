package com.rapport.feedback.invitation;

import java.util.Optional;

import com.rapport.support.security.Caller;

/**
 * Who a signed-in customer caller is among their organisation's contacts: customer-service links a contact to
 * the login (its {@code GetMyContact}, asked with the caller's own token). Empty when no contact is linked.
 */
@FunctionalInterface
public interface SignedInContacts {

	/** The contact id of {@code caller}, a customer; throws {@code RemoteUnavailableException} when it cannot be asked. */
	Optional<String> contactIdOf(Caller caller);
}
