package com.rapport.ticket.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.rapport.ticket.attachment.Attachment;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mail the support mailbox received ({@code inbound_mails}), stored before anything is done with it and kept
 * once per Message-ID: {@code id} is made from it, and {@code messageId} has a unique index, so a mail read twice
 * (a poller that died between storing and flagging it) is the same record and is handled once. {@code state} says
 * what became of it; {@code body} is its text, sanitised as ticket messages are. Sender, subject and text are
 * personal data of the sender.
 */
@Document("inbound_mails")
@CompoundIndexes({ @CompoundIndex(name = "message_id", def = "{'messageId': 1}", unique = true),
		@CompoundIndex(name = "state_received", def = "{'state': 1, 'receivedAt': 1, '_id': 1}"),
		@CompoundIndex(name = "ticket", def = "{'ticketId': 1}", sparse = true),
		@CompoundIndex(name = "from_address", def = "{'fromAddress': 1}", sparse = true) })
public record InboundMail(@Id String id, String messageId, String fromAddress, String fromName, String subject,
		String body, String inReplyTo, List<String> references, Boolean automatic, Instant receivedAt, State state,
		String reason, String ticketId, String ticketNumber, String handledBy, Instant handledAt,
		@Version Long version, List<Attachment> attachments, List<RefusedFile> refusedFiles) {

	/**
	 * A file of the mail that was not kept: its name and why, as the attachment rules say it (a message code and
	 * its arguments), for the internal note that names it on the ticket.
	 */
	public record RefusedFile(String fileName, String code, List<String> args) {

		public RefusedFile {
			args = args == null ? List.of() : List.copyOf(args);
		}
	}

	public enum State {
		/** Stored, not handled yet (customer-service could not be asked, or the poller stopped). */
		RECEIVED,
		/** A known contact's mail: it opened {@code ticketId}. */
		TICKET_OPENED,
		/** A reply: added to {@code ticketId}. */
		REPLY_ADDED,
		/** Waits for staff ({@code reason}). */
		TRIAGE,
		/** Staff opened {@code ticketId} from it. */
		OPENED_FROM_TRIAGE,
		/** Staff discarded it. */
		DISCARDED,
		/** Set aside unread: too large or not a mail that can be read ({@code reason}). */
		REJECTED,
		/** An automatic mail (an out-of-office answer, a bounce) or one of the mailbox's own: nothing to do. */
		IGNORED
	}

	@PersistenceCreator
	public InboundMail {
		references = references == null ? List.of() : List.copyOf(references);
		// A read that leaves fields out (the thread's Message-IDs) must still make a record.
		automatic = Boolean.TRUE.equals(automatic);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		refusedFiles = refusedFiles == null ? List.of() : List.copyOf(refusedFiles);
	}

	/** A mail without files (as before mails kept theirs). */
	public InboundMail(String id, String messageId, String fromAddress, String fromName, String subject, String body,
			String inReplyTo, List<String> references, Boolean automatic, Instant receivedAt, State state,
			String reason, String ticketId, String ticketNumber, String handledBy, Instant handledAt, Long version) {
		this(id, messageId, fromAddress, fromName, subject, body, inReplyTo, references, automatic, receivedAt, state,
				reason, ticketId, ticketNumber, handledBy, handledAt, version, List.of(), List.of());
	}

	/** Every Message-ID the mail answers, the one it replies to first. */
	List<String> answers() {
		List<String> ids = new java.util.ArrayList<>();
		if (inReplyTo != null && !inReplyTo.isBlank()) {
			ids.add(inReplyTo.strip());
		}
		for (int i = references.size() - 1; i >= 0; i--) {
			if (!ids.contains(references.get(i))) {
				ids.add(references.get(i));
			}
		}
		return ids;
	}

	/** The record's id for a Message-ID: the same on every read of the mail. */
	static String idOf(String messageId) {
		return UUID.nameUUIDFromBytes(("inbound-mail:" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The mail as received, with the files kept ({@code attachments}) and those refused. */
	static InboundMail received(ParsedMail mail, Instant at, List<Attachment> attachments,
			List<RefusedFile> refusedFiles) {
		return new InboundMail(idOf(mail.messageId()), mail.messageId(), mail.fromAddress(), mail.fromName(),
				mail.subject(), mail.body(), mail.inReplyTo(), mail.references(), mail.automatic(), at, State.RECEIVED,
				null, null, null, null, null, null, attachments, refusedFiles);
	}

	/**
	 * The record with its sender taken out (address, name, subject, text): the Message-ID stays, so the mail is
	 * still handled once, and so does what became of it; one still waiting (stored, or in the triage) is discarded
	 * ({@code mail.erased}), since nobody may act on it any more.
	 */
	InboundMail withSenderErased(Instant at) {
		boolean waiting = state == State.RECEIVED || state == State.TRIAGE;
		return new InboundMail(id, messageId, null, null, null, null, inReplyTo, references, automatic, receivedAt,
				waiting ? State.DISCARDED : state, waiting ? "mail.erased" : reason, ticketId, ticketNumber,
				waiting ? null : handledBy, waiting ? at : handledAt, version, attachments, refusedFiles);
	}

	static InboundMail rejected(String messageId, String fromAddress, String subject, String reason, Instant at) {
		return new InboundMail(idOf(messageId), messageId, fromAddress, null, subject, null, null, List.of(), false, at,
				State.REJECTED, reason, null, null, null, at, null);
	}
}
