package com.rapport.ordertracking.order.web;

import java.time.Instant;

import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/orders/v1/orders/{orderNumber}/milestones}. {@code eventId} is the partner's id
 * of the event; without one, the code and time stand for it (the same step at the same time is the same event).
 */
record MilestoneRequest(@NotBlank @Size(max = 64) @PlainText String customerId,
		@Size(min = 1, max = 200) @PlainText String eventId, @NotBlank @Size(max = 40) String code,
		@NotNull Instant occurredAt, @Size(max = 200) @PlainText String place,
		@Size(max = 500) @PlainText(multiline = true) String note, @Size(max = 100) @PlainText String carrier,
		@Size(max = 100) @PlainText String trackingNumber,
		@Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "{orders.tracking-link.format}") String trackingLink) {

	Milestone toMilestone() {
		MilestoneCode known = MilestoneCode.parse(code)
			.orElseThrow(() -> UnprocessableException.field(Message.of("orders.milestone.unknown-code", code), "code",
					Message.of("orders.milestone.code")));
		String id = eventId != null ? eventId : known.name() + "@" + occurredAt;
		return new Milestone(known, occurredAt, note, id, place, carrier, trackingNumber, trackingLink, false, null);
	}
}
