package com.rapport.feedback.invitation;

import java.time.Instant;

/**
 * A survey another service says is due: of {@code kind} (CSAT) about {@code subjectType} (TICKET)
 * {@code subjectId}, which people quote as {@code subjectLabel}, for the contact {@code contactId} (or, when only
 * that is known, the one with {@code contactEmail}) of {@code organisationId}.
 */
public record SurveyDue(String kind, String subjectType, String subjectId, String subjectLabel,
		String organisationId, String contactId, String contactEmail, Instant occurredAt) {
}
