package com.rapport.ordertracking.notification;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.rapport.ordertracking.LocalSmtp;
import com.rapport.ordertracking.MovingClock;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Delay;
import com.rapport.ordertracking.order.DelayReport;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderChange;
import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderNotices;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/**
 * Order changes reaching the contacts by email, through a real SMTP server (GreenMail, in-process) and the
 * embedded store; only customer-service's answers are stood in for. The tests drive the fan-out and the sender
 * themselves and move the clock, so backoff waits cost nothing.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-notifications", "rapport.notifications.first-retry=10s",
		"rapport.notifications.max-retry=5m", "rapport.notifications.max-attempts=4",
		"rapport.notifications.portal-url=https://rapport.example/" })
@Import({ TestTokens.DecoderConfiguration.class, MovingClock.class })
class NotificationDeliveryTests {

	static final int SMTP_PORT = LocalSmtp.freePort();

	static final Instant START = MovingClock.START;

	static final MutableClock CLOCK = MovingClock.CLOCK;

	static GreenMail smtp = started();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		LocalSmtp.use(registry, SMTP_PORT);
	}

	@Autowired
	OrderRepository orders;

	@Autowired
	OrderProgressService progress;

	@Autowired
	NotificationFanOut fanOut;

	@Autowired
	NotificationSender sender;

	@Autowired
	NotificationLog log;

	@Autowired
	NotificationMail mail;

	@Autowired
	OrderNotices orderNotices;

	@Autowired
	NotificationProperties properties;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	ContactSource contacts;

	@MockitoBean
	CustomerDirectory customers;

	private Order order;

	@BeforeEach
	void setUp() {
		CLOCK.advance(Duration.between(CLOCK.instant(), START));
		orders.deleteAll();
		mongo.remove(new Query(), Notification.class);
		mongo.remove(new Query(), KnownContacts.class);
		if (smtp == null) {
			smtp = started();
		}
		smtp.reset();
		given(customers.exists("acme-retail")).willReturn(true);
		given(contacts.contactsOf("acme-retail")).willReturn(List.of(
				new NotificationContact("alice", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai", "EMAIL"),
				new NotificationContact("bob", "Bob Li", "Bob@Acme.example", "en", "Europe/London", "EMAIL"),
				new NotificationContact("carol", "Carol Wu", "carol@acme.example", "en", "Asia/Shanghai", "SMS"),
				new NotificationContact("dave", "Dave Ma", "", "en", "Asia/Shanghai", "EMAIL")));
		order = orders.insert(new Order(null, "acme-retail", "PO-1", START.minusSeconds(86_400), LocalDate.parse("2026-12-10"),
				null, List.of(), List.of(new Milestone(MilestoneCode.PLACED, START.minusSeconds(86_400), null)), "partner",
				null, null, null));
	}

	@AfterEach
	void serverBackUp() {
		if (smtp == null) {
			smtp = started();
		}
	}

	@AfterAll
	static void stopServer() {
		if (smtp != null) {
			smtp.stop();
		}
	}

	private void shipped(String eventId) {
		progress.appendMilestone("acme-retail", "PO-1", new Milestone(MilestoneCode.SHIPPED, CLOCK.instant().minusSeconds(60),
				"Two pallets", eventId, "Shenzhen", "SF Express", "SF1234", "https://sf.example/SF1234", false, null));
	}

	/** The order's log as staff read it: emails only here (no contact of these tests has a phone). */
	private List<Notification> logOfOrder() {
		List<LoggedMessage> entries = log.ofOrder(staff(), order.id()).stream()
			.filter(m -> m.channel() != LoggedMessage.Channel.INBOX).toList();
		assertThat(entries).allSatisfy(m -> assertThat(m.channel()).isEqualTo(LoggedMessage.Channel.EMAIL));
		return entries.stream().map(m -> mongo.findById(m.id(), Notification.class)).toList();
	}

	private static Caller staff() {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(TestTokens.staff("agent"))));
	}

	@Test
	void aMilestoneReachesEachContactWhoWantsEmailOnceInTheirLanguage() throws Exception {
		shipped("e-1");
		assertThat(fanOut.queuePending()).isEqualTo(2);
		assertThat(sender.sendDue(10)).isEqualTo(2);

		MimeMessage toAlice = only("alice@acme.example");
		assertThat(toAlice.getSubject()).isEqualTo("订单 PO-1：已发货");
		assertThat(GreenMailUtil.getBody(toAlice)).isNotBlank();
		assertThat(text(toAlice)).contains("Alice Chen，您好", "2026-11-30 17:59 Asia/Shanghai", "SF Express",
				"https://sf.example/SF1234", "https://rapport.example/portal/orders/" + order.id());
		MimeMessage toBob = only("bob@acme.example");
		assertThat(toBob.getSubject()).isEqualTo("Order PO-1: shipped");
		assertThat(text(toBob)).contains("Dear Bob Li", "2026-11-30 09:59 Europe/London", "Where: Shenzhen",
				"Follow your order in the portal: https://rapport.example/portal/orders/" + order.id());
		assertThat(toBob.getHeader("Content-Language")).containsExactly("en");

		assertThat(logOfOrder()).extracting(Notification::address, Notification::state).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("alice@acme.example", Notification.State.SENT),
				org.assertj.core.groups.Tuple.tuple("Bob@Acme.example", Notification.State.SENT));
		assertThat(orders.findById(order.id()).orElseThrow().outbox()).filteredOn(e -> e.kind() == OrderEvent.Kind.NOTIFICATION_SENT)
			.hasSize(2);

		// Nothing is sent again, however often the rounds run.
		assertThat(fanOut.queuePending()).isZero();
		assertThat(sender.sendDue(10)).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	/** The console's log of an order: each contact's portal inbox item beside the emails, named, read or not. */
	@Test
	void staffSeeEachContactsInboxItemBesideTheEmailsInTheOrdersLog() {
		shipped("e-inbox");
		assertThat(fanOut.queuePending()).isEqualTo(2);
		assertThat(sender.sendDue(10)).isEqualTo(2);
		InboxItem alices = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("contactId").is("alice").and("orderId").is(order.id())),
				InboxItem.class);
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(alices.id())),
				new org.springframework.data.mongodb.core.query.Update().set("read", true).set("readAt", CLOCK.instant()),
				InboxItem.class);

		List<LoggedMessage> entries = log.ofOrder(staff(), order.id());

		assertThat(entries).filteredOn(m -> m.channel() == LoggedMessage.Channel.INBOX)
			.extracting(LoggedMessage::contactName, LoggedMessage::state, LoggedMessage::language, m -> m.readAt() != null)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Alice Chen", "SENT", "zh-CN", true),
					org.assertj.core.groups.Tuple.tuple("Bob Li", "SENT", "en", false),
					org.assertj.core.groups.Tuple.tuple("Carol Wu", "SENT", "en", false),
					org.assertj.core.groups.Tuple.tuple("Dave Ma", "SENT", "en", false));
		assertThat(entries).filteredOn(m -> m.channel() == LoggedMessage.Channel.INBOX)
			.allSatisfy(m -> {
				assertThat(m.address()).isNull();
				assertThat(m.sentAt()).isEqualTo(m.createdAt());
			});
		assertThat(entries).filteredOn(m -> m.channel() == LoggedMessage.Channel.EMAIL).hasSize(2);
		// An inbox item is never resent: there is nothing to send.
		String inboxId = entries.stream().filter(m -> m.channel() == LoggedMessage.Channel.INBOX).findFirst()
			.orElseThrow().id();
		assertThatExceptionOfType(com.rapport.support.error.NotFoundException.class)
			.isThrownBy(() -> log.resend(staff(), inboxId));
	}

	@Test
	void aNewEtaIsMailedOnceToEachContactWhoWantsDelaysInTheirLanguage() throws Exception {
		progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-08"), null, null, null));
		progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-08"), null, null, null));
		assertThat(fanOut.queuePending()).isEqualTo(2);
		assertThat(sender.sendDue(10)).isEqualTo(2);

		MimeMessage toBob = only("bob@acme.example");
		assertThat(toBob.getSubject()).isEqualTo("Order PO-1: now expected on 2026-12-08");
		assertThat(text(toBob)).contains("Your order PO-1 is expected on 2026-12-08.", "The promised date stays 2026-12-10.");
		assertThat(only("alice@acme.example").getSubject()).isEqualTo("订单 PO-1：预计 2026-12-08 到达");

		progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.parse("2026-12-09"), null, null, null));
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(smtp.getReceivedMessages()).hasSize(4);
		assertThat(fanOut.queuePending()).isZero();
		assertThat(sender.sendDue(10)).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(4);
	}

	@Test
	void aDelayIsToldWithItsReasonAndRemedy() throws Exception {
		progress.reportDelay(staff(), order.id(), new DelayReport("Paint line down", Delay.Remedy.NEW_DATE,
				"Sorry for the wait", LocalDate.parse("2026-12-14")));
		fanOut.queuePending();
		sender.sendDue(10);
		MimeMessage toBob = only("bob@acme.example");
		assertThat(toBob.getSubject()).isEqualTo("Order PO-1 is delayed");
		assertThat(text(toBob)).contains("The reason: Paint line down", "a new delivery date (Sorry for the wait)",
				"The new expected date: 2026-12-14");
		assertThat(only("alice@acme.example").getSubject()).isEqualTo("订单 PO-1 延误");
	}

	@Test
	void whileTheMailServerIsDownNothingIsLostAndAfterwardsNothingIsSentTwice() throws Exception {
		smtp.stop();
		smtp = null;
		shipped("e-1");
		progress.reportDelay(staff(), order.id(), new DelayReport("Customs inspection", Delay.Remedy.DISCOUNT, "5 %", null));
		progress.cancel("acme-retail", "PO-1", "Customer withdrew");
		assertThat(fanOut.queuePending()).isEqualTo(6);
		for (int round = 0; round < 3; round++) {
			assertThat(sender.sendDue(100)).isZero();
			CLOCK.advance(Duration.ofMinutes(1));
		}
		assertThat(logOfOrder()).allSatisfy(n -> {
			assertThat(n.state()).isEqualTo(Notification.State.RETRYING);
			assertThat(n.attempts()).isEqualTo(3);
			assertThat(n.lastError()).isNotBlank();
		});

		smtp = started();
		CLOCK.advance(Duration.ofMinutes(5));
		assertThat(sender.sendDue(100)).isEqualTo(6);
		CLOCK.advance(Duration.ofHours(1));
		fanOut.queuePending();
		sender.sendDue(100);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(6);
		assertThat(Arrays.stream(received).map(NotificationDeliveryTests::recipientAndSubject).distinct()).hasSize(6);
		assertThat(logOfOrder()).allSatisfy(n -> assertThat(n.state()).isEqualTo(Notification.State.SENT));
	}

	@Test
	void twoSendersRacingSendEachMailOnce() throws Exception {
		for (int i = 0; i < 10; i++) {
			shipped("e-" + i);
		}
		assertThat(fanOut.queuePending()).isEqualTo(20);
		// Another replica's sender, with its own workers: two replicas, each sending several at once.
		NotificationSender other = new NotificationSender(mongo, mail, orderNotices, properties, CLOCK,
				new NotificationWorkers(properties));
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> race(go, sender));
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> race(go, other));
		go.countDown();

		assertThat(first.get() + second.get()).isEqualTo(20);
		assertThat(smtp.getReceivedMessages()).hasSize(20);
		assertThat(logOfOrder()).hasSize(20).allSatisfy(n -> assertThat(n.attempts()).isEqualTo(1));
	}

	private static int race(CountDownLatch go, NotificationSender sender) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return sender.sendDue(100);
	}

	/** A sender of its own whose mails go through {@code proxy}, {@code senders} at once. */
	private NotificationSender senderThrough(SmtpProxy proxy, int senders) {
		JavaMailSenderImpl server = new JavaMailSenderImpl();
		server.setHost("127.0.0.1");
		server.setPort(proxy.port());
		NotificationProperties own = new NotificationProperties(properties.portalUrl(), properties.from(),
				properties.fromName(), properties.maxAttempts(), properties.firstRetry(), properties.maxRetry(),
				properties.lease(), senders, properties.interval(), properties.contactsFresh(), properties.smtpKeepAlive());
		return new NotificationSender(mongo, new NotificationMail(new SmtpConnections(server, own), own), orderNotices,
				own, CLOCK, new NotificationWorkers(own));
	}

	@Test
	void aRoundsMailsGoOverOneConnectionAndTheNextRoundsOverTheSameOne() throws Exception {
		try (SmtpProxy proxy = SmtpProxy.to(SMTP_PORT)) {
			NotificationSender one = senderThrough(proxy, 1);
			for (int i = 0; i < 10; i++) {
				shipped("e-" + i);
			}
			assertThat(fanOut.queuePending()).isEqualTo(20);

			assertThat(one.sendDue(100)).isEqualTo(20);
			assertThat(proxy.connections()).isEqualTo(1);
			assertThat(smtp.getReceivedMessages()).hasSize(20);
			assertThat(distinctMessageIds()).isEqualTo(20);

			shipped("e-10");
			fanOut.queuePending();
			assertThat(one.sendDue(100)).isEqualTo(2);
			assertThat(proxy.connections()).as("the next round's mails go over the connection kept open").isEqualTo(1);
			assertThat(smtp.getReceivedMessages()).hasSize(22);
			assertThat(logOfOrder()).hasSize(22).allSatisfy(n -> {
				assertThat(n.state()).isEqualTo(Notification.State.SENT);
				assertThat(n.attempts()).isEqualTo(1);
			});
		}
	}

	@Test
	void severalSendersAtOnceOpenAtMostOneConnectionEach() throws Exception {
		try (SmtpProxy proxy = SmtpProxy.to(SMTP_PORT)) {
			NotificationSender eight = senderThrough(proxy, 8);
			for (int i = 0; i < 20; i++) {
				shipped("e-" + i);
			}
			assertThat(fanOut.queuePending()).isEqualTo(40);

			assertThat(eight.sendDue(100)).isEqualTo(40);
			assertThat(proxy.connections()).isBetween(1, 8);
			assertThat(smtp.getReceivedMessages()).hasSize(40);
			assertThat(distinctMessageIds()).isEqualTo(40);
		}
	}

	@Test
	void aMailTheServerRefusesInTheMiddleOfARoundFailsAloneAndGoesLaterOnce() throws Exception {
		try (SmtpProxy proxy = SmtpProxy.to(SMTP_PORT)) {
			NotificationSender one = senderThrough(proxy, 1);
			for (int i = 0; i < 3; i++) {
				shipped("e-" + i);
			}
			assertThat(fanOut.queuePending()).isEqualTo(6);
			proxy.refuse("RCPT TO:<Bob@Acme.example>", "451 4.3.0 Mailbox busy, try again later");

			assertThat(one.sendDue(100)).isEqualTo(3);
			assertThat(logOfOrder()).allSatisfy(n -> {
				assertThat(n.attempts()).isEqualTo(1);
				assertThat(n.state()).isEqualTo(n.address().startsWith("Bob") ? Notification.State.RETRYING
						: Notification.State.SENT);
			});
			assertThat(smtp.getReceivedMessages()).hasSize(3);

			proxy.refuse(null, null);
			CLOCK.advance(Duration.ofSeconds(11));
			assertThat(one.sendDue(100)).isEqualTo(3);
			assertThat(logOfOrder()).allSatisfy(n -> assertThat(n.state()).isEqualTo(Notification.State.SENT));
			assertThat(smtp.getReceivedMessages()).hasSize(6);
			assertThat(distinctMessageIds()).isEqualTo(6);
		}
	}

	@Test
	void aKeptConnectionTheServerDroppedIsOpenedAgainForTheRestAndNoMailIsLostOrSentTwice() throws Exception {
		try (SmtpProxy proxy = SmtpProxy.to(SMTP_PORT)) {
			NotificationSender one = senderThrough(proxy, 1);
			shipped("e-0");
			fanOut.queuePending();
			assertThat(one.sendDue(100)).isEqualTo(2);
			assertThat(proxy.connections()).isEqualTo(1);

			proxy.dropOpenConnections();
			shipped("e-1");
			shipped("e-2");
			fanOut.queuePending();

			assertThat(one.sendDue(100)).isEqualTo(4);
			assertThat(proxy.connections()).isEqualTo(2);
			assertThat(logOfOrder()).hasSize(6).allSatisfy(n -> {
				assertThat(n.state()).isEqualTo(Notification.State.SENT);
				assertThat(n.attempts()).isEqualTo(1);
			});
			assertThat(smtp.getReceivedMessages()).hasSize(6);
			assertThat(distinctMessageIds()).isEqualTo(6);
		}
	}

	/**
	 * Not a timing: many due mails over 50 orders, sent round after round as the schedule would, each exactly once;
	 * run it under a JFR recording to see what a round spends per mail (README "Notifications", what a mail costs):
	 * {@code -Drapport.profile.notifications=2000 -DargLine=-XX:StartFlightRecording=filename=...}.
	 */
	@Test
	@EnabledIfSystemProperty(named = "rapport.profile.notifications", matches = "\\d+")
	void manyDueMailsAreEachSentOnceRoundAfterRound() {
		int mails = Integer.parseInt(System.getProperty("rapport.profile.notifications"));
		List<Order> many = new java.util.ArrayList<>();
		for (int i = 0; i < 50; i++) {
			many.add(orders.insert(new Order(null, "acme-retail", "PO-P" + i, START.minusSeconds(86_400),
					LocalDate.parse("2026-12-10"), null, List.of(),
					List.of(new Milestone(MilestoneCode.PLACED, START.minusSeconds(86_400), null)), "partner", null, null, null)));
		}
		List<Notification> due = new java.util.ArrayList<>();
		for (int i = 0; i < mails; i++) {
			Order of = many.get(i % many.size());
			String address = "contact" + i + "@acme.example";
			due.add(new Notification(Notification.idOf("p-" + i, address), of.id(), "acme-retail", of.orderNumber(),
					"p-" + i, "MILESTONE_REACHED", START, java.util.Map.of("code", "SHIPPED", "place", "Shenzhen",
							"carrier", "SF Express", "tracking_number", "SF" + i), "c" + i, "Contact " + i, address,
					i % 2 == 0 ? "zh-CN" : "en", "Asia/Shanghai", Notification.State.QUEUED, 0, START, null, null, null,
					START, null));
		}
		mongo.insertAll(due);
		int sent = 0;
		int round;
		while ((round = sender.sendDue(NotificationSchedule.SENDS_PER_ROUND)) > 0) {
			sent += round;
		}
		assertThat(sent).isEqualTo(mails);
		assertThat(smtp.getReceivedMessages()).hasSize(mails);
		assertThat(distinctMessageIds()).isEqualTo(mails);
	}

	private static long distinctMessageIds() {
		return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
			try {
				return m.getMessageID();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).distinct().count();
	}

	@Test
	void aNotificationIsDeadAfterItsLastTryAndStaffResendIt() throws Exception {
		smtp.stop();
		smtp = null;
		shipped("e-1");
		fanOut.queuePending();
		for (int round = 0; round < 6; round++) {
			sender.sendDue(100);
			CLOCK.advance(Duration.ofMinutes(10));
		}
		List<Notification> dead = logOfOrder();
		assertThat(dead).allSatisfy(n -> {
			assertThat(n.state()).isEqualTo(Notification.State.DEAD);
			assertThat(n.attempts()).isEqualTo(4);
		});

		smtp = started();
		assertThat(sender.sendDue(100)).as("dead ones wait for staff").isZero();
		LoggedMessage resent = log.resend(staff(), dead.get(0).id());
		assertThat(resent.state()).isEqualTo("QUEUED");
		assertThat(resent.attempts()).isZero();
		assertThat(sender.sendDue(100)).isEqualTo(1);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> log.resend(staff(), dead.get(0).id()));
	}

	@Test
	void whileCustomerServiceIsDownTheLastKnownContactsAreToldAndAnOrganisationNeverSeenWaits() throws Exception {
		shipped("e-1");
		fanOut.queuePending();
		given(contacts.contactsOf("acme-retail")).willThrow(new RemoteUnavailableException("customer-service", null));
		shipped("e-2");
		assertThat(fanOut.queuePending()).isEqualTo(2);

		mongo.remove(new Query(), KnownContacts.class);
		shipped("e-3");
		assertThat(fanOut.queuePending()).isZero();
		assertThat(orders.findById(order.id()).orElseThrow().notices()).hasSize(1);
	}

	private static MimeMessage only(String address) throws MessagingException {
		List<MimeMessage> to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(to).as("mails to " + address).hasSize(1);
		return to.get(0);
	}

	private static String text(MimeMessage message) throws IOException, MessagingException {
		return String.valueOf(message.getContent());
	}

	private static String recipientAndSubject(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0] + " " + message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail started() {
		return LocalSmtp.started(SMTP_PORT);
	}
}
