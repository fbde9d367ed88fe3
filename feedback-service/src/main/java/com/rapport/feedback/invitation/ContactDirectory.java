package com.rapport.feedback.invitation;

import java.util.List;

/** customer-service, asked for an organisation's contacts. */
public interface ContactDirectory {

	/**
	 * The organisation's contacts. Throws {@link com.rapport.support.error.NotFoundException} for an unknown
	 * organisation, {@link com.rapport.support.error.RemoteUnavailableException} when customer-service cannot answer.
	 */
	List<InvitedContact> contactsOf(String organisationId);
}
