package com.rapport.feedback.invitation;

/** A contact as an invitation needs them: where to write, in which language, and whether they may be asked. */
public record InvitedContact(String id, String name, String email, String language, boolean surveyConsent) {
}
