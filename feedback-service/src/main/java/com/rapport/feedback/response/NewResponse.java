package com.rapport.feedback.response;

import java.time.Instant;

/**
 * An answer as it arrives, before validation. Kind, subject type and channel are the names of
 * {@link SurveyKind}, {@link SubjectType} and {@link ResponseChannel} (any case), so that an unknown one is a
 * field error rather than a parsing failure.
 *
 * @param responseId  the answer's own id, chosen by whoever collected it (an invitation's id, a form's
 *                    submission id): the same id sent again is the same answer, stored once
 * @param contactId   the contact who answered; null for an answer nobody signed
 * @param answeredAt  when the contact answered; null is now
 * @param subjectType null is {@link SubjectType#RELATIONSHIP}
 * @param subjectId   the ticket or order number; none for the relationship
 * @param channel     null when not known
 */
public record NewResponse(String responseId, String customerId, String contactId, String kind, Integer score,
		String comment, Instant answeredAt, String subjectType, String subjectId, String channel) {
}
