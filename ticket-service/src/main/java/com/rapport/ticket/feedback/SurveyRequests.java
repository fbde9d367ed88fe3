package com.rapport.ticket.feedback;

import java.time.Instant;

import com.rapport.support.error.RemoteUnavailableException;

/** feedback-service, told that a survey about a resolved ticket is due. */
public interface SurveyRequests {

	/**
	 * Asks for the CSAT survey of ticket {@code ticketId} ({@code number}) of {@code organisationId}, raised by
	 * contact {@code contactId} or, when only that is known, {@code email}. Repeats are harmless (the receiver keeps
	 * one survey per ticket). Throws {@link RemoteUnavailableException} when feedback-service cannot take it now;
	 * any other exception means it refused the request for good.
	 */
	void csatDue(String ticketId, String number, String organisationId, String contactId, String email,
			Instant resolvedAt);
}
