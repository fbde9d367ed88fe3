package com.rapport.ticket.ticket.web;

import com.rapport.support.validation.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/tickets/v1/tickets/{id}/attachments}: one file the partner relays for the customer
 * (its name and its bytes in base64), optionally with the customer's words about it and the name to show for them.
 */
@Schema(name = "NewTicketAttachment")
record AttachmentBody(
		@Schema(description = "The file's name; its extension only narrows an Office document or CSV the content "
				+ "already is", requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 200) @PlainText String fileName,
		@Schema(description = "The file's bytes, base64; its type is judged by this content, never by the name",
				requiredMode = Schema.RequiredMode.REQUIRED) byte[] content,
		@Schema(description = "The customer's words with the file (plain text or simple HTML, sanitised); "
				+ "without them the message says the file's name") String comment,
		@Size(max = 200) @PlainText String authorName) {
}
