package com.rapport.feedback.response.web;

import java.time.Instant;

import com.rapport.feedback.response.NewResponse;
import com.rapport.support.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/feedback/v1/responses}. Kinds, subject types and channels are names (any case):
 * an unknown one, a score outside its survey's scale and a missing field are answered 422 naming each field.
 */
@Schema(name = "NewResponse")
record ResponseRequestBody(
		@Schema(description = "The answer's own id in the system that collected it: the same id again is the same answer, stored once", example = "crm-survey-5521", requiredMode = Schema.RequiredMode.REQUIRED) @PlainText String responseId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @PlainText String customerId,
		@Schema(description = "The contact who answered, if known") @PlainText String contactId,
		@Schema(allowableValues = { "CSAT", "NPS", "CES" }, requiredMode = Schema.RequiredMode.REQUIRED) String kind,
		@Schema(description = "CSAT 1–5, NPS 0–10, CES 1–7 (7 the easiest)", requiredMode = Schema.RequiredMode.REQUIRED) Integer score,
		@Schema(description = "At most 2,000 characters") String comment,
		@Schema(description = "When the contact answered; now when absent; never more than 5 minutes ahead") Instant answeredAt,
		@Schema(allowableValues = { "TICKET", "ORDER", "RELATIONSHIP" }, description = "RELATIONSHIP when absent") String subjectType,
		@Schema(description = "The ticket or order number; none for the relationship") @PlainText String subjectId,
		@Schema(allowableValues = { "PORTAL", "EMAIL", "SMS", "PHONE" }) String channel) {

	NewResponse toNewResponse() {
		return new NewResponse(responseId, customerId, contactId, kind, score, comment, answeredAt, subjectType,
				subjectId, channel);
	}
}
