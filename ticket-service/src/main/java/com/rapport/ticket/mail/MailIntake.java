package com.rapport.ticket.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.ContactDirectory.KnownContact;
import com.rapport.ticket.mail.InboundMail.State;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.ticket.Author;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Classification;
import com.rapport.ticket.ticket.MessageBodies;
import com.rapport.ticket.ticket.NewTicket;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketConversation;
import com.rapport.ticket.ticket.TicketIntake;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What becomes of a mail to the support mailbox, once: it is stored first ({@link InboundMail}, one per
 * Message-ID), then handled and its outcome noted only while it is still unhandled.
 * <ul>
 * <li>a mail that names a ticket (In-Reply-To or References carry a Message-ID this service sent about it, or
 * one of the customer's earlier mails on it; else its subject carries the number, {@code [T-1001]}) from the
 * ticket's requester or a contact of its organisation: the customer's reply on that ticket, with a reply's
 * effects (it resumes or reopens it); never a new ticket. A closed ticket takes no replies: the mail opens a new
 * one. From anyone else: the triage;</li>
 * <li>a mail from a contact customer-service knows (of one organisation): a new ticket for it, channel EMAIL,
 * the mail's text as its first message, acknowledged;</li>
 * <li>from an unknown address, or one several organisations' contacts share: the triage;</li>
 * <li>automatic mails (out-of-office answers, bounces) and the mailbox's own: ignored.</li>
 * </ul>
 * Opening and replying are idempotent (the ticket's id and the message's id are made from the Message-ID), so a
 * poller that died after acting and before noting the outcome does nothing twice. While customer-service cannot
 * answer the mail stays unhandled ({@code RemoteUnavailableException} is thrown) and is handled on a later round.
 */
@Service
public class MailIntake {

	static final String RECEIVED = "rapport.tickets.mails.received";

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	private static final int MAX_SUBJECT = 200;

	private final MongoTemplate mongo;

	private final TicketRepository tickets;

	private final TicketIntake intake;

	private final TicketConversation conversation;

	private final ContactDirectory contacts;

	private final SupportMailProperties properties;

	private final MailThreads threads;

	private final MeterRegistry meters;

	private final Clock clock;

	private final MailFiles files;

	MailIntake(MongoTemplate mongo, TicketRepository tickets, TicketIntake intake, TicketConversation conversation,
			ContactDirectory contacts, SupportMailProperties properties, MeterRegistry meters, Clock clock,
			MailFiles files) {
		this.files = files;
		this.mongo = mongo;
		this.tickets = tickets;
		this.intake = intake;
		this.conversation = conversation;
		this.contacts = contacts;
		this.properties = properties;
		this.threads = new MailThreads(properties.messageIdDomain());
		this.meters = meters;
		this.clock = clock;
	}

	/** Stores the mail (once per Message-ID) and handles it unless it was handled already; answers the record. */
	InboundMail receive(ParsedMail mail) {
		InboundMail stored;
		// The files are checked and kept with the mail (an automatic mail or one of our own needs none): what passes
		// goes with the message the mail becomes, each refused one is named in a note.
		boolean ignored = mail.automatic() || mail.fromAddress().equalsIgnoreCase(properties.address());
		MailFiles.Checked checked = ignored || mongo.exists(Query.query(Criteria.where("_id")
			.is(InboundMail.idOf(mail.messageId()))), InboundMail.class) ? new MailFiles.Checked(List.of(), List.of())
					: files.check(mail.files());
		try {
			stored = mongo.insert(InboundMail.received(mail, clock.instant(), checked.kept(), checked.refused()));
		}
		catch (DuplicateKeyException ex) {
			// Read before (a poller that died before flagging it): its record keeps the files of the first read.
			files.forget(checked.kept());
			stored = mongo.findById(InboundMail.idOf(mail.messageId()), InboundMail.class);
			if (stored == null) {
				throw ex;
			}
		}
		return stored.state() == State.RECEIVED ? handle(stored) : stored;
	}

	/** Keeps a mail that cannot be read (too large, malformed) as set aside, once; answers the record. */
	InboundMail reject(String messageId, String fromAddress, String subject, String reason) {
		try {
			InboundMail rejected = mongo.insert(InboundMail.rejected(messageId, fromAddress, subject, reason,
					clock.instant()));
			count(State.REJECTED);
			return rejected;
		}
		catch (DuplicateKeyException ex) {
			return mongo.findById(InboundMail.idOf(messageId), InboundMail.class);
		}
	}

	/** The mails stored but not handled yet, oldest first. */
	List<InboundMail> unhandled(int max) {
		return mongo.find(Query.query(Criteria.where("state").is(State.RECEIVED))
			.with(org.springframework.data.domain.Sort.by("receivedAt", "_id")).limit(max), InboundMail.class);
	}

	/** Handles a stored mail; answers it with its outcome. */
	InboundMail handle(InboundMail mail) {
		if (mail.automatic() || mail.fromAddress().equalsIgnoreCase(properties.address())) {
			return finish(mail, State.IGNORED, mail.automatic() ? "mail.ignored.automatic" : "mail.ignored.own", null);
		}
		Optional<Ticket> named = namedTicket(mail);
		if (named.isPresent()) {
			Ticket ticket = named.get();
			Optional<Sender> sender = senderOn(ticket, mail);
			if (sender.isEmpty()) {
				return finish(mail, State.TRIAGE, "mail.triage.not-a-contact-of-ticket", ticket);
			}
			if (ticket.status() != TicketStatus.CLOSED) {
				try {
					Ticket replied = conversation.replyFromMail(ticket.id(), sender.get().author(), bodyOf(mail),
							clock.instant(), "mail:" + mail.id(), mail.attachments());
					return finish(mail, State.REPLY_ADDED, null, withRefusedFilesNoted(mail, replied));
				}
				catch (ConflictException closedMeanwhile) {
					// Closed since it was read: a new ticket, as below.
				}
			}
			return open(mail, ticket.customerId(), sender.get());
		}
		List<KnownContact> known = contacts.contactsByEmail(mail.fromAddress());
		long organisations = known.stream().map(KnownContact::organisationId).distinct().count();
		if (organisations == 0) {
			return finish(mail, State.TRIAGE, "mail.triage.unknown-sender", null);
		}
		if (organisations > 1) {
			return finish(mail, State.TRIAGE, "mail.triage.several-organisations", null);
		}
		KnownContact contact = known.get(0);
		return open(mail, contact.organisationId(), Sender.of(contact, mail));
	}

	/** Who wrote, as the ticket's conversation names them. */
	record Sender(String contactId, String name, String email) {

		static Sender of(KnownContact contact, InboundMail mail) {
			String name = contact.name() == null || contact.name().isBlank() ? mail.fromName() : contact.name();
			return new Sender(contact.id(), name, mail.fromAddress());
		}

		Author author() {
			return new Author(AuthorKind.CUSTOMER, contactId != null ? contactId : email, name != null ? name : email);
		}
	}

	/** The ticket's requester or a contact of its organisation, by the mail's sender; empty for anyone else. */
	private Optional<Sender> senderOn(Ticket ticket, InboundMail mail) {
		Requester requester = ticket.requester();
		if (requester != null && mail.fromAddress().equalsIgnoreCase(requester.email())) {
			return Optional.of(new Sender(requester.contactId(),
					requester.name() != null ? requester.name() : mail.fromName(), mail.fromAddress()));
		}
		return contacts.contactsByEmail(mail.fromAddress()).stream()
			.filter(contact -> contact.organisationId().equals(ticket.customerId())).findFirst()
			.map(contact -> Sender.of(contact, mail));
	}

	/** The ticket the mail's thread names (a mail of ours, or a customer's earlier mail on it), else its subject. */
	private Optional<Ticket> namedTicket(InboundMail mail) {
		for (String answered : mail.answers()) {
			Optional<String> ours = threads.ticketIdOf(answered);
			Optional<Ticket> ticket = ours.isPresent() ? tickets.findById(ours.get())
					: Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("messageId").is(answered)),
							InboundMail.class)).map(InboundMail::ticketId).flatMap(tickets::findById);
			if (ticket.isPresent()) {
				return ticket;
			}
		}
		return MailThreads.numberIn(mail.subject()).flatMap(tickets::findByNumber);
	}

	private InboundMail open(InboundMail mail, String customerId, Sender sender) {
		NewTicket ticket = newTicket(mail, customerId, sender.contactId(), sender.name(), TicketKind.REQUEST,
				Category.QUESTION);
		try {
			Ticket opened = intake.openFromMail(ticket, ticketIdOf(mail), null, mail.attachments());
			return finish(mail, State.TICKET_OPENED, null, withRefusedFilesNoted(mail, opened));
		}
		catch (UnprocessableException ex) {
			// Such as an organisation customer-service no longer knows: staff decide.
			log.warn("Mail {} opened no ticket: {}", mail.id(), ex.getMessage());
			return finish(mail, State.TRIAGE, "mail.triage.not-accepted", null);
		}
	}

	/**
	 * Names the mail's refused files in an internal note of the platform on the ticket, once (the note's id is made
	 * from the mail's); answers the ticket as it is then.
	 */
	Ticket withRefusedFilesNoted(InboundMail mail, Ticket ticket) {
		if (mail.refusedFiles().isEmpty()) {
			return ticket;
		}
		return conversation.noteOnce(ticket.id(), Author.SYSTEM, files.note(mail.refusedFiles()), clock.instant(),
				"mail-files:" + mail.id());
	}

	/** The ticket a mail opens: its subject (or a placeholder) and text, the sender as the requester. */
	static NewTicket newTicket(InboundMail mail, String customerId, String contactId, String name, TicketKind kind,
			Category category) {
		String subject = mail.subject() == null ? "" : mail.subject().strip();
		if (subject.isEmpty()) {
			subject = "(no subject)";
		}
		if (subject.length() > MAX_SUBJECT) {
			subject = subject.substring(0, MAX_SUBJECT - 3) + "...";
		}
		String shown = name != null && !name.isBlank() ? name.strip() : mail.fromName();
		Requester requester = Requester.of(contactId, shown, mail.fromAddress());
		Author author = new Author(AuthorKind.CUSTOMER, contactId != null ? contactId : mail.fromAddress(),
				shown != null ? shown : mail.fromAddress());
		return new NewTicket(customerId, subject, kind, Priority.NORMAL, Channel.EMAIL, requester, null, null, null,
				new Classification(category, null, null, null), bodyOf(mail), author);
	}

	/** The mail's text; its subject when it has none (a message needs words). */
	static String bodyOf(InboundMail mail) {
		String body = mail.body() == null ? "" : mail.body();
		if (MessageBodies.isBlank(body)) {
			String subject = mail.subject() == null || mail.subject().isBlank() ? "(no text)" : mail.subject();
			return MessageBodies.sanitise(subject);
		}
		return body;
	}

	/** The id of the ticket a mail opens: the same on every try. */
	static String ticketIdOf(InboundMail mail) {
		return "mail-" + UUID.nameUUIDFromBytes(("mail-ticket:" + mail.messageId()).getBytes(StandardCharsets.UTF_8));
	}

	/** Notes the outcome while the mail is still unhandled; answers the mail as it now is. */
	private InboundMail finish(InboundMail mail, State state, String reason, Ticket ticket) {
		Instant now = clock.instant();
		Update outcome = new Update().set("state", state).set("reason", reason).set("handledAt", now);
		if (ticket != null) {
			outcome.set("ticketId", ticket.id()).set("ticketNumber", ticket.number());
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id()).and("state").is(State.RECEIVED)), outcome,
				InboundMail.class);
		count(state);
		log.info("Mail {} to the support mailbox: {}{}", mail.id(), state.name().toLowerCase(Locale.ROOT),
				ticket != null ? " " + ticket.number() : reason != null ? " (" + reason + ")" : "");
		return mongo.findById(mail.id(), InboundMail.class);
	}

	private void count(State outcome) {
		Counter.builder(RECEIVED).tag("outcome", outcome.name()).description("Mails the support mailbox received")
			.register(meters).increment();
	}
}
