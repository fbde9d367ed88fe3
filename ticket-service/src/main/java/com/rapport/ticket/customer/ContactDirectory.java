package com.rapport.ticket.customer;

import java.util.List;
import java.util.Optional;

import com.rapport.support.error.RemoteUnavailableException;

/**
 * customer-service as the source of truth of contacts: who wrote to the support mailbox, and the language, time
 * zone and channel a requester is written to in. Both throw {@link RemoteUnavailableException} when
 * customer-service cannot answer (the caller tries again later; it never guesses).
 */
public interface ContactDirectory {

	/** Every contact whose email is {@code email} (case-insensitive), each with its organisation; none: empty. */
	List<KnownContact> contactsByEmail(String email);

	/**
	 * The organisation's contact {@code contactId}, else the one whose email is {@code email}; empty when there is
	 * none (or the organisation is unknown).
	 */
	Optional<KnownContact> contact(String organisationId, String contactId, String email);

	/**
	 * A contact as the mail needs it. {@code language} is {@code en} or {@code zh-CN} (empty when not given),
	 * {@code timeZone} an IANA id (empty when not given), {@code prefersEmail} whether email is their channel.
	 */
	record KnownContact(String organisationId, String id, String name, String email, String language,
			String timeZone, boolean prefersEmail) {
	}
}
