package com.rapport.ticket.ticket.web;

import com.rapport.support.validation.PlainText;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/tickets/v1/tickets/{id}/replies}: the customer's words the partner relays
 * (plain text or simple HTML, sanitised) and the name to show for them (else the partner's client id).
 */
@Schema(name = "TicketReply")
record ReplyBody(String body, @Size(max = 200) @PlainText String authorName) {
}
