package com.rapport.ordertracking.receivables;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.rapport.ordertracking.LocalSmtp;
import com.rapport.ordertracking.MovingClock;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.notification.ContactSource;
import com.rapport.ordertracking.notification.NotificationContact;
import com.rapport.ordertracking.order.Money;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.Caller;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Payment reminders reaching contacts through a real SMTP server (GreenMail, in-process) and the embedded store: the
 * cadence's step queued once per contact, sent in each contact's working hours, worded by the organisation's size and
 * the contact's language, paused by a promise, withdrawn when paid, and on the timeline. customer-service's answers
 * are stood in for; the tests move the clock (2026-11-30T10:00Z: Monday 18:00 in Shanghai, 11:00 in Berlin).
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=receivables", "rapport.notifications.first-retry=10s",
		"rapport.notifications.max-attempts=4", "rapport.notifications.portal-url=https://rapport.example" })
@Import({ TestTokens.DecoderConfiguration.class, MovingClock.class })
class ReceivablesTests {

	static final int SMTP_PORT = LocalSmtp.freePort();

	static final MutableClock CLOCK = MovingClock.CLOCK;

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web",
			"token");

	static final Caller PARTNER = new Caller("partner-demo", Set.of(), Set.of("orders.write"), Optional.empty(),
			"partner-demo", "token");

	static GreenMail smtp = LocalSmtp.started(SMTP_PORT);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		LocalSmtp.use(registry, SMTP_PORT);
	}

	@Autowired
	InvoiceBook book;

	@Autowired
	Receivables receivables;

	@Autowired
	ReminderPlanner planner;

	@Autowired
	ReminderSender sender;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	ContactSource contacts;

	@MockitoBean
	CustomerDirectory customers;

	@MockitoBean
	OrganisationSizes sizes;

	@BeforeEach
	void setUp() throws Exception {
		CLOCK.advance(Duration.between(CLOCK.instant(), MovingClock.START));
		mongo.remove(new Query(), Invoice.class);
		mongo.remove(new Query(), InvoiceReminder.class);
		smtp.purgeEmailFromAllMailboxes();
		given(customers.exists("acme-retail")).willReturn(true);
		given(customers.exists("initech-logistics")).willReturn(true);
		given(contacts.contactsOf("acme-retail")).willReturn(List.of(
				new NotificationContact("alice", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai", "PORTAL"),
				new NotificationContact("oliver", "Oliver Hughes", "oliver@acme.example", "en", "Europe/Berlin", "EMAIL"),
				new NotificationContact("bo", "Bo Zhang", "", "zh-CN", "Asia/Shanghai", "SMS")));
		given(contacts.contactsOf("initech-logistics")).willReturn(List.of(new NotificationContact("petra",
				"Petra Vogel", "petra@initech.example", "en", "Europe/Berlin", "EMAIL")));
		given(sizes.styleOf("acme-retail")).willReturn(Optional.of(Invoice.Style.FORMAL));
		given(sizes.styleOf("initech-logistics")).willReturn(Optional.of(Invoice.Style.WARM));
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	private Invoice invoiceOf(String customerId, String number, LocalDate due) {
		return book.submit(PARTNER, new NewInvoice(customerId, number, "ACME-1014", new Money("CNY", 12_800_000), due))
			.invoice();
	}

	/** The mail's text as its reader reads it (quoted-printable decoded). */
	private static String text(MimeMessage mail) throws Exception {
		return (String) mail.getContent();
	}

	@Test
	void theCourteousNoteGoesToEachContactInItsOwnWorkingHoursOnceInItsLanguage() throws Exception {
		Invoice invoice = invoiceOf("acme-retail", "INV-2026-1014", LocalDate.of(2026, 12, 3));

		assertThat(planner.plan()).as("Alice and Oliver have an address; Bo has none").isEqualTo(2);
		assertThat(planner.plan()).as("the step is queued once").isZero();
		assertThat(sender.sendDue(10)).as("18:00 in Shanghai is past Alice's working day; Oliver's Berlin is at work")
			.isEqualTo(1);
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("oliver@acme.example");
		assertThat(mails[0].getSubject()).isEqualTo("Invoice INV-2026-1014 falls due on 2026-12-03");
		String body = text(mails[0]);
		assertThat(body).startsWith("Dear Oliver Hughes,").contains("invoice INV-2026-1014 for CNY 128,000.00 falls due")
			.contains("https://rapport.example/portal/invoices").contains("Yours faithfully");

		CLOCK.advance(Duration.ofHours(15)); // Tuesday 09:00 in Shanghai
		assertThat(sender.sendDue(10)).isEqualTo(1);
		MimeMessage alices = smtp.getReceivedMessages()[1];
		assertThat(alices.getAllRecipients()[0].toString()).isEqualTo("alice@acme.example");
		assertThat(alices.getSubject()).isEqualTo("发票 INV-2026-1014 将于 2026-12-03 到期");
		assertThat(text(alices)).startsWith("尊敬的Alice Chen：").contains("金额为 CNY 128,000.00 的发票 INV-2026-1014 将于 2026-12-03 到期");
		assertThat(sender.sendDue(10)).as("nothing twice").isZero();

		Invoice after = mongo.findById(invoice.id(), Invoice.class);
		assertThat(after.stepsSent()).containsExactly(-3);
		assertThat(after.outbox()).extracting(Invoice.TimelineEvent::code).containsExactly("timeline.invoice.received",
				"timeline.invoice.reminder-sent", "timeline.invoice.reminder-sent");
	}

	@Test
	void aSmallOrganisationIsWrittenToWarmlyAndAnOverdueInvoiceGetsTheFirmStep() throws Exception {
		invoiceOf("initech-logistics", "INV-2026-0907", LocalDate.of(2026, 11, 20));

		assertThat(planner.plan()).isEqualTo(1);
		assertThat(sender.sendDue(10)).isEqualTo(1);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Invoice INV-2026-0907 is now overdue");
		assertThat(text(mail)).startsWith("Hi Petra Vogel,").contains("it is now 10 days overdue")
			.contains("best wishes");
		assertThat(mongo.findAll(InvoiceReminder.class)).singleElement()
			.satisfies(r -> assertThat(r.tone()).isEqualTo(ReminderCadence.Tone.FIRM));
	}

	@Test
	void aPromiseToPayPausesRemindersAndAPaymentWithdrawsOneNotYetSent() throws Exception {
		Invoice promised = invoiceOf("acme-retail", "INV-2026-1013", LocalDate.of(2026, 11, 20));
		receivables.promise(AGENT, promised.id(), LocalDate.of(2026, 12, 5), "After the month-end close");
		assertThat(planner.plan()).as("paused by the promise").isZero();
		assertThat(mongo.findById(promised.id(), Invoice.class).outbox()).extracting(Invoice.TimelineEvent::code)
			.contains("timeline.invoice.promise");

		Invoice paid = invoiceOf("acme-retail", "INV-2026-1020", LocalDate.of(2026, 12, 3));
		assertThat(planner.plan()).isEqualTo(2);
		book.settle(PARTNER, "acme-retail", "INV-2026-1020", Invoice.Status.PAID);
		CLOCK.advance(Duration.ofHours(15));
		assertThat(sender.sendDue(10)).isZero();
		assertThat(smtp.getReceivedMessages()).as("nothing reminds of a paid invoice").isEmpty();
		assertThat(mongo.findAll(InvoiceReminder.class)).extracting(InvoiceReminder::state)
			.containsOnly(InvoiceReminder.State.WITHDRAWN);

		CLOCK.advance(Duration.ofDays(6)); // 6 December, the promise broken
		assertThat(planner.plan()).as("the firm step, for INV-2026-1013 only").isEqualTo(2);
		assertThat(mongo.findById(paid.id(), Invoice.class).stepsSent()).containsExactly(-3);
	}

	@Test
	void whileTheMailServerIsDownARemindersWaitsAndGoesOnceWhenItIsBack() throws Exception {
		invoiceOf("initech-logistics", "INV-2026-0999", LocalDate.of(2026, 11, 20));
		planner.plan();
		smtp.stop();
		try {
			assertThat(sender.sendDue(10)).isZero();
			assertThat(mongo.findAll(InvoiceReminder.class)).singleElement()
				.satisfies(r -> assertThat(r.state()).isEqualTo(InvoiceReminder.State.RETRYING));
		}
		finally {
			smtp = LocalSmtp.started(SMTP_PORT);
		}
		CLOCK.advance(Duration.ofSeconds(11));
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(sender.sendDue(10)).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(mongo.findAll(InvoiceReminder.class)).singleElement()
			.satisfies(r -> assertThat(r.state()).isEqualTo(InvoiceReminder.State.SENT));
	}

	@Test
	void customerServiceDownMakesTheStepWaitNotVanish() {
		Invoice invoice = invoiceOf("acme-retail", "INV-2026-1030", LocalDate.of(2026, 12, 3));
		given(contacts.contactsOf("acme-retail")).willThrow(new RemoteUnavailableException("customer-service",
				new IllegalStateException("down")));
		assertThat(planner.plan()).isZero();
		assertThat(mongo.findById(invoice.id(), Invoice.class).stepsSent()).isEmpty();
	}
}
