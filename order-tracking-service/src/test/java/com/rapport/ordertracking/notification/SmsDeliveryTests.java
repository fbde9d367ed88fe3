package com.rapport.ordertracking.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.FakeSmsServer;
import com.rapport.ordertracking.MovingClock;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.ordertracking.sms.SmsChoices;
import com.rapport.ordertracking.sms.SmsMessage;
import com.rapport.ordertracking.sms.SmsSender;
import com.rapport.support.error.ConflictException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;

/**
 * Order changes reaching contacts who prefer SMS, through the repository's fake SMS provider as a real process over
 * real HTTP (sms/FakeSmsProvider.java, the one ./platform up starts), with HTTP Basic credentials: the message in the
 * contact's language with the order's link, the delivery log's states, and the provider down then back: sent once.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=sms-delivery", "rapport.sms.first-retry=10s", "rapport.sms.max-retry=1m",
		"rapport.sms.max-attempts=3", "rapport.sms.timeout=3s", "rapport.notifications.portal-url=https://rapport.example" })
@Import({ TestTokens.DecoderConfiguration.class, MovingClock.class })
class SmsDeliveryTests {

	static final MutableClock CLOCK = MovingClock.CLOCK;

	static final FakeSmsServer provider = FakeSmsServer.start();

	@DynamicPropertySource
	static void smsProvider(DynamicPropertyRegistry registry) {
		registry.add("rapport.sms.url", provider::url);
		registry.add("rapport.sms.username", () -> FakeSmsServer.USER);
		registry.add("rapport.sms.password", () -> FakeSmsServer.PASSWORD);
	}

	@Autowired
	OrderRepository orders;

	@Autowired
	OrderProgressService progress;

	@Autowired
	NotificationFanOut fanOut;

	@Autowired
	SmsSender sender;

	@Autowired
	SmsChoices choices;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	NotificationLog log;

	@Autowired
	List<com.rapport.support.privacy.PersonalDataHolder> personalData;

	@MockitoBean
	ContactSource contacts;

	@MockitoBean
	CustomerDirectory customers;

	private Order order;

	@BeforeEach
	void setUp() {
		CLOCK.advance(Duration.between(CLOCK.instant(), MovingClock.START));
		orders.deleteAll();
		mongo.remove(new Query(), SmsMessage.class);
		mongo.remove(new Query(), Notification.class);
		mongo.remove(new Query(), KnownContacts.class);
		mongo.remove(new Query(), "sms_choices");
		provider.forget();
		given(customers.exists("acme-retail")).willReturn(true);
		given(contacts.contactsOf("acme-retail")).willReturn(List.of(
				new NotificationContact("bo", "Bo Zhang", "", "zh-CN", "Asia/Shanghai", "SMS", "bo.zhang",
						"+86 21 5555 0102"),
				new NotificationContact("oliver", "Oliver Hughes", "oliver@acme.example", "en", "Europe/London", "EMAIL",
						null, "+44 20 5555 0160"),
				new NotificationContact("nophone", "No Phone", "", "en", "Asia/Shanghai", "SMS")));
		Instant placed = MovingClock.START.minusSeconds(86_400);
		order = orders.insert(new Order(null, "acme-retail", "PO-9", placed, LocalDate.parse("2026-12-10"), null,
				List.of(), List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null));
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	private void shipped(String eventId) {
		progress.appendMilestone("acme-retail", "PO-9", new Milestone(MilestoneCode.SHIPPED,
				CLOCK.instant().minusSeconds(60), null, eventId, "Shenzhen", "SF Express", "SF1", null, false, null));
	}

	@Test
	void aContactPreferringSmsGetsOneInItsLanguageWithTheOrdersLinkAndOnTheTimeline() {
		shipped("e-1");
		fanOut.queuePending();
		assertThat(mongo.findAll(SmsMessage.class)).as("Bo prefers SMS; Oliver email; one without a phone gets none")
			.extracting(SmsMessage::phone).containsExactly("+862155550102");

		assertThat(sender.sendDue(10)).isEqualTo(1);
		String received = provider.messagesTo("+862155550102");
		assertThat(received).contains("Rapport：订单 PO-9 已发货。 https://rapport.example/portal/orders/" + order.id())
			.contains("\"received\": 1");
		assertThat(provider.messages()).doesNotContain("+442055550160");
		assertThat(mongo.findAll(SmsMessage.class)).singleElement()
			.satisfies(m -> assertThat(m.state()).isEqualTo(SmsMessage.State.SENT));
		assertThat(orders.findById(order.id()).orElseThrow().outbox())
			.filteredOn(e -> e.kind() == OrderEvent.Kind.NOTIFICATION_SENT)
			.singleElement().satisfies(e -> assertThat(e.facts()).containsEntry("channel", "SMS"));

		fanOut.queuePending();
		assertThat(sender.sendDue(10)).as("nothing twice, however often the rounds run").isZero();
		assertThat(provider.messagesTo("+862155550102")).contains("\"received\": 1");
	}

	@Test
	void theProviderDownIsRetriedWithBackoffAndTheMessageArrivesOnce() {
		shipped("e-2");
		fanOut.queuePending();
		provider.stop();
		try {
			assertThat(sender.sendDue(10)).isZero();
			SmsMessage waiting = mongo.findAll(SmsMessage.class).get(0);
			assertThat(waiting.state()).isEqualTo(SmsMessage.State.RETRYING);
			assertThat(waiting.lastError()).isNotBlank();
			assertThat(waiting.nextAttemptAt()).isEqualTo(CLOCK.instant().plusSeconds(10));
			CLOCK.advance(Duration.ofSeconds(5));
			assertThat(sender.sendDue(10)).as("not before its backoff").isZero();
		}
		finally {
			provider.restart();
		}
		CLOCK.advance(Duration.ofSeconds(6));
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(sender.sendDue(10)).isZero();
		assertThat(provider.messagesTo("+862155550102")).contains("\"received\": 1");
		assertThat(mongo.findAll(SmsMessage.class)).singleElement().satisfies(m -> {
			assertThat(m.state()).isEqualTo(SmsMessage.State.SENT);
			assertThat(m.attempts()).isEqualTo(2);
		});
	}

	@Test
	void aProviderDownForEveryTryMakesTheMessageDead() {
		shippedWhileTheProviderIsDownForEveryTry("e-3");
		assertThat(mongo.findAll(SmsMessage.class)).singleElement()
			.satisfies(m -> assertThat(m.state()).isEqualTo(SmsMessage.State.DEAD));
		assertThat(sender.sendDue(10)).isZero();
	}

	/** Staff's notification log of an order (the console's) lists its SMS beside its emails, and resends a dead SMS. */
	@Test
	void staffSeeAnOrdersSmsBesideItsEmailsAndSendADeadSmsAgain() {
		shippedWhileTheProviderIsDownForEveryTry("e-4");
		Caller agent = Caller.from(new KeycloakJwtAuthenticationConverter()
			.convert(TestTokens.decoder().decode(TestTokens.staff("agent"))));

		List<LoggedMessage> entries = log.ofOrder(agent, order.id()).stream()
			.filter(m -> m.channel() != LoggedMessage.Channel.INBOX).toList();
		assertThat(entries).extracting(LoggedMessage::channel, LoggedMessage::address, LoggedMessage::contactName,
				LoggedMessage::state)
			.containsExactlyInAnyOrder(tuple(LoggedMessage.Channel.EMAIL, "oliver@acme.example", "Oliver Hughes", "QUEUED"),
					tuple(LoggedMessage.Channel.SMS, "+862155550102", "Bo Zhang", "DEAD"));
		LoggedMessage dead = entries.stream().filter(m -> m.channel() == LoggedMessage.Channel.SMS).findFirst().orElseThrow();
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.lastError()).isNotBlank();
		assertThat(dead.text()).contains("PO-9").contains("/portal/orders/" + order.id());
		assertThat(dead.language()).isEqualTo("zh-CN");

		LoggedMessage resent = log.resend(agent, dead.id());
		assertThat(resent.channel()).isEqualTo(LoggedMessage.Channel.SMS);
		assertThat(resent.state()).isEqualTo("QUEUED");
		assertThat(resent.attempts()).isZero();
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(provider.messagesTo("+862155550102")).contains("\"received\": 1");
		assertThat(log.ofOrder(agent, order.id())).filteredOn(m -> m.channel() == LoggedMessage.Channel.SMS)
			.singleElement().satisfies(m -> assertThat(m.state()).isEqualTo("SENT"));
		assertThatExceptionOfType(ConflictException.class).as("a sent SMS is not sent twice")
			.isThrownBy(() -> log.resend(agent, dead.id()));
	}

	/** A shipment told while the provider is down for each of the three tries (the test's max-attempts). */
	private void shippedWhileTheProviderIsDownForEveryTry(String eventId) {
		shipped(eventId);
		fanOut.queuePending();
		provider.stop();
		try {
			for (int i = 0; i < 3; i++) {
				sender.sendDue(10);
				CLOCK.advance(Duration.ofMinutes(2));
			}
		}
		finally {
			provider.restart();
		}
	}

	@Test
	void aContactWhoTurnedSmsOffGetsNoneAndOneWhoTurnedItOnDoes() {
		choices.save("acme-retail", "bo", false);
		choices.save("acme-retail", "oliver", true);
		shipped("e-4");
		fanOut.queuePending();
		assertThat(mongo.findAll(SmsMessage.class)).extracting(SmsMessage::phone).containsExactly("+442055550160");
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(provider.messagesTo("+442055550160")).contains("Rapport: order PO-9 is shipped.");
	}

	@Test
	void aContactsSmsChoiceAndItsSmsAreInItsPersonalDataAndErasingRemovesTheChoice() {
		choices.save("acme-retail", "bo", true);
		shipped("e-5");
		fanOut.queuePending();
		var sms = personalData.stream().filter(h -> h.kind().equals("sms")).findFirst().orElseThrow();
		var bo = new com.rapport.support.privacy.DataSubject("acme-retail", "bo", "bo.zhang", "", "Bo Zhang",
				"+86 21 5555 0102");
		assertThat(sms.export(bo)).hasSize(2);
		assertThat(sms.erase(bo).deleted()).isEqualTo(1);
		assertThat(choices.savedOf("acme-retail")).doesNotContainKey("bo");
		assertThat(sms.export(new com.rapport.support.privacy.DataSubject("globex-trading", "bo", "", "", "", "")))
			.as("another organisation's contact of the same id holds nothing of Bo's").isEmpty();
	}
}
