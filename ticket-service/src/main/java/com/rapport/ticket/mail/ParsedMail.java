package com.rapport.ticket.mail;

import java.util.List;

/**
 * A mail as the intake needs it: its Message-ID, sender (address in lower case, and name), subject, text
 * (sanitised HTML), the Message-IDs it answers ({@code inReplyTo}, {@code references}) and whether it is automatic
 * (RFC 3834 {@code Auto-Submitted}, or a bulk or auto-reply {@code Precedence}).
 */
record ParsedMail(String messageId, String fromAddress, String fromName, String subject, String body,
		String inReplyTo, List<String> references, boolean automatic) {

	ParsedMail {
		references = references == null ? List.of() : List.copyOf(references);
	}

}
