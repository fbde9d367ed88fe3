package com.rapport.feedback.response;

import java.time.Instant;

/**
 * The follow-up ticket an unhappy answer is owed, waiting inside the answer (an outbox written with it) until
 * ticket-service opened it. It goes at {@code dueAt} (a short wait for the comment the thank-you page offers) or
 * as soon as the comment is in. {@code eventId} is also the ticket's idempotency key: opened once, however often
 * it is sent. {@code reason} says which rule asked for it ("CSAT below 3", "comment reads negative: late, not
 * satisfied"), for the ticket's text; null on follow-ups stored before reasons were kept.
 */
public record FollowUp(String eventId, Instant dueAt, String reason) {
}
