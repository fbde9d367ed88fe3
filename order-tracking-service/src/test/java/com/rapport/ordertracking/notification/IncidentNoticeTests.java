package com.rapport.ordertracking.notification;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.rapport.ordertracking.LocalSmtp;
import com.rapport.ordertracking.MovingClock;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.incident.IncidentNotice;
import com.rapport.ordertracking.incident.IncidentNotices;
import com.rapport.ordertracking.incident.IncidentRecipient;
import com.rapport.ordertracking.incident.IncidentSelection;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.audit.AuditQuery;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.ScheduledOutbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/**
 * Incident notices end to end on the embedded store: the selection by SKU, by the days placed and by number, the
 * preview, and the send, whose mails go through the notification pipeline to a real SMTP server (GreenMail,
 * in-process) in each contact's language, and whose timeline entries go through the relay to a recorder standing in
 * for customer-service. Only customer-service's answers are stood in for; the tests drive the rounds themselves.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=incident-notices", "rapport.incidents.max-orders=6",
		"rapport.notifications.portal-url=https://rapport.example/" })
@Import({ TestTokens.DecoderConfiguration.class, MovingClock.class, IncidentNoticeTests.Timeline.class })
class IncidentNoticeTests {

	static final int SMTP_PORT = LocalSmtp.freePort();

	static final MutableClock CLOCK = MovingClock.CLOCK;

	static final Instant T0 = MovingClock.START;

	static GreenMail smtp = LocalSmtp.started(SMTP_PORT);

	static final List<InteractionRecorder.TimelineEntry> RECORDED = new CopyOnWriteArrayList<>();

	/** customer-service's timeline as the relay reaches it: keeps what it is given, as many times as given. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Timeline {

		@Bean
		@Primary
		InteractionRecorder recordingTimeline() {
			return RECORDED::add;
		}
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		LocalSmtp.use(registry, SMTP_PORT);
	}

	@Autowired
	IncidentNotices incidents;

	@Autowired
	NotificationFanOut fanOut;

	@Autowired
	IncidentDeliveries deliveries;

	@Autowired
	NotificationLog notificationLog;

	@Autowired
	NotificationSender sender;

	@Autowired
	ScheduledOutbox<IncidentRecipient, IncidentRecipient.Pending> timeline;

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail audit;

	@MockitoBean
	ContactSource contacts;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void threeOrganisationsWithOrders() {
		CLOCK.advance(Duration.between(CLOCK.instant(), T0));
		orders.deleteAll();
		mongo.remove(new Query(), Notification.class);
		mongo.remove(new Query(), IncidentNotice.class);
		mongo.remove(new Query(), IncidentRecipient.class);
		RECORDED.clear();
		smtp.reset();
		// Acme: two orders of the faulty chair (one cancelled, which is never told), one of desks.
		order("acme-retail", "ACME-1", "2026-11-02T08:00:00Z", "CHAIR-ERG-01");
		order("acme-retail", "ACME-2", "2026-11-20T08:00:00Z", "CHAIR-ERG-01", "DESK-01");
		order("acme-retail", "ACME-3", "2026-11-21T08:00:00Z", "CHAIR-ERG-01");
		cancel("ACME-3");
		order("acme-retail", "ACME-4", "2026-11-22T08:00:00Z", "DESK-01");
		// Globex: one chair; Initech: desks only.
		order("globex-trading", "GLX-7", "2026-11-10T08:00:00Z", "CHAIR-ERG-01");
		order("initech", "INI-1", "2026-11-25T08:00:00Z", "DESK-01");
		given(customers.nameOf("acme-retail")).willReturn(java.util.Optional.of("Acme Retail"));
		given(customers.nameOf("globex-trading")).willReturn(java.util.Optional.of("Globex Trading"));
		given(contacts.contactsOf("acme-retail")).willReturn(List.of(
				new NotificationContact("alice", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai", "EMAIL"),
				new NotificationContact("bob", "Bob Li", "bob@acme.example", "en", "Europe/London", "EMAIL"),
				new NotificationContact("carol", "Carol Wu", "carol@acme.example", "en", "Asia/Shanghai", "SMS")));
		// Bob buys for Globex too: one notice reaches his address once.
		given(contacts.contactsOf("globex-trading")).willReturn(List.of(
				new NotificationContact("gavin", "Gavin Wu", "gavin@globex.example", "en", "Asia/Shanghai", "EMAIL"),
				new NotificationContact("bob-g", "Bob Li", "Bob@Acme.example", "en", "Europe/London", "EMAIL")));
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	private Order order(String customer, String number, String placed, String... skus) {
		Instant at = Instant.parse(placed);
		return orders.insert(new Order(null, customer, number, at, null, null,
				Arrays.stream(skus).map(sku -> new OrderLine(sku, sku.toLowerCase(), 2)).toList(),
				List.of(new Milestone(MilestoneCode.PLACED, at, null)), "partner", null, null, null));
	}

	private void cancel(String number) {
		mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("orderNumber").is(number)),
				new org.springframework.data.mongodb.core.query.Update().set("cancelledAt", T0), Order.class);
	}

	private static Caller as(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	private static Caller manager() {
		return as(TestTokens.staff("manager"));
	}

	private static IncidentSelection bySku(String sku) {
		return new IncidentSelection(IncidentSelection.Kind.SKU, sku, null, null, List.of());
	}

	@Test
	void aSkuSelectsEveryOpenOrderWithALineOfItAcrossOrganisations() {
		IncidentNotices.Preview preview = incidents.preview(as(TestTokens.staff("agent")), bySku("CHAIR-ERG-01"));

		assertThat(preview.orderCount()).isEqualTo(3);
		assertThat(preview.organisationCount()).isEqualTo(2);
		assertThat(preview.organisations()).extracting(IncidentNotices.Organisation::customerId,
				IncidentNotices.Organisation::name, IncidentNotices.Organisation::orderCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("acme-retail", "Acme Retail", 2),
					org.assertj.core.groups.Tuple.tuple("globex-trading", "Globex Trading", 1));
		assertThat(preview.organisations().get(0).orderNumbers()).containsExactly("ACME-1", "ACME-2");
		assertThat(preview.maxOrders()).isEqualTo(6);
		assertThat(mongo.count(new Query(), IncidentNotice.class)).as("a preview stores nothing").isZero();
	}

	@Test
	void aSkuWithDaysAndDaysAloneSelectTheOrdersPlacedInThem() {
		Instant from = Instant.parse("2026-11-15T00:00:00Z");
		Instant before = Instant.parse("2026-11-23T00:00:00Z");
		var chairs = incidents.preview(manager(),
				new IncidentSelection(IncidentSelection.Kind.SKU, "CHAIR-ERG-01", from, before, List.of()));
		assertThat(chairs.organisations()).singleElement()
			.satisfies(o -> assertThat(o.orderNumbers()).containsExactly("ACME-2"));

		var placed = incidents.preview(manager(),
				new IncidentSelection(IncidentSelection.Kind.PLACED, "", from, before, List.of()));
		assertThat(placed.orderCount()).isEqualTo(2);
		assertThat(placed.organisations()).singleElement()
			.satisfies(o -> assertThat(o.orderNumbers()).containsExactly("ACME-2", "ACME-4"));
	}

	@Test
	void numbersByHandFindTheirOrdersAndNameThoseNoOrderHas() {
		var preview = incidents.preview(manager(), new IncidentSelection(IncidentSelection.Kind.ORDER_NUMBERS, "",
				null, null, List.of(" GLX-7", "INI-1", "NOPE-9", "GLX-7", "ACME-3")));

		assertThat(preview.orderCount()).isEqualTo(2);
		assertThat(preview.unmatched()).as("ACME-3 is cancelled").containsExactly("NOPE-9", "ACME-3");
	}

	@Test
	void anUnknownSkuGivesAnEmptyPreviewNotAnError() {
		var preview = incidents.preview(manager(), bySku("NO-SUCH-SKU"));

		assertThat(preview.orderCount()).isZero();
		assertThat(preview.organisations()).isEmpty();
	}

	@Test
	void badSelectionsAndTextsAreRefusedNamingTheFieldAndStoreNothing() {
		Instant t = Instant.parse("2026-11-15T00:00:00Z");
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> incidents.preview(manager(),
					new IncidentSelection(IncidentSelection.Kind.PLACED, "", t, t.minusSeconds(1), List.of())))
			.satisfies(ex -> {
				assertThat(ex.reason().code()).isEqualTo("incidents.range.reversed");
				assertThat(ex.fieldMessages()).containsKey("placed_before");
			});
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> incidents.preview(manager(), bySku("  ")))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("incidents.selection.empty"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> incidents.preview(manager(),
					new IncidentSelection(IncidentSelection.Kind.ORDER_NUMBERS, "", null, null, List.of())))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsKey("order_numbers"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> incidents.send(manager(), "n-1", bySku("CHAIR-ERG-01"), "x".repeat(2001), ""))
			.satisfies(ex -> {
				assertThat(ex.fieldMessages().get("cause").code()).isEqualTo("field.too-long");
				assertThat(ex.fieldMessages().get("corrective_action").code()).isEqualTo("field.required");
			});
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> incidents.send(manager(), "n-2", bySku("NO-SUCH-SKU"), "Cause", "Action"))
			.satisfies(ex -> assertThat(ex.reason().code()).isEqualTo("incidents.no-orders"));

		assertThat(mongo.count(new Query(), IncidentNotice.class)).isZero();
		assertThat(mongo.count(new Query(), IncidentRecipient.class)).isZero();
	}

	@Test
	void moreOrdersThanOneNoticeMayReachAreRefusedAfterReadingOneMore() {
		for (int i = 0; i < 5; i++) {
			order("initech", "INI-BULK-" + i, "2026-11-26T08:00:00Z", "DESK-01");
		}

		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> incidents.send(manager(), "too-many", bySku("DESK-01"), "Cracked tops", "Replacing them"))
			.satisfies(ex -> {
				assertThat(ex.reason().code()).isEqualTo("incidents.too-many-orders");
				assertThat(ex.reason().args()).containsExactly("6");
				assertThat(ex.fieldMessages()).containsKey("selection");
			});
		assertThat(mongo.count(new Query(), IncidentNotice.class)).isZero();
	}

	@Test
	void onlyManagersAndAdminsSendAndCustomersSeeNothing() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> incidents
			.send(as(TestTokens.staff("agent")), "n-agent", bySku("CHAIR-ERG-01"), "Cause", "Action"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> incidents.preview(as(TestTokens.customer("acme-retail")), bySku("CHAIR-ERG-01")));
		assertThat(mongo.count(new Query(), IncidentNotice.class)).isZero();
	}

	@Test
	void aNoticeReachesEachAddressOnceInItsLanguageAndEachTimelineOnceHoweverOftenSentAndRelayed() throws Exception {
		IncidentNotice sent = incidents.send(manager(), "notice-1", bySku("CHAIR-ERG-01"),
				"A batch of gas lifts from our supplier may sink under load.",
				"We replace the gas lift of every affected chair free of charge; a technician calls you this week.");
		// A double click, a resubmitted page: the same notice, nothing twice.
		IncidentNotice again = incidents.send(manager(), "notice-1", bySku("CHAIR-ERG-01"), "Other words", "Other");

		assertThat(again).isEqualTo(sent);
		assertThat(sent.complete()).isTrue();
		assertThat(sent.orderCount()).isEqualTo(3);
		assertThat(sent.organisationCount()).isEqualTo(2);
		assertThat(mongo.count(new Query(), IncidentRecipient.class)).isEqualTo(2);

		// Two fan-out rounds (two replicas, or a repeat after a crash) and two sender rounds.
		fanOut.queuePending();
		fanOut.queuePending();
		sender.sendDue(50);
		sender.sendDue(50);

		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(IncidentNoticeTests::recipient))
			.containsExactlyInAnyOrder("alice@acme.example", "bob@acme.example", "gavin@globex.example");
		MimeMessage toAlice = only("alice@acme.example");
		assertThat(toAlice.getSubject()).isEqualTo("关于您的 2 个订单的通知");
		assertThat(text(toAlice)).contains("Alice Chen，您好", "涉及订单：ACME-1, ACME-2", "涉及产品（SKU）：CHAIR-ERG-01",
				"发生了什么：A batch of gas lifts", "我们的纠正措施：We replace the gas lift",
				"https://rapport.example/portal?sku=CHAIR-ERG-01");
		MimeMessage toGavin = only("gavin@globex.example");
		assertThat(toGavin.getSubject()).isEqualTo("Notice about 1 of your orders");
		assertThat(text(toGavin)).contains("Dear Gavin Wu", "The orders: GLX-7",
				"What happened: A batch of gas lifts from our supplier may sink under load.",
				"What we are doing about it: We replace the gas lift");
		assertThat(toGavin.getHeader("Content-Language")).containsExactly("en");
		assertThat(mongo.findAll(Notification.class)).allSatisfy(n -> {
			assertThat(n.state()).isEqualTo(Notification.State.SENT);
			assertThat(n.eventId()).isEqualTo("incident:notice-1");
		});

		// The relay runs twice; each organisation's timeline hears of the notice once.
		timeline.relayPending();
		timeline.relayPending();
		assertThat(RECORDED).extracting(InteractionRecorder.TimelineEntry::organisationId)
			.containsExactlyInAnyOrder("acme-retail", "globex-trading");
		assertThat(RECORDED).allSatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo("NOTIFICATION_SENT");
			assertThat(entry.summaryCode()).isEqualTo("timeline.incident.notice");
			assertThat(entry.reference()).isEqualTo("incident:notice-1");
		});
		assertThat(RECORDED).extracting(InteractionRecorder.TimelineEntry::eventId).doesNotHaveDuplicates();

		assertThat(incidents.list(as(TestTokens.staff("agent")), 0, 20)).singleElement()
			.satisfies(n -> assertThat(n.createdBy()).isNotBlank());
		assertThat(audit.list(AuditQuery.newest(50)).entries())
			.filteredOn(e -> "incident.notice-sent".equals(e.event().action())
					&& "notice-1".equals(e.event().recordId()))
			.singleElement().satisfies(e -> assertThat(e.event().details()).containsEntry("order_count", "3")
				.containsEntry("organisation_count", "2").containsEntry("sku", "CHAIR-ERG-01"));
	}

	@Test
	void staffSeeWhereEachMailOfANoticeIsAndSendADeadOneAgain() {
		incidents.send(manager(), "notice-3", bySku("CHAIR-ERG-01"), "Gas lifts may sink", "Replaced free of charge");
		Caller agent = as(TestTokens.staff("agent"));

		IncidentDeliveries.Page waiting = deliveries.of(agent, "notice-3", 0, "");
		assertThat(waiting.organisations()).extracting(IncidentDeliveries.Organisation::customerId)
			.containsExactly("acme-retail", "globex-trading");
		assertThat(waiting.organisations()).allSatisfy(o -> {
			assertThat(o.waiting()).isTrue();
			assertThat(o.notifications()).isEmpty();
		});

		fanOut.queuePending();
		sender.sendDue(50);
		Notification toGavin = mongo.findAll(Notification.class).stream()
			.filter(n -> n.address().equals("gavin@globex.example")).findFirst().orElseThrow();
		mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(toGavin.id())),
				new org.springframework.data.mongodb.core.query.Update().set("state", Notification.State.DEAD)
					.set("lastError", "554 mailbox unavailable"),
				Notification.class);

		IncidentDeliveries.Page first = deliveries.of(agent, "notice-3", 1, "");
		assertThat(first.organisations()).singleElement().satisfies(acme -> {
			assertThat(acme.customerId()).isEqualTo("acme-retail");
			assertThat(acme.waiting()).isFalse();
			assertThat(acme.orderCount()).isEqualTo(2);
		});
		assertThat(first.states()).containsEntry(Notification.State.SENT, 2).containsEntry(Notification.State.DEAD, 1);
		IncidentDeliveries.Page second = deliveries.of(agent, "notice-3", 1, first.nextPageToken());
		assertThat(second.nextPageToken()).isEmpty();
		assertThat(second.organisations()).singleElement().satisfies(globex -> assertThat(globex.notifications())
			.filteredOn(n -> n.address().equals("gavin@globex.example")).singleElement()
			.satisfies(n -> assertThat(n.state()).isEqualTo(Notification.State.DEAD)));

		notificationLog.resend(agent, toGavin.id());
		sender.sendDue(50);
		assertThat(deliveries.of(agent, "notice-3", 0, "").states()).containsEntry(Notification.State.SENT, 3)
			.doesNotContainKey(Notification.State.DEAD);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(IncidentNoticeTests::recipient))
			.filteredOn("gavin@globex.example"::equals).hasSize(2);

		assertThatExceptionOfType(org.springframework.security.access.AccessDeniedException.class)
			.isThrownBy(() -> deliveries.of(as(TestTokens.customer("acme-retail")), "notice-3", 0, ""));
		assertThatExceptionOfType(com.rapport.support.error.NotFoundException.class)
			.isThrownBy(() -> deliveries.of(agent, "no-such-notice", 0, ""));
	}

	@Test
	void aSendCutShortIsFinishedByItsRepeat() {
		// As if the service died after storing the notice and before its recipients.
		mongo.insert(new IncidentNotice("notice-2", bySku("CHAIR-ERG-01"), "Cause", "Action", "manager", T0, 3, 2,
				false));

		IncidentNotice finished = incidents.send(manager(), "notice-2", bySku("CHAIR-ERG-01"), "Cause", "Action");

		assertThat(finished.complete()).isTrue();
		assertThat(mongo.count(new Query(), IncidentRecipient.class)).isEqualTo(2);
		fanOut.queuePending();
		sender.sendDue(50);
		assertThat(smtp.getReceivedMessages()).hasSize(3);
	}

	@Test
	void theListShowsTheNewestNoticeFirst() {
		incidents.send(manager(), "older", bySku("CHAIR-ERG-01"), "First", "Fixing");
		CLOCK.advance(Duration.ofHours(1));
		incidents.send(manager(), "newer", bySku("DESK-01"), "Second", "Fixing");

		List<String> ids = new ArrayList<>();
		incidents.list(manager(), 0, 20).forEach(n -> ids.add(n.id()));
		assertThat(ids).containsExactly("newer", "older");
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString().toLowerCase();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMessage only(String address) {
		List<MimeMessage> to = Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
		assertThat(to).as("mails to " + address).hasSize(1);
		return to.get(0);
	}

	private static String text(MimeMessage message) throws IOException, MessagingException {
		return String.valueOf(message.getContent());
	}
}
