package com.rapport.feedback.invitation;

/**
 * A contact as an invitation needs them: where to write, in which language, by which channel they prefer to be
 * reached (EMAIL, SMS, PORTAL), and whether they may be asked.
 */
public record InvitedContact(String id, String name, String email, String language, boolean surveyConsent,
		String channel) {

	/** A contact reached by email. */
	public InvitedContact(String id, String name, String email, String language, boolean surveyConsent) {
		this(id, name, email, language, surveyConsent, "EMAIL");
	}

	/** Whether the invitation is mailed: the contact prefers email (the default) and has an address. */
	boolean mailed() {
		return (channel == null || channel.isBlank() || "EMAIL".equals(channel)) && email != null && !email.isBlank();
	}
}
