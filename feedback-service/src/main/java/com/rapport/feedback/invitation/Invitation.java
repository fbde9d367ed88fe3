package com.rapport.feedback.invitation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What was decided about one survey of one subject (kind, subject type, subject id): its id is made of those,
 * so a repeated request finds it and decides nothing again. {@code outcome} INVITED means a mail goes to the
 * contact ({@code state} tracks it: QUEUED, RETRYING, SENT, FAILED, DEAD; PORTAL when the contact prefers another
 * channel than email, so it waits on the portal's Surveys page unmailed); the other outcomes keep why nobody
 * was asked. {@code answeredAt} and {@code responseId} are set once, by the first answer through the link.
 */
@Document("survey_invitations")
@CompoundIndexes({ @CompoundIndex(name = "contact_invited", def = "{'contactId': 1, 'invitedAt': -1}"),
		@CompoundIndex(name = "state_due", def = "{'state': 1, 'nextAttemptAt': 1}") })
public record Invitation(@Id String id, String kind, String subjectType, String subjectId, String subjectLabel,
		String organisationId, String contactId, String contactName, String email, String language, Outcome outcome,
		Instant invitedAt, Instant expiresAt, State state, Integer attempts, Instant nextAttemptAt, String claimedBy,
		String lastError, Instant sentAt, Instant answeredAt, String responseId) {

	public enum Outcome {
		INVITED, NO_CONSENT, TOO_SOON, NO_CONTACT
	}

	public enum State {
		QUEUED, RETRYING, SENT, FAILED, DEAD, PORTAL
	}

	public Invitation {
		attempts = attempts == null ? 0 : attempts;
	}

	/** The id of the survey of {@code kind} about {@code subjectType} {@code subjectId}: one per subject. */
	public static String idOf(String kind, String subjectType, String subjectId) {
		return UUID.nameUUIDFromBytes(String.join("|", kind, subjectType, subjectId).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/** The id of one contact's survey of {@code kind} about a subject all the organisation's contacts are asked of. */
	public static String idOf(String kind, String subjectType, String subjectId, String contactId) {
		return idOf(kind, subjectType, subjectId + "|" + contactId);
	}

	public boolean answered() {
		return answeredAt != null;
	}
}
