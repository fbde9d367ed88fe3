package com.rapport.feedback.followup;

/** ticket-service, asked to open the follow-up of an unhappy answer. */
public interface TicketDesk {

	/**
	 * Opens the high-priority follow-up once per {@code key} (a repeat answers the ticket opened first); answers its
	 * number. Throws {@link com.rapport.support.error.RemoteUnavailableException} when ticket-service cannot take
	 * it now; any other exception means it refused for good.
	 */
	String openFollowUp(FollowUpTicket ticket, String key);

	/**
	 * What the follow-up carries: the organisation, the contact who answered, the survey, score and scale, the
	 * comment (null when none), what the answer was about ({@code subjectType} TICKET, ORDER, RELATIONSHIP;
	 * {@code subjectId} the ticket or order number), and the rule that asked for it (null when not known).
	 */
	record FollowUpTicket(String organisationId, String contactId, String survey, int score, int scaleMax,
			String comment, String subjectType, String subjectId, String reason) {
	}
}
