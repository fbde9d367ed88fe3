package com.rapport.ticket.ticket;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.Attachments;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading one attachment back, only after the ticket's access check: staff any ticket's; a contact its
 * organisation's tickets' files on public messages. Another organisation's ticket, a note's file, an unknown
 * ticket or file all answer the same NOT_FOUND.
 */
@Service
public class TicketAttachments {

	private final TicketLookup lookup;

	private final Attachments attachments;

	TicketAttachments(TicketLookup lookup, Attachments attachments) {
		this.lookup = lookup;
		this.attachments = attachments;
	}

	/** A file with its bytes. */
	public record File(Attachment attachment, byte[] content) {
	}

	public File get(Caller caller, String ticketIdOrNumber, String attachmentId) {
		boolean staff = Callers.isStaff(caller);
		if (!staff && !Callers.isContact(caller)) {
			throw new AccessDeniedException("Attachments are for staff and the ticket's customer");
		}
		return file(lookup.visible(caller, ticketIdOrNumber), attachmentId, staff);
	}

	/**
	 * A file as a partner reads it (scope {@code tickets.read}, checked by the route): any organisation's ticket, as
	 * partners read tickets, but only the files of public messages: an internal note's file is not found, exactly
	 * like an unknown one.
	 */
	public File getForPartner(Caller partner, String ticketIdOrNumber, String attachmentId) {
		if (!partner.hasScope("tickets.read")) {
			throw new AccessDeniedException("Partners read attachments with the scope tickets.read");
		}
		return file(lookup.visible(partner, ticketIdOrNumber), attachmentId, false);
	}

	private File file(Ticket ticket, String attachmentId, boolean withNotes) {
		String id = attachmentId == null ? "" : attachmentId.strip();
		Attachment found = ticket.messages().stream().filter(m -> withNotes || m.isPublic())
			.flatMap(m -> m.attachments().stream()).filter(a -> a.id().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException(Message.of("attachment.not-found", id)));
		return new File(found, attachments.content(found));
	}
}
