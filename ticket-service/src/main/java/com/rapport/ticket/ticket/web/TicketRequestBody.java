package com.rapport.ticket.ticket.web;

import com.rapport.support.validation.PlainText;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Severity;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/tickets/v1/tickets}. Required fields and the rules between them (a category, a
 * severity for complaints only, someone who raised it) are the ticket rules', answered 422 naming each field.
 */
@Schema(name = "NewTicket")
record TicketRequestBody(@Size(max = 64) @PlainText String customerId, @PlainText String subject, String body,
		TicketKind kind, Category category, Severity severity, Priority priority,
		@PlainText String orderNumber, @Valid RequesterBody requester) {

	@Schema(name = "Requester")
	record RequesterBody(@Size(max = 64) @PlainText String contactId, @Size(max = 200) @PlainText String name,
			@Size(max = 254) @PlainText String email) {
	}

	TicketRequest toRequest() {
		RequesterBody who = requester != null ? requester : new RequesterBody(null, null, null);
		return new TicketRequest(customerId, subject, body, kind, category, severity, priority, orderNumber, null,
				who.contactId(), who.name(), who.email());
	}
}
