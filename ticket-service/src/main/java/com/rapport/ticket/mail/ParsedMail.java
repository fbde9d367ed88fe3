package com.rapport.ticket.mail;

import java.util.List;

import com.rapport.ticket.attachment.AttachmentUpload;

/**
 * A mail as the intake needs it: its Message-ID, sender (address in lower case, and name), subject, text
 * (sanitised HTML), the Message-IDs it answers ({@code inReplyTo}, {@code references}) and whether it is automatic
 * (RFC 3834 {@code Auto-Submitted}, or a bulk or auto-reply {@code Precedence}), and the files it carries (not
 * checked yet).
 */
record ParsedMail(String messageId, String fromAddress, String fromName, String subject, String body,
		String inReplyTo, List<String> references, boolean automatic, List<AttachmentUpload> files) {

	ParsedMail {
		references = references == null ? List.of() : List.copyOf(references);
		files = files == null ? List.of() : List.copyOf(files);
	}

	/** A mail without files. */
	ParsedMail(String messageId, String fromAddress, String fromName, String subject, String body, String inReplyTo,
			List<String> references, boolean automatic) {
		this(messageId, fromAddress, fromName, subject, body, inReplyTo, references, automatic, List.of());
	}

}
