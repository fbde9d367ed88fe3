package com.rapport.ticket.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.ContactDirectory.KnownContact;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.mail.InboundMail.State;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketConversation;
import com.rapport.ticket.ticket.TicketDeskTest;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketService;
import com.rapport.ticket.ticket.TicketStatus;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The email channel end to end against a real mail server (GreenMail in process, SMTP and IMAP): mails to the
 * support mailbox become tickets, replies and triage; the acknowledgement and staff's replies go out in the ticket's
 * thread. customer-service is stood in for by the directories (Alice of Acme Retail, zh-CN, Asia/Shanghai). Key
 * tier, normal priority: first response due 4 h after the opening (round the clock in the tests' calendar).
 */
@TicketDeskTest
@TestPropertySource(properties = "rapport.tickets.support-mail.max-message-size=64KB")
class SupportMailTests {

	static final String SUPPORT = "support@rapport.example";

	static final String ALICE = "alice.chen@acme-retail.example";

	static final KnownContact ALICE_CONTACT = new KnownContact("acme-retail", "alice-1", "Alice Chen", ALICE, "zh-CN",
			"Asia/Shanghai", true);

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-portal", "");

	/** A real SMTP and IMAP server; the support mailbox is its user. */
	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(
			new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() })
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "support-secret"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("rapport.tickets.support-mail.host", () -> "127.0.0.1");
		registry.add("rapport.tickets.support-mail.port", () -> MAIL.getImap().getPort());
		registry.add("rapport.tickets.support-mail.username", () -> SUPPORT);
		registry.add("rapport.tickets.support-mail.password", () -> "support-secret");
	}

	@Autowired
	MailPoller poller;

	@Autowired
	CustomerMailOutbox outbox;

	@Autowired
	MailTriage triage;

	@Autowired
	TicketRepository tickets;

	@Autowired
	TicketService ticketService;

	@Autowired
	TicketConversation conversation;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JavaMailSenderImpl smtp;

	@Autowired
	MutableClock clock;

	@MockitoBean
	CustomerDirectory customers;

	@MockitoBean
	ContactDirectory contacts;

	@BeforeEach
	void setUp() throws Exception {
		tickets.deleteAll();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), InboundMail.class);
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SentCustomerMail.class);
		MAIL.purgeEmailFromAllMailboxes();
		clock.advance(Duration.between(clock.instant(), TicketDeskTest.NOW));
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
		given(contacts.contactsByEmail(anyString())).willReturn(List.of());
		given(contacts.contactsByEmail(ALICE)).willReturn(List.of(ALICE_CONTACT));
		given(contacts.contact(any(), any(), any())).willReturn(Optional.empty());
		given(contacts.contact(eq("acme-retail"), any(), eq(ALICE))).willReturn(Optional.of(ALICE_CONTACT));
	}

	@Test
	void aMailFromAKnownContactOpensATicketForTheirOrganisationWithTheMailSanitisedAsItsFirstMessage()
			throws Exception {
		mailToSupport("Alice Chen <" + ALICE + ">", "Chairs wobble", "<p>Two chairs <b>wobble</b></p><script>alert(1)</script>",
				"<first@acme-retail.example>", null, true);

		assertThat(poller.poll()).isEqualTo(1);

		Ticket ticket = onlyTicket();
		assertThat(ticket.customerId()).isEqualTo("acme-retail");
		assertThat(ticket.channel()).isEqualTo(Channel.EMAIL);
		assertThat(ticket.subject()).isEqualTo("Chairs wobble");
		assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
		assertThat(ticket.requester().contactId()).isEqualTo("alice-1");
		assertThat(ticket.requester().email()).isEqualTo(ALICE);
		assertThat(ticket.messages()).singleElement().satisfies(message -> {
			assertThat(message.authorKind()).isEqualTo(AuthorKind.CUSTOMER);
			assertThat(message.authorName()).isEqualTo("Alice Chen");
			assertThat(message.body()).isEqualTo("<p>Two chairs <b>wobble</b></p>");
		});
		assertThat(stored("<first@acme-retail.example>").state()).isEqualTo(State.TICKET_OPENED);
		assertThat(unseenInSupportMailbox()).isZero();
	}

	@Test
	void theRequesterIsAcknowledgedOnceInTheirLanguageWithTheNumberAndTheFirstResponseDueInTheirZone()
			throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();

		assertThat(outbox.relayPending()).isEqualTo(1);
		assertThat(outbox.relayPending()).as("once").isZero();

		MimeMessage ack = onlyMailTo(ALICE);
		assertThat(ack.getSubject()).isEqualTo("[" + ticket.number() + "] Chairs wobble");
		String text = decoded(ack);
		// Opened 2026-11-30 10:00 UTC, first response 4 h later: 22:00 in Shanghai, said in Chinese.
		assertThat(text).contains("Alice Chen，您好").contains("工单 " + ticket.number())
			.contains("我们将在 2026-11-30 22:00 (Asia/Shanghai) 之前答复您");
		assertThat(ack.getHeader("Content-Language")).containsExactly("zh-CN");
		assertThat(ack.getMessageID()).isEqualTo("<ticket." + ticket.id() + ".ack@ticket-service.rapport>");
		assertThat(ack.getHeader("In-Reply-To")).containsExactly("<first@acme-retail.example>");
		assertThat(ack.getFrom()[0].toString()).contains(SUPPORT);
	}

	@Test
	void aTicketRaisedInThePortalIsAcknowledgedInEnglishWhenTheContactIsUnknownInTheCalendarsZone() throws Exception {
		Caller bob = new Caller("bob@acme-retail.example", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme-retail"),
				"rapport-gateway", "");
		Ticket opened = intakeOpen(bob);

		assertThat(outbox.relayPending()).isEqualTo(1);

		MimeMessage ack = onlyMailTo("bob@acme-retail.example");
		String text = decoded(ack);
		assertThat(text).contains("We have received your request and opened ticket " + opened.number())
			.contains("You will hear back from us by 2026-11-30 14:00 (UTC)");
		assertThat(ack.getHeader("In-Reply-To")).isNull();
	}

	@Test
	void aReplyWhoseSubjectCarriesTheNumberLandsOnTheTicketAndResumesIt() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();
		ticketService.waitOnCustomer(ticket.id(), null);
		clock.advance(Duration.ofMinutes(30));

		mailToSupport(ALICE, "Re: [" + ticket.number() + "] Chairs wobble", "Photos are attached now.",
				"<second@acme-retail.example>", null, false);
		assertThat(poller.poll()).isEqualTo(1);

		Ticket replied = onlyTicket();
		assertThat(replied.id()).isEqualTo(ticket.id());
		assertThat(replied.status()).as("resumed as a portal reply resumes it").isEqualTo(TicketStatus.OPEN);
		assertThat(replied.messages()).hasSize(2).last().satisfies(message -> {
			assertThat(message.authorKind()).isEqualTo(AuthorKind.CUSTOMER);
			assertThat(message.body()).isEqualTo("Photos are attached now.");
			assertThat(message.internal()).isFalse();
		});
		assertThat(stored("<second@acme-retail.example>").state()).isEqualTo(State.REPLY_ADDED);
	}

	@Test
	void aReplyInTheThreadOfOurMailLandsOnTheTicketWhateverItsSubject() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();
		outbox.relayPending();
		String ack = onlyMailTo(ALICE).getMessageID();

		mailToSupport(ALICE, "Re: Your request", "Any news?", "<second@acme-retail.example>", ack, false);
		mailToSupport(ALICE, "Still waiting", "Hello?", "<third@acme-retail.example>", "<second@acme-retail.example>",
				false);
		assertThat(poller.poll()).isEqualTo(2);

		assertThat(tickets.count()).as("never a new ticket").isEqualTo(1);
		assertThat(onlyTicket().messages()).extracting(m -> m.body())
			.containsExactly("Two chairs wobble", "Any news?", "Hello?");
		assertThat(ticket.number()).isEqualTo(onlyTicket().number());
	}

	@Test
	void aStrangerAnsweringATicketAndAnUnknownSenderWaitInTheTriageWhereStaffOpenOrDiscardThem() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();
		mailToSupport("Someone <someone@elsewhere.example>", "Re: [" + ticket.number() + "] Chairs wobble",
				"Let me in", "<intruder@elsewhere.example>", null, false);
		mailToSupport("New Buyer <buyer@new-customer.example>", "Price list", "Please send your price list",
				"<stranger@new-customer.example>", null, false);

		assertThat(poller.poll()).isEqualTo(2);

		assertThat(onlyTicket().messages()).as("nothing added to the ticket").hasSize(1);
		MailTriage.Waiting waiting = triage.waiting(AGENT, 0);
		assertThat(waiting.total()).isEqualTo(2);
		InboundMail intruder = waiting.mails().stream().filter(m -> m.fromAddress().equals("someone@elsewhere.example"))
			.findFirst().orElseThrow();
		InboundMail stranger = waiting.mails().stream().filter(m -> m.fromAddress().equals("buyer@new-customer.example"))
			.findFirst().orElseThrow();
		assertThat(intruder.reason()).isEqualTo("mail.triage.not-a-contact-of-ticket");
		assertThat(intruder.ticketNumber()).isEqualTo(ticket.number());
		assertThat(stranger.reason()).isEqualTo("mail.triage.unknown-sender");

		Ticket opened = triage.openTicket(AGENT, stranger.id(), "globex-trading", null, null, TicketKind.REQUEST,
				Category.BILLING);
		assertThat(opened.channel()).isEqualTo(Channel.EMAIL);
		assertThat(opened.customerId()).isEqualTo("globex-trading");
		assertThat(opened.requester().email()).isEqualTo("buyer@new-customer.example");
		assertThat(opened.requester().name()).isEqualTo("New Buyer");
		assertThat(opened.messages()).singleElement()
			.satisfies(m -> assertThat(m.body()).isEqualTo("Please send your price list"));
		triage.discard(AGENT, intruder.id());

		assertThat(triage.waiting(AGENT, 0).total()).isZero();
		assertThat(stored("<stranger@new-customer.example>").state()).isEqualTo(State.OPENED_FROM_TRIAGE);
		assertThat(stored("<intruder@elsewhere.example>").state()).isEqualTo(State.DISCARDED);
		// The new requester is acknowledged too.
		outbox.relayPending();
		assertThat(mailsTo("buyer@new-customer.example")).hasSize(1);
	}

	@Test
	void aMailIsHandledOnceWhenThePollerDiedAfterActingAndBeforeNotingAndFlaggingIt() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();
		mailToSupport(ALICE, "Re: [" + ticket.number() + "]", "Any news?", "<second@acme-retail.example>", null, false);
		poller.poll();
		// As if the poller had stopped after opening the ticket and adding the reply, before it noted either or
		// flagged the mails: both are unhandled in the store and unseen in the mailbox again.
		mongo.updateMulti(new org.springframework.data.mongodb.core.query.Query(),
				new org.springframework.data.mongodb.core.query.Update().set("state", State.RECEIVED), InboundMail.class);
		markAllUnseen();

		assertThat(poller.poll()).as("the store's two, then the mailbox's two again").isEqualTo(4);
		assertThat(poller.poll()).isZero();

		assertThat(tickets.count()).isEqualTo(1);
		assertThat(onlyTicket().messages()).extracting(m -> m.body()).containsExactly("Two chairs wobble", "Any news?");
		assertThat(stored("<first@acme-retail.example>").state()).isEqualTo(State.TICKET_OPENED);
		assertThat(stored("<second@acme-retail.example>").state()).isEqualTo(State.REPLY_ADDED);
		assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), InboundMail.class)).isEqualTo(2);
	}

	@Test
	void aMailTooLargeOrWithoutASenderIsSetAsideAndThePollerGoesOn() throws Exception {
		mailToSupport(ALICE, "Huge", "x".repeat(100_000), "<huge@acme-retail.example>", null, false);
		mailToSupport(null, "Nobody", "No sender header", "<nobody@acme-retail.example>", null, false);
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<fine@acme-retail.example>", null, false);

		assertThat(poller.poll()).isEqualTo(3);

		assertThat(stored("<huge@acme-retail.example>").state()).isEqualTo(State.REJECTED);
		assertThat(stored("<huge@acme-retail.example>").reason()).isEqualTo("mail.rejected.too-large");
		assertThat(stored("<nobody@acme-retail.example>").reason()).isEqualTo("mail.rejected.malformed");
		assertThat(onlyTicket().subject()).isEqualTo("Chairs wobble");
		assertThat(unseenInSupportMailbox()).isZero();
	}

	@Test
	void staffsPublicReplyGoesOutInTheTicketsThreadAndAnInternalNoteNever() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();
		outbox.relayPending();
		MAIL.purgeEmailFromAllMailboxes();

		conversation.addNote(AGENT, ticket.number(), "Supplier says the batch was bad");
		conversation.reply(AGENT, ticket.number(), "We will send <b>two new chairs</b> tomorrow.");
		assertThat(outbox.relayPending()).isEqualTo(1);

		MimeMessage reply = onlyMailTo(ALICE);
		Ticket answered = onlyTicket();
		String replyId = answered.messages().get(answered.messages().size() - 1).id();
		assertThat(reply.getSubject()).isEqualTo("[" + ticket.number() + "] Chairs wobble");
		assertThat(reply.getMessageID())
			.isEqualTo("<ticket." + ticket.id() + ".reply." + replyId + "@ticket-service.rapport>");
		assertThat(reply.getHeader("In-Reply-To")).containsExactly("<first@acme-retail.example>");
		assertThat(reply.getHeader("References")[0]).isEqualTo(
				"<ticket." + ticket.id() + ".ack@ticket-service.rapport> <first@acme-retail.example>");
		assertThat(decoded(reply)).contains("We will send two new chairs tomorrow.").doesNotContain("Supplier")
			.doesNotContain("<b>");
	}

	@Test
	void whileTheMailServerIsDownTheAcknowledgementWaitsAndGoesOnceWhenItIsBack() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket stale = onlyTicket();
		int port = smtp.getPort();
		try {
			smtp.setPort(freePort());
			assertThat(outbox.relayPending()).as("the server does not answer").isZero();
			assertThat(onlyTicket().customerMails()).hasSize(1);
		}
		finally {
			smtp.setPort(port);
		}
		assertThat(outbox.relayPending()).isEqualTo(1);
		assertThat(onlyTicket().customerMails()).isEmpty();
		// The mail back in the ticket, as after a relay round that stopped between sending it and removing it:
		// it still goes once.
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(stale.id())),
				new org.springframework.data.mongodb.core.query.Update().push("customerMails",
						stale.customerMails().get(0)),
				Ticket.class);
		assertThat(onlyTicket().customerMails()).hasSize(1);
		outbox.relayPending();
		assertThat(onlyTicket().customerMails()).isEmpty();

		assertThat(mailsTo(ALICE)).hasSize(1);
	}

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static final byte[] PNG = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");

	@Autowired
	com.rapport.ticket.attachment.Attachments attachments;

	@Test
	void aMailsFilesGoWithItsMessageAndARefusedOneIsNamedInANoteForStaffOnly() throws Exception {
		mailWithFiles("Alice Chen <" + ALICE + ">", "Chairs wobble", "Photos and the delivery note attached.",
				"<files@acme-retail.example>", null, new String[] { "delivery note.pdf", "payload.txt", "leg.png" },
				new byte[][] { PDF, "<html><body><script>alert(1)</script></body></html>".getBytes(), PNG });
		assertThat(poller.poll()).isEqualTo(1);

		Ticket ticket = onlyTicket();
		assertThat(ticket.messages()).hasSize(2);
		var opening = ticket.messages().get(0);
		assertThat(opening.internal()).isFalse();
		assertThat(opening.body()).isEqualTo("Photos and the delivery note attached.");
		assertThat(opening.attachments()).extracting(a -> a.fileName() + " " + a.contentType())
			.containsExactly("delivery note.pdf application/pdf", "leg.png image/png");
		assertThat(attachments.content(opening.attachments().get(0))).isEqualTo(PDF);
		assertThat(attachments.content(opening.attachments().get(1))).isEqualTo(PNG);
		var note = ticket.messages().get(1);
		assertThat(note.internal()).isTrue();
		assertThat(note.authorKind()).isEqualTo(AuthorKind.SYSTEM);
		assertThat(note.body()).contains("payload.txt").contains("text/html").contains("were not kept")
			.contains("未保存").doesNotContain("<script>");
		// The customer reads their files and never the note.
		Caller alice = new Caller("alice", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme-retail"),
				"rapport-portal", "");
		assertThat(conversation.get(alice, ticket.number()).messages()).singleElement()
			.satisfies(m -> assertThat(m.attachments()).hasSize(2));

		// A reply by mail keeps its file too; read again, nothing is added twice.
		mailWithFiles(ALICE, "Re: [" + ticket.number() + "] Chairs wobble", "One more photo.",
				"<files-2@acme-retail.example>", null, new String[] { "leg-2.png" }, new byte[][] { PNG });
		assertThat(poller.poll()).isEqualTo(1);
		markAllUnseen();
		poller.poll();
		Ticket replied = onlyTicket();
		assertThat(replied.messages()).hasSize(3);
		assertThat(replied.messages().get(2).attachments()).singleElement()
			.satisfies(a -> assertThat(a.fileName()).isEqualTo("leg-2.png"));
		assertThat(stored("<files@acme-retail.example>").attachments()).hasSize(2);
		assertThat(mongo.getCollection("ticket_attachment_chunks").countDocuments(
				new org.bson.Document("_id", new org.bson.Document("$regex", "^" + java.util.regex.Pattern.quote(
						replied.messages().get(2).attachments().get(0).id()))))).isEqualTo(1);
	}

	@Test
	void staffsPublicReplyWithFilesGoesOutByMailWithThemAttached() throws Exception {
		mailToSupport(ALICE, "Chairs wobble", "Two chairs wobble", "<first@acme-retail.example>", null, false);
		poller.poll();
		Ticket ticket = onlyTicket();
		outbox.relayPending();
		MAIL.purgeEmailFromAllMailboxes();

		conversation.reply(AGENT, ticket.number(), "The assembly guide is attached.",
				List.of(new com.rapport.ticket.attachment.AttachmentUpload("guide CHAIR-ERG-01.pdf", PDF)));
		assertThat(outbox.relayPending()).isEqualTo(1);

		MimeMessage reply = onlyMailTo(ALICE);
		assertThat(reply.getContent()).isInstanceOf(jakarta.mail.Multipart.class);
		List<com.rapport.ticket.attachment.AttachmentUpload> sent = MailParser.files(reply);
		assertThat(sent).singleElement().satisfies(file -> {
			assertThat(file.fileName()).isEqualTo("guide CHAIR-ERG-01.pdf");
			assertThat(file.content()).isEqualTo(PDF);
		});
		assertThat(MailParser.body(reply)).contains("The assembly guide is attached.");
		assertThat(reply.getMessageID()).startsWith("<ticket." + ticket.id() + ".reply.");
	}

	/** A mail to the support mailbox with files attached (each with its name; its type as the sender says). */
	private static void mailWithFiles(String from, String subject, String body, String messageId, String inReplyTo,
			String[] names, byte[][] contents) throws Exception {
		Properties settings = new Properties();
		settings.put("mail.smtp.host", "127.0.0.1");
		settings.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
		MimeMessage mail = new MimeMessage(Session.getInstance(settings)) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		mail.setFrom(new InternetAddress(from));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
		mail.setSubject(subject, "UTF-8");
		jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
		jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
		text.setText(body, "UTF-8");
		parts.addBodyPart(text);
		for (int i = 0; i < names.length; i++) {
			jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
			file.setDataHandler(new jakarta.activation.DataHandler(
					new jakarta.mail.util.ByteArrayDataSource(contents[i], "application/octet-stream")));
			file.setFileName(jakarta.mail.internet.MimeUtility.encodeText(names[i], "UTF-8", null));
			file.setDisposition(jakarta.mail.Part.ATTACHMENT);
			file.setHeader("Content-Transfer-Encoding", "base64"); // as mail clients send files
			parts.addBodyPart(file);
		}
		mail.setContent(parts);
		if (inReplyTo != null) {
			mail.setHeader("In-Reply-To", inReplyTo);
		}
		Transport.send(mail);
	}

	private Ticket intakeOpen(Caller contact) {
		return ticketIntake.open(contact, new com.rapport.ticket.ticket.TicketRequest("", "Invoice copy",
				"Please send the invoice again", TicketKind.REQUEST, Category.BILLING, null, null, null, null, null,
				null, null)).ticket();
	}

	@Autowired
	com.rapport.ticket.ticket.TicketIntake ticketIntake;

	private Ticket onlyTicket() {
		List<Ticket> all = tickets.findAll();
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private InboundMail stored(String messageId) {
		return mongo.findById(InboundMail.idOf(messageId), InboundMail.class);
	}

	private static List<MimeMessage> mailsTo(String address) throws MessagingException {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(mail -> {
			try {
				return mail.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static MimeMessage onlyMailTo(String address) throws MessagingException {
		List<MimeMessage> mails = mailsTo(address);
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}

	private static String decoded(MimeMessage mail) throws Exception {
		return String.valueOf(mail.getContent());
	}

	/** Sends a mail to the support mailbox over SMTP with the given Message-ID (and In-Reply-To); no From if null. */
	private static void mailToSupport(String from, String subject, String body, String messageId, String inReplyTo,
			boolean html) throws MessagingException {
		Properties settings = new Properties();
		settings.put("mail.smtp.host", "127.0.0.1");
		settings.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
		settings.put("mail.smtp.from", "envelope@elsewhere.example");
		MimeMessage mail = new MimeMessage(Session.getInstance(settings)) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		if (from != null) {
			mail.setFrom(new InternetAddress(from));
		}
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
		mail.setSubject(subject, "UTF-8");
		if (html) {
			mail.setContent(body, "text/html; charset=UTF-8");
		}
		else {
			mail.setText(body, "UTF-8");
		}
		if (inReplyTo != null) {
			mail.setHeader("In-Reply-To", inReplyTo);
		}
		Transport.send(mail);
	}

	private static int unseenInSupportMailbox() throws MessagingException {
		try (Store store = imap()) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			try {
				return inbox.getUnreadMessageCount();
			}
			finally {
				inbox.close(false);
			}
		}
	}

	private static void markAllUnseen() throws MessagingException {
		try (Store store = imap()) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			try {
				inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
			}
			finally {
				inbox.close(false);
			}
		}
	}

	private static Store imap() throws MessagingException {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", MAIL.getImap().getPort(), SUPPORT, "support-secret");
		return store;
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
