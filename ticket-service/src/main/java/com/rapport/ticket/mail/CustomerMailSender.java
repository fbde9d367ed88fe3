package com.rapport.ticket.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.Attachments;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.ContactDirectory.KnownContact;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.CustomerMail;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketAttachments;
import com.rapport.ticket.ticket.TicketMessage;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a mail a ticket owes its requester ({@link CustomerMail}) by SMTP, in the ticket's thread: Message-ID fixed
 * by what it tells ({@link MailThreads}), In-Reply-To the customer's last mail on the ticket (else the
 * acknowledgement), References the acknowledgement and the customer's mails. The requester's address is the one
 * the ticket keeps, else their contact's; their language, time zone and channel are asked of customer-service. The
 * acknowledgement goes to anyone with an address; a reply only when the ticket came by email or email is the
 * contact's channel, and only if it is public. Nothing to send (no address, another channel, an erased requester)
 * counts as done.
 *
 * <p>A mail server that cannot take the mail now ({@code RemoteUnavailableException}) leaves it waiting in the
 * ticket; an address it refuses for good is set aside by the relay. Once taken, the mail is noted
 * ({@link SentCustomerMail}) so it never goes again, even if the round stops before the relay removes it from the
 * ticket: at most one more hand-over, with the same Message-ID, if the service stops between the server's answer
 * and the note.
 */
@Component
class CustomerMailSender {

	static final String REMOTE = "mail server";

	private static final Logger log = LoggerFactory.getLogger(CustomerMailSender.class);

	private final JavaMailSender sender;

	private final CustomerMailWriter writer;

	private final ContactDirectory contacts;

	private final MongoTemplate mongo;

	private final SupportMailProperties properties;

	private final MailThreads threads;

	private final Clock clock;

	private final Attachments attachments;

	CustomerMailSender(JavaMailSender sender, CustomerMailWriter writer, ContactDirectory contacts, MongoTemplate mongo,
			SupportMailProperties properties, Clock clock, Attachments attachments) {
		this.attachments = attachments;
		this.sender = sender;
		this.writer = writer;
		this.contacts = contacts;
		this.mongo = mongo;
		this.properties = properties;
		this.threads = new MailThreads(properties.messageIdDomain());
		this.clock = clock;
	}

	void send(Ticket ticket, CustomerMail mail) {
		if (mongo.exists(Query.query(Criteria.where("_id").is(mail.eventId())), SentCustomerMail.class)) {
			return;
		}
		Requester requester = ticket.requester();
		if (requester == null || requester.erased()) {
			return;
		}
		Optional<KnownContact> contact = requester.contactId() == null && requester.email() == null ? Optional.empty()
				: contacts.contact(ticket.customerId(), requester.contactId(), requester.email());
		String to = requester.email() != null ? requester.email()
				: contact.map(KnownContact::email).filter(email -> !email.isBlank()).orElse(null);
		if (to == null) {
			log.info("Mail {} of ticket {} not sent: the requester has no address", mail.eventId(), ticket.number());
			return;
		}
		TicketMessage reply = null;
		if (mail.kind() == CustomerMail.Kind.REPLY) {
			boolean byMail = ticket.channel() == Channel.EMAIL || contact.map(KnownContact::prefersEmail).orElse(false);
			reply = ticket.messages().stream().filter(m -> m.id().equals(mail.messageId()) && m.isPublic()).findFirst()
				.orElse(null);
			if (!byMail || reply == null) {
				return;
			}
		}
		CustomerMailWriter.Letter letter = writer.write(ticket, mail, contact, reply);
		// A reply's files go with it, each as the type its content was found to be.
		List<TicketAttachments.File> files = new ArrayList<>();
		if (reply != null) {
			for (Attachment file : reply.attachments()) {
				files.add(new TicketAttachments.File(file, attachments.content(file)));
			}
		}
		String messageId = mail.kind() == CustomerMail.Kind.ACKNOWLEDGEMENT ? threads.acknowledgement(ticket.id())
				: threads.reply(ticket.id(), mail.messageId());
		List<String> customerMails = customerMailIds(ticket.id());
		List<String> references = new ArrayList<>(customerMails);
		if (mail.kind() == CustomerMail.Kind.REPLY) {
			references.add(0, threads.acknowledgement(ticket.id()));
		}
		String inReplyTo = !customerMails.isEmpty() ? customerMails.get(customerMails.size() - 1)
				: mail.kind() == CustomerMail.Kind.REPLY ? threads.acknowledgement(ticket.id()) : null;
		try {
			sender.send(message -> {
				MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), StandardCharsets.UTF_8.name());
				helper.setFrom(new InternetAddress(properties.from(), true));
				helper.setReplyTo(new InternetAddress(properties.address(), true));
				helper.setTo(new InternetAddress(to, true));
				helper.setSubject(letter.subject());
				helper.setText(letter.text());
				for (TicketAttachments.File file : files) {
					// Base64 always: a file that happens to be ASCII (a PDF's head, a CSV) would otherwise go as 7bit
					// text, and the mail's way would change its line ends.
					MimeBodyPart part = new MimeBodyPart();
					part.setDataHandler(new jakarta.activation.DataHandler(
							new ByteArrayDataSource(file.content(), file.attachment().contentType())));
					part.setFileName(MimeUtility.encodeText(file.attachment().fileName(), StandardCharsets.UTF_8.name(),
							null));
					part.setDisposition(Part.ATTACHMENT);
					part.setHeader("Content-Transfer-Encoding", "base64");
					helper.getRootMimeMultipart().addBodyPart(part);
				}
				message.setHeader("Content-Language", letter.language());
				// RFC 3834: out-of-office answers must not answer it (the mailbox would file them).
				message.setHeader("Auto-Submitted", mail.kind() == CustomerMail.Kind.ACKNOWLEDGEMENT ? "auto-replied"
						: "no");
				message.setHeader("Message-ID", messageId);
				if (inReplyTo != null) {
					message.setHeader("In-Reply-To", inReplyTo);
				}
				if (!references.isEmpty()) {
					message.setHeader("References", String.join(" ", references));
				}
			});
		}
		catch (MailSendException ex) {
			if (ex.getFailedMessages().values().stream().anyMatch(CustomerMailSender::refusedAddress)) {
				throw new IllegalArgumentException("The mail server refuses the address of ticket " + ticket.number(), ex);
			}
			throw new RemoteUnavailableException(REMOTE, ex);
		}
		catch (MailAuthenticationException ex) {
			throw new RemoteUnavailableException(REMOTE, ex);
		}
		try {
			mongo.insert(new SentCustomerMail(mail.eventId(), ticket.id(), messageId, clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// Another replica's round sent it too (a lease that ran out): noted once.
		}
	}

	private static boolean refusedAddress(Exception ex) {
		return ex instanceof SendFailedException failed && failed.getInvalidAddresses() != null
				&& failed.getInvalidAddresses().length > 0;
	}

	/** The Message-IDs of the customer's mails on the ticket, oldest first (at most 20: the thread's tail). */
	private List<String> customerMailIds(String ticketId) {
		Query onTicket = Query.query(Criteria.where("ticketId").is(ticketId).and("state").in(InboundMail.State.TICKET_OPENED,
				InboundMail.State.REPLY_ADDED, InboundMail.State.OPENED_FROM_TRIAGE)).with(Sort.by("receivedAt")).limit(20);
		onTicket.fields().include("messageId");
		return mongo.find(onTicket, InboundMail.class).stream().map(InboundMail::messageId).toList();
	}
}
