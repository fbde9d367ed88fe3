package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.AttachmentUpload;
import com.rapport.ticket.attachment.Attachments;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A ticket's conversation: reading it, public replies of the customer's side and of staff, and internal notes
 * of staff. A customer's reply to a ticket waiting on them resumes it, to a resolved one reopens it; staff's
 * first public reply is the first response. Every reply and note is audited as its author.
 */
@Service
public class TicketConversation {

	private final TicketLookup lookup;

	private final AuditTrail audit;

	private final SlaProperties sla;

	private final SlaSettings settings;

	private final Clock clock;

	private final Attachments attachments;

	TicketConversation(TicketLookup lookup, AuditTrail audit, SlaProperties sla, SlaSettings settings, Clock clock,
			Attachments attachments) {
		this.lookup = lookup;
		this.audit = audit;
		this.sla = sla;
		this.settings = settings;
		this.clock = clock;
		this.attachments = attachments;
	}

	/** The ticket with the messages the caller may read; NOT_FOUND for one they may not see. */
	public TicketView get(Caller caller, String idOrNumber) {
		return view(lookup.visible(caller, idOrNumber), caller);
	}

	/** A public reply of the caller: staff or a contact of the ticket's organisation. */
	public TicketView reply(Caller caller, String idOrNumber, String body) {
		return reply(caller, idOrNumber, body, List.of());
	}

	/**
	 * A public reply of the caller carrying {@code files}: checked before anything is stored, and taken back when
	 * the reply is then refused (a closed ticket, a blank body), so a refusal stores nothing.
	 */
	public TicketView reply(Caller caller, String idOrNumber, String body, List<AttachmentUpload> files) {
		if (!Callers.isStaff(caller) && !Callers.isContact(caller)) {
			throw new AccessDeniedException("Replies are for staff and the ticket's customer");
		}
		Ticket ticket = lookup.visible(caller, idOrNumber);
		checkedBody(body, "ticket.cannot-reply");
		List<Attachment> stored = attachments.store(files);
		try {
			return replied(caller, ticket, Author.of(caller), body, stored);
		}
		catch (RuntimeException refused) {
			attachments.delete(stored);
			throw refused;
		}
	}

	/**
	 * A public reply a partner system relays for the customer, signed {@code authorName} (else the partner's
	 * client id); it has the effects of a customer's reply.
	 */
	public TicketView replyForCustomer(Caller partner, String idOrNumber, String body, String authorName) {
		Author author = new Author(AuthorKind.CUSTOMER, partner.name(),
				authorName == null || authorName.isBlank() ? partner.client() : authorName.strip());
		return replied(partner, lookup.visible(partner, idOrNumber), author, body, List.of());
	}

	/** A partner's reply and whether it was added now (false: a repeat of an earlier one with the same key). */
	public record PartnerReply(TicketView view, boolean created) {
	}

	/**
	 * As {@link #replyForCustomer}, once per {@code idempotencyKey} of the partner and ticket: the reply's message id
	 * is made from them, so a repeat (also one racing the first) adds nothing and answers the ticket with
	 * {@code created} false; the same key with another body or author is refused ({@code ticket.idempotency-key-reused},
	 * 422 naming {@code Idempotency-Key}), as opening does.
	 */
	public PartnerReply replyForCustomerOnce(Caller partner, String idOrNumber, String body, String authorName,
			String idempotencyKey) {
		Ticket ticket = lookup.visible(partner, idOrNumber);
		Author author = new Author(AuthorKind.CUSTOMER, partner.name(),
				authorName == null || authorName.isBlank() ? partner.client() : authorName.strip());
		String messageId = "partner-reply:" + java.util.UUID.nameUUIDFromBytes(("partner-reply:" + partner.name()
				+ "\u0000" + ticket.id() + "\u0000" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String safe = checkedBody(body, "ticket.cannot-reply");
		java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean();
		Ticket saved = reply(ticket.id(), author, body, clock.instant(), messageId, false, List.of(), added);
		TicketMessage kept = saved.messages().stream().filter(m -> messageId.equals(m.id())).findFirst().orElseThrow();
		if (!added.get() && (!kept.body().equals(safe) || !java.util.Objects.equals(kept.authorName(), author.name()))) {
			// As opening (and the order API) answer: the key names another request, so this one is refused as sent.
			throw UnprocessableException.field(Message.of("ticket.idempotency-key-reused", saved.number()),
					"Idempotency-Key", Message.of("idempotency.other-request"));
		}
		if (added.get()) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("ticket_number", saved.number());
			if (saved.status() != ticket.status()) {
				details.put("status", ticket.status() + " -> " + saved.status());
			}
			audit.record(partner, "ticket.replied", "ticket", saved.id(), saved.customerId(), details);
		}
		return new PartnerReply(view(saved, partner), added.get());
	}

	/** A file a partner sent for the customer, the ticket after it, and whether it was added now (false: a repeat). */
	public record PartnerFile(TicketView view, Attachment attachment, boolean created) {
	}

	/**
	 * A file a partner system sends for the customer (issue 9): a public message of the customer's side carrying it,
	 * its text {@code comment} (sanitised) or else the file's name, signed {@code authorName} (else the partner's
	 * client id), with the effects of a customer's reply. The file is checked as the portal's are (size, type by
	 * content) before anything is stored, and taken back when the message is then refused (a closed ticket). With an
	 * {@code idempotencyKey} (per partner and ticket) it is added once: the message's id is made from them, so a
	 * repeat answers the file kept the first time ({@code created} false) and a repeat racing the first takes back
	 * what it stored; the key with another file, comment or author is refused ({@code ticket.idempotency-key-reused}).
	 */
	public PartnerFile attachForCustomer(Caller partner, String idOrNumber, AttachmentUpload file, String comment,
			String authorName, String idempotencyKey) {
		Ticket ticket = lookup.visible(partner, idOrNumber);
		Author author = new Author(AuthorKind.CUSTOMER, partner.name(),
				authorName == null || authorName.isBlank() ? partner.client() : authorName.strip());
		String body = comment == null || comment.isBlank() ? file.plainName() : comment;
		String safe = checkedBody(body, "ticket.cannot-reply");
		String messageId = idempotencyKey == null ? null
				: "partner-file:" + java.util.UUID.nameUUIDFromBytes(("partner-file:" + partner.name() + "\u0000"
						+ ticket.id() + "\u0000" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		if (messageId != null) {
			java.util.Optional<TicketMessage> earlier = ticket.messages().stream()
				.filter(m -> messageId.equals(m.id())).findFirst();
			if (earlier.isPresent()) {
				return repeated(partner, ticket, earlier.get(), author, safe, file);
			}
		}
		List<Attachment> stored = attachments.store(List.of(file));
		java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean();
		Ticket saved;
		try {
			saved = reply(ticket.id(), author, body, clock.instant(), messageId, false, stored, added);
		}
		catch (RuntimeException refused) {
			attachments.delete(stored);
			throw refused;
		}
		if (!added.get()) {
			// A repeat that raced the first: the first one's file stays, this one's goes.
			attachments.delete(stored);
			TicketMessage first = saved.messages().stream().filter(m -> messageId.equals(m.id())).findFirst()
				.orElseThrow();
			return repeated(partner, saved, first, author, safe, file);
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		details.put("attachment", stored.get(0).contentType() + ", " + stored.get(0).size() + " bytes");
		if (saved.status() != ticket.status()) {
			details.put("status", ticket.status() + " -> " + saved.status());
		}
		audit.record(partner, "ticket.replied", "ticket", saved.id(), saved.customerId(), details);
		return new PartnerFile(view(saved, partner), stored.get(0), true);
	}

	/** The answer to a repeated key: the file kept the first time, if this is the same request; else refused. */
	private PartnerFile repeated(Caller partner, Ticket ticket, TicketMessage first, Author author, String safe,
			AttachmentUpload file) {
		Attachment kept = first.attachments().isEmpty() ? null : first.attachments().get(0);
		boolean same = kept != null && first.body().equals(safe)
				&& java.util.Objects.equals(first.authorName(), author.name()) && kept.fileName().equals(file.plainName())
				&& kept.size() == file.content().length
				&& java.util.Arrays.equals(attachments.content(kept), file.content());
		if (!same) {
			throw UnprocessableException.field(Message.of("ticket.idempotency-key-reused", ticket.number()),
					"Idempotency-Key", Message.of("idempotency.other-request"));
		}
		return new PartnerFile(view(ticket, partner), kept, false);
	}

	private TicketView replied(Caller caller, Ticket ticket, Author author, String body, List<Attachment> files) {
		// Staff's public replies reach the requester by mail too when that is their channel (the mail package decides).
		Ticket saved = reply(ticket.id(), author, body, clock.instant(), null, Callers.isStaff(caller), files);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ticket_number", saved.number());
		if (saved.status() != ticket.status()) {
			details.put("status", ticket.status() + " -> " + saved.status());
		}
		audit.record(caller, "ticket.replied", "ticket", saved.id(), saved.customerId(), details);
		return view(saved, caller);
	}

	/** An internal note of staff: changes no status and no timer, and no customer or partner ever reads it. */
	public TicketView addNote(Caller caller, String idOrNumber, String body) {
		Callers.requireStaff(caller, "Internal notes");
		Ticket ticket = lookup.visible(caller, idOrNumber);
		Ticket saved = note(ticket.id(), Author.of(caller), body, clock.instant());
		audit.record(caller, "ticket.note-added", "ticket", saved.id(), saved.customerId(),
				Map.of("ticket_number", saved.number()));
		return view(saved, caller);
	}

	/**
	 * Adds {@code author}'s public reply (sanitised) at {@code at}, with its effects on the status; refused on
	 * a closed ticket, and when blank or too long.
	 */
	public Ticket reply(String id, Author author, String body, Instant at) {
		return reply(id, author, body, at, null, false, List.of());
	}

	/** As {@link #reply(String, Author, String, Instant)}, carrying files already stored (the demo data). */
	public Ticket reply(String id, Author author, String body, Instant at, List<Attachment> files) {
		return reply(id, author, body, at, null, false, files);
	}

	/**
	 * The customer's reply that came by mail, added once: {@code messageId} (made from the mail's Message-ID) is
	 * the message's id, so a mail handled again (a poller that died before it noted it) adds nothing. It has the
	 * effects of a customer's reply; refused on a closed ticket ({@link ConflictException}).
	 */
	public Ticket replyFromMail(String id, Author author, String body, Instant at, String messageId) {
		return replyFromMail(id, author, body, at, messageId, List.of());
	}

	/** As {@link #replyFromMail(String, Author, String, Instant, String)}, carrying the mail's files (kept). */
	public Ticket replyFromMail(String id, Author author, String body, Instant at, String messageId,
			List<Attachment> files) {
		return reply(id, author, body, at, messageId, false, files);
	}

	/**
	 * Adds {@code author}'s internal note once: {@code messageId} is its id, so a second call (a mail handled again)
	 * adds nothing. Notes go on closed tickets too.
	 */
	public Ticket noteOnce(String id, Author author, String body, Instant at, String messageId) {
		String safe = checkedBody(body, "ticket.cannot-add-note");
		return lookup.change(id, ticket -> ticket.messages().stream().anyMatch(m -> messageId.equals(m.id())) ? ticket
				: ticket.withMessage(author.says(messageId, safe, true, at)));
	}

	private Ticket reply(String id, Author author, String body, Instant at, String messageId, boolean mailed,
			List<Attachment> files) {
		return reply(id, author, body, at, messageId, mailed, files, new java.util.concurrent.atomic.AtomicBoolean());
	}

	/** As above; {@code added} says whether this call added the message (false: one with its id was there). */
	private Ticket reply(String id, Author author, String body, Instant at, String messageId, boolean mailed,
			List<Attachment> files, java.util.concurrent.atomic.AtomicBoolean added) {
		String safe = checkedBody(body, "ticket.cannot-reply");
		return lookup.change(id, ticket -> {
			added.set(false);
			if (messageId != null && ticket.messages().stream().anyMatch(m -> messageId.equals(m.id()))) {
				return ticket;
			}
			added.set(true);
			if (ticket.status() == TicketStatus.CLOSED) {
				throw new ConflictException(Message.of("ticket.closed-already", ticket.number()));
			}
			TicketMessage message = author.says(messageId, safe, false, at).withAttachments(files);
			Ticket answered = ticket.withMessage(message);
			if (mailed && author.kind() == AuthorKind.STAFF) {
				answered = answered.withReplyToMail(message);
			}
			BusinessCalendar calendar = settings.calendar(ticket.sla().calendarId());
			return switch (author.kind()) {
				case STAFF -> answered.respondedAt(at, author.id(), author.name());
				case CUSTOMER -> (switch (ticket.status()) {
					case PENDING -> answered.resumedAt(at, calendar);
					case RESOLVED -> answered.reopenedAt(at);
					default -> answered;
				}).customerWroteAt(at, calendar, settings.atRiskPercent());
				case SYSTEM -> answered;
			};
		});
	}

	/** Adds {@code author}'s internal note (sanitised) at {@code at}; refused when blank or too long. */
	public Ticket note(String id, Author author, String body, Instant at) {
		String safe = checkedBody(body, "ticket.cannot-add-note");
		return lookup.change(id, ticket -> ticket.withMessage(author.says(safe, true, at)));
	}

	private TicketView view(Ticket ticket, Caller caller) {
		return TicketView.of(ticket, caller, clock.instant(), sla.atRiskPercent());
	}

	/** The sanitised body, or the refusal naming it: blank or too long. */
	static String checkedBody(String body, String reason) {
		String safe = MessageBodies.sanitise(body);
		if (MessageBodies.isBlank(safe)) {
			throw UnprocessableException.field(Message.of(reason), "body", Message.of("field.required"));
		}
		if (safe.length() > MessageBodies.MAX_LENGTH) {
			throw UnprocessableException.field(Message.of(reason), "body",
					Message.of("field.too-long", MessageBodies.MAX_LENGTH));
		}
		return safe;
	}
}
