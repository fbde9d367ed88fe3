package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.List;

import com.rapport.ticket.attachment.Attachment;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * One message of a ticket's conversation: a public reply (seen by the customer) or an internal note (staff
 * only). {@code body} is sanitised HTML ({@link MessageBodies}). {@code authorId} is the author's user name
 * (or, for the requester's own words logged by others, their contact id or email) and {@code authorName} the
 * name shown; both are personal data and go when the author is erased. {@code attachments} are the files sent
 * with it (their content is kept apart, in chunks).
 */
public record TicketMessage(String id, AuthorKind authorKind, String authorId, String authorName, boolean internal,
		String body, Instant at, List<Attachment> attachments) {

	@PersistenceCreator
	public TicketMessage {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/** A message without files. */
	public TicketMessage(String id, AuthorKind authorKind, String authorId, String authorName, boolean internal,
			String body, Instant at) {
		this(id, authorKind, authorId, authorName, internal, body, at, List.of());
	}

	public boolean isPublic() {
		return !internal;
	}

	TicketMessage withAttachments(List<Attachment> files) {
		return new TicketMessage(id, authorKind, authorId, authorName, internal, body, at, files);
	}

	TicketMessage withAuthorErased() {
		return new TicketMessage(id, authorKind, null, null, internal, body, at, attachments);
	}
}
