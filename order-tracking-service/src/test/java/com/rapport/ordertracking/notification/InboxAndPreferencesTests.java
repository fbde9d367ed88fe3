package com.rapport.ordertracking.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.rapport.contracts.ordertracking.v1.CountMyUnreadRequest;
import com.rapport.contracts.ordertracking.v1.GetMyNotificationPreferencesRequest;
import com.rapport.contracts.ordertracking.v1.ListMyInboxRequest;
import com.rapport.contracts.ordertracking.v1.ListMyInboxResponse;
import com.rapport.contracts.ordertracking.v1.MarkAllInboxReadRequest;
import com.rapport.contracts.ordertracking.v1.MarkInboxItemReadRequest;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc.NotificationInboxServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.NotificationPreferencesServiceGrpc;
import com.rapport.contracts.ordertracking.v1.NotificationPreferencesServiceGrpc.NotificationPreferencesServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.UpdateMyNotificationPreferencesRequest;
import com.rapport.ordertracking.LocalSmtp;
import com.rapport.ordertracking.MovingClock;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Delay;
import com.rapport.ordertracking.order.DelayReport;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.GrpcErrors;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
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

import static com.rapport.contracts.ordertracking.v1.NotificationTopic.NOTIFICATION_TOPIC_DELAYS;
import static com.rapport.contracts.ordertracking.v1.NotificationTopic.NOTIFICATION_TOPIC_INCIDENTS;
import static com.rapport.contracts.ordertracking.v1.NotificationTopic.NOTIFICATION_TOPIC_SHIPPED;
import static com.rapport.contracts.ordertracking.v1.NotificationTopic.NOTIFICATION_TOPIC_UNSPECIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/**
 * The portal inbox and each contact's notification preferences, on the embedded store and a real SMTP server
 * (GreenMail, in-process), through the service's own gRPC server (in-process); only customer-service's answers are
 * stood in for. The portal login {@code contact-of-acme-retail} (the test token's user name) is Alice's.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + InboxAndPreferencesTests.SERVER })
@Import({ TestTokens.DecoderConfiguration.class, MovingClock.class })
class InboxAndPreferencesTests {

	static final String SERVER = "inbox-and-preferences";

	static final int SMTP_PORT = LocalSmtp.freePort();

	static final MutableClock CLOCK = MovingClock.CLOCK;

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static GreenMail smtp = LocalSmtp.started(SMTP_PORT);

	static final String ALICE = TestTokens.customer("acme-retail");

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
	MongoTemplate mongo;

	@Autowired
	InboxPersonalData personalData;

	@MockitoBean
	ContactSource contacts;

	@MockitoBean
	CustomerDirectory customers;

	private Order order;

	@BeforeEach
	void setUp() {
		CLOCK.advance(Duration.between(CLOCK.instant(), MovingClock.START));
		orders.deleteAll();
		for (Class<?> kept : List.of(Notification.class, KnownContacts.class, InboxItem.class,
				NotificationPreferences.class)) {
			mongo.remove(new Query(), kept);
		}
		smtp.reset();
		given(customers.exists("acme-retail")).willReturn(true);
		given(contacts.contactsOf("acme-retail")).willReturn(List.of(
				new NotificationContact("alice", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai", "EMAIL",
						"contact-of-acme-retail"),
				new NotificationContact("bob", "Bob Li", "bob@acme.example", "en", "Europe/London", "EMAIL", "bob.li"),
				new NotificationContact("carol", "Carol Wu", "carol@acme.example", "en", "Asia/Shanghai", "SMS"),
				new NotificationContact("dave", "Dave Ma", "", "en", "Asia/Shanghai", "EMAIL")));
		given(contacts.contactsOf("globex-trading")).willReturn(List.of(new NotificationContact("gina", "Gina Ho",
				"gina@globex.example", "en", "Asia/Singapore", "EMAIL", "contact-of-globex-trading")));
		order = orders.insert(new Order(null, "acme-retail", "PO-1", MovingClock.START.minusSeconds(86_400),
				LocalDate.parse("2026-12-10"), null, List.of(), List.of(new Milestone(MilestoneCode.PLACED,
						MovingClock.START.minusSeconds(86_400), null)), "partner", null, null, null));
	}

	@AfterAll
	static void stop() {
		smtp.stop();
		channel.shutdownNow();
	}

	private static NotificationInboxServiceBlockingStub inbox(String token) {
		return NotificationInboxServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static NotificationPreferencesServiceBlockingStub preferences(String token) {
		return NotificationPreferencesServiceGrpc.newBlockingStub(channel)
			.withCallCredentials(CallTokens.bearer(token));
	}

	private void milestone(String eventId, MilestoneCode code) {
		progress.appendMilestone("acme-retail", "PO-1", new Milestone(code, CLOCK.instant().minusSeconds(60),
				"Two pallets", eventId, "Shenzhen", null, null, null, false, null));
	}

	private List<String> inboxOf(String contactId) {
		return mongo.findAll(InboxItem.class).stream().filter(i -> i.contactId().equals(contactId))
			.map(i -> i.kind() + ":" + i.facts().getOrDefault("code", "")).sorted().toList();
	}

	private List<String> mailedTo() throws Exception {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			to.add(mail.getAllRecipients()[0].toString());
		}
		return to.stream().sorted().toList();
	}

	private ListMyInboxResponse aliceInbox() {
		return inbox(ALICE).listMyInbox(ListMyInboxRequest.getDefaultInstance());
	}

	@Test
	void everyChangeLandsInEachContactsInboxAndByEmailOnlyWithThoseWhoWantItAndHaveAnAddress() throws Exception {
		milestone("e-1", MilestoneCode.SHIPPED);
		assertThat(fanOut.queuePending()).isEqualTo(2);
		sender.sendDue(10);

		for (String contact : List.of("alice", "bob", "carol", "dave")) {
			assertThat(inboxOf(contact)).as(contact).containsExactly("MILESTONE_REACHED:SHIPPED");
		}
		assertThat(mailedTo()).containsExactly("alice@acme.example", "bob@acme.example");
		// Repeated rounds add nothing, to an inbox or a mailbox.
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(mongo.findAll(InboxItem.class)).hasSize(4);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void aContactsOwnInboxIsNewestFirstWithItsUnreadCountAndIsMarkedReadOneOrAll() {
		milestone("e-1", MilestoneCode.PACKED);
		fanOut.queuePending();
		CLOCK.advance(Duration.ofMinutes(5));
		milestone("e-2", MilestoneCode.SHIPPED);
		fanOut.queuePending();
		CLOCK.advance(Duration.ofMinutes(5));
		progress.cancel("acme-retail", "PO-1", "Customer withdrew");
		fanOut.queuePending();

		ListMyInboxResponse page = aliceInbox();
		assertThat(page.getItemsList()).extracting(i -> i.getKind() + ":" + i.getFactsOrDefault("code", ""))
			.containsExactly("ORDER_CANCELLED:", "MILESTONE_REACHED:SHIPPED", "MILESTONE_REACHED:PACKED");
		assertThat(page.getTotal()).isEqualTo(3);
		assertThat(page.getUnread()).isEqualTo(3);
		assertThat(page.getItems(1).getOrderNumber()).isEqualTo("PO-1");
		assertThat(page.getItems(1).getOrderId()).isEqualTo(order.id());
		assertThat(page.getItems(1).getTopic()).isEqualTo(NOTIFICATION_TOPIC_SHIPPED);

		ListMyInboxResponse second = inbox(ALICE).listMyInbox(ListMyInboxRequest.newBuilder().setPage(1)
			.setPageSize(2).build());
		assertThat(second.getItemsList()).extracting(i -> i.getFactsOrDefault("code", "")).containsExactly("PACKED");

		var read = inbox(ALICE).markInboxItemRead(MarkInboxItemReadRequest.newBuilder()
			.setItemId(page.getItems(1).getId()).build());
		assertThat(read.getRead()).isTrue();
		assertThat(inbox(ALICE).countMyUnread(CountMyUnreadRequest.getDefaultInstance()).getUnread()).isEqualTo(2);
		assertThat(inbox(ALICE).markAllInboxRead(MarkAllInboxReadRequest.getDefaultInstance()).getMarked())
			.isEqualTo(2);
		assertThat(aliceInbox().getUnread()).isZero();
		// Bob's items are untouched by Alice's reading.
		assertThat(mongo.findAll(InboxItem.class)).filteredOn(i -> i.contactId().equals("bob"))
			.hasSize(3).noneMatch(InboxItem::read);
	}

	@Test
	void anotherContactsItemAnswersLikeAnUnknownOne() {
		milestone("e-1", MilestoneCode.SHIPPED);
		fanOut.queuePending();
		String bobsItem = InboxItem.idOf(mongo.findAll(InboxItem.class).get(0).eventId(), "bob");
		String alicesItem = InboxItem.idOf(mongo.findAll(InboxItem.class).get(0).eventId(), "alice");

		for (var attempt : List.<Runnable>of(
				() -> inbox(ALICE).markInboxItemRead(MarkInboxItemReadRequest.newBuilder().setItemId(bobsItem).build()),
				() -> inbox(ALICE).markInboxItemRead(MarkInboxItemReadRequest.newBuilder().setItemId("no-such").build()),
				() -> inbox(TestTokens.customer("globex-trading"))
					.markInboxItemRead(MarkInboxItemReadRequest.newBuilder().setItemId(alicesItem).build()))) {
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(attempt::run)
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}
		assertThat(mongo.findAll(InboxItem.class)).noneMatch(InboxItem::read);
		var globex = inbox(TestTokens.customer("globex-trading")).listMyInbox(ListMyInboxRequest.getDefaultInstance());
		assertThat(globex.getItemsList()).isEmpty();
		assertThat(inbox(TestTokens.customer("globex-trading")).markAllInboxRead(
				MarkAllInboxReadRequest.getDefaultInstance()).getMarked()).isZero();
		assertThat(mongo.findAll(InboxItem.class)).noneMatch(InboxItem::read);
	}

	@Test
	void staffAndServicesHaveNoInboxNorPreferences() {
		for (String token : List.of(TestTokens.staff("admin"), TestTokens.service())) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> inbox(token).countMyUnread(CountMyUnreadRequest.getDefaultInstance()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> preferences(token)
					.getMyNotificationPreferences(GetMyNotificationPreferencesRequest.getDefaultInstance()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
	}

	@Test
	void aContactWhoNeverChoseSeesTheDefaults() {
		var defaults = preferences(ALICE)
			.getMyNotificationPreferences(GetMyNotificationPreferencesRequest.getDefaultInstance());
		assertThat(defaults.getCustomised()).isFalse();
		assertThat(defaults.getTopicsCount()).isEqualTo(6);
		assertThat(defaults.getEmail()).isTrue();
		assertThat(defaults.getSmsAvailable()).isFalse();
		assertThat(defaults.getQuietHours()).isFalse();
		assertThat(defaults.getTimeZone()).isEqualTo("Asia/Shanghai");
		assertThat(defaults.getEmailAddress()).isEqualTo("alice@acme.example");
	}

	@Test
	void aContactsChosenTopicsAndChannelAreHonouredByTheFanOut() throws Exception {
		var saved = preferences(ALICE).updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest
			.newBuilder().addTopics(NOTIFICATION_TOPIC_DELAYS).addTopics(NOTIFICATION_TOPIC_INCIDENTS).setEmail(false)
			.build());
		assertThat(saved.getCustomised()).isTrue();
		assertThat(saved.getTopicsList()).containsExactly(NOTIFICATION_TOPIC_DELAYS, NOTIFICATION_TOPIC_INCIDENTS);

		milestone("e-1", MilestoneCode.SHIPPED);
		progress.reportDelay("demo", order.id(), new DelayReport("Paint line down", Delay.Remedy.DISCOUNT, "5 %", null));
		fanOut.queuePending();
		sender.sendDue(10);

		assertThat(inboxOf("alice")).containsExactly("ORDER_DELAYED:");
		assertThat(inboxOf("bob")).containsExactly("MILESTONE_REACHED:SHIPPED", "ORDER_DELAYED:");
		assertThat(mailedTo()).containsExactly("bob@acme.example", "bob@acme.example");
		assertThat(preferences(ALICE).getMyNotificationPreferences(
				GetMyNotificationPreferencesRequest.getDefaultInstance())).isEqualTo(saved);
	}

	@Test
	void anEmailInTheContactsQuietHoursWaitsForTheirEndWhileTheInboxHasItAtOnceAndAnExceptionGoesAtOnce()
			throws Exception {
		preferences(ALICE).updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest.newBuilder()
			.addAllTopics(List.of(com.rapport.contracts.ordertracking.v1.NotificationTopic.values()).stream()
				.filter(t -> t != NOTIFICATION_TOPIC_UNSPECIFIED
						&& t != com.rapport.contracts.ordertracking.v1.NotificationTopic.UNRECOGNIZED)
				.toList())
			.setEmail(true).setQuietHours(true).setQuietFrom("22:00").setQuietUntil("07:00").build());
		CLOCK.advance(Duration.ofHours(5)); // 15:00 UTC: 23:00 in Shanghai (Alice), 15:00 in London (Bob)

		milestone("e-1", MilestoneCode.SHIPPED);
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(mailedTo()).containsExactly("bob@acme.example");
		assertThat(inboxOf("alice")).containsExactly("MILESTONE_REACHED:SHIPPED");
		Notification waiting = mongo.findById(Notification.idOf(eventIdOf("alice"), "alice@acme.example"),
				Notification.class);
		assertThat(waiting.state()).isEqualTo(Notification.State.QUEUED);
		assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));

		milestone("e-2", MilestoneCode.EXCEPTION);
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(mailedTo()).containsExactly("alice@acme.example", "bob@acme.example", "bob@acme.example");

		CLOCK.advance(Duration.ofHours(8)); // 07:00 in Shanghai
		sender.sendDue(10);
		assertThat(mailedTo()).containsExactly("alice@acme.example", "alice@acme.example", "bob@acme.example",
				"bob@acme.example");
	}

	private String eventIdOf(String contactId) {
		return mongo.findAll(InboxItem.class).stream().filter(i -> i.contactId().equals(contactId)).findFirst()
			.orElseThrow().eventId();
	}

	@Test
	void whileCustomerServiceIsDownTheLastKnownContactsAndTheirSavedPreferencesHold() throws Exception {
		preferences(ALICE).updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest.newBuilder()
			.addTopics(NOTIFICATION_TOPIC_SHIPPED).setEmail(false).build());
		milestone("e-1", MilestoneCode.PACKED);
		fanOut.queuePending();
		given(contacts.contactsOf("acme-retail")).willThrow(new RemoteUnavailableException("customer-service", null));

		milestone("e-2", MilestoneCode.SHIPPED);
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(inboxOf("alice")).containsExactly("MILESTONE_REACHED:SHIPPED");
		assertThat(mailedTo()).containsExactly("bob@acme.example", "bob@acme.example");
		// Alice still reads and marks her inbox, and sees her settings.
		assertThat(aliceInbox().getUnread()).isEqualTo(1);
		assertThat(preferences(ALICE).getMyNotificationPreferences(
				GetMyNotificationPreferencesRequest.getDefaultInstance()).getTopicsList())
			.containsExactly(NOTIFICATION_TOPIC_SHIPPED);
	}

	@Test
	void badSettingsAreRefusedFieldByFieldAndNothingIsStored() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> preferences(ALICE).updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest
				.newBuilder().addTopics(NOTIFICATION_TOPIC_UNSPECIFIED).setSms(true).setQuietHours(true)
				.setQuietFrom("25:00").setQuietUntil("7am").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT))
			.satisfies(ex -> assertThat(fields(ex)).containsOnly(
					java.util.Map.entry("topics", "notifications.preferences.topic-unknown"),
					java.util.Map.entry("sms", "notifications.preferences.sms-unavailable"),
					java.util.Map.entry("quiet_from", "notifications.preferences.time-format"),
					java.util.Map.entry("quiet_until", "notifications.preferences.time-format")));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> preferences(ALICE).updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest
				.newBuilder().setQuietHours(true).setQuietFrom("22:00").setQuietUntil("22:00").build()))
			.satisfies(ex -> assertThat(fields(ex)).containsOnly(
					java.util.Map.entry("quiet_until", "notifications.preferences.quiet-empty")));
		assertThat(mongo.findAll(NotificationPreferences.class)).isEmpty();
	}

	@Test
	void aLoginLinkedToNoContactHasNoSettingsAndAnEmptyInbox() {
		given(contacts.contactsOf("initech")).willReturn(List.of());
		String stranger = TestTokens.customer("initech");
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> preferences(stranger)
				.getMyNotificationPreferences(GetMyNotificationPreferencesRequest.getDefaultInstance()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(inbox(stranger).countMyUnread(CountMyUnreadRequest.getDefaultInstance()).getUnread()).isZero();
	}

	@Test
	void aContactsSettingsAndInboxAreExportedAndErasedWithThePersonAndNoOneElses() {
		preferences(ALICE).updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest.newBuilder()
			.addTopics(NOTIFICATION_TOPIC_SHIPPED).setEmail(true).build());
		milestone("e-1", MilestoneCode.SHIPPED);
		fanOut.queuePending();
		var alice = new com.rapport.support.privacy.DataSubject("acme-retail", "alice", "contact-of-acme-retail",
				"alice@acme.example", "Alice Chen", "");

		assertThat(personalData.export(alice)).hasSize(2).hasAtLeastOneElementOfType(NotificationPreferences.class)
			.hasAtLeastOneElementOfType(InboxItem.class);
		assertThat(personalData.erase(alice)).isEqualTo(new com.rapport.support.privacy.Erasure(2, 0));
		assertThat(personalData.erase(alice)).isEqualTo(com.rapport.support.privacy.Erasure.NOTHING);
		assertThat(inboxOf("alice")).isEmpty();
		assertThat(inboxOf("bob")).hasSize(1);
	}

	/** The bad fields the service named, each with its message code, as a caller reads them. */
	private static java.util.Map<String, String> fields(StatusRuntimeException ex) {
		var refused = (com.rapport.support.error.UnprocessableException) GrpcErrors.toDomain("order-tracking-service",
				ex);
		java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
		refused.fieldMessages().forEach((field, message) -> codes.put(field, message.code()));
		return codes;
	}

}
