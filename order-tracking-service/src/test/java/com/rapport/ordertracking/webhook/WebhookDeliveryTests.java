package com.rapport.ordertracking.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.rapport.ordertracking.LocalSmtp;
import com.rapport.ordertracking.MovingClock;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.draft.DraftOrders;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderChange;
import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
 * Order events reaching a partner's receiver: a real HTTP server in this JVM (the JDK's) that checks every
 * signature the way the README tells receivers to, the embedded store, and a real SMTP server (GreenMail) for the
 * admins' alert. The tests drive the fan-out, the sender and the alerts themselves and move the clock.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-webhooks", "rapport.webhooks.enabled=false",
		"rapport.webhooks.first-retry=30s", "rapport.webhooks.max-retry=10m", "rapport.webhooks.failing-window=2h",
		"rapport.webhooks.timeout=2s", "rapport.webhooks.admin-email=ops@supplier.example",
		"rapport.webhooks.console-url=https://rapport.example/" })
@Import({ TestTokens.DecoderConfiguration.class, MovingClock.class })
class WebhookDeliveryTests {

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
	WebhookSubscriptions subscriptions;

	@Autowired
	WebhookDeliveries deliveries;

	@Autowired
	WebhookFanOut fanOut;

	@Autowired
	WebhookSender sender;

	@Autowired
	WebhookAlerts alerts;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DraftOrders drafts;

	@MockitoBean
	CustomerDirectory customers;

	private Receiver receiver;

	@BeforeEach
	void setUp() throws IOException {
		CLOCK.advance(Duration.between(CLOCK.instant(), START));
		orders.deleteAll();
		mongo.remove(new Query(), WebhookSubscription.class);
		mongo.remove(new Query(), WebhookDelivery.class);
		mongo.remove(new Query(), DraftOrder.class);
		smtp.reset();
		given(customers.exists("acme-retail")).willReturn(true);
		orders.insert(new Order(null, "acme-retail", "PO-1", START.minusSeconds(86_400), LocalDate.parse("2026-12-10"),
				null, List.of(), List.of(new Milestone(MilestoneCode.PLACED, START.minusSeconds(86_400), null)),
				"partner", null, null, null));
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop();
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	void aMilestoneReachesTheReceiverSignedSoThatItVerifies() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED"));
		receiver.secret = created.secret();
		subscriptions.create(admin(), draft(receiver.url() + "/other", "ORDER_CANCELLED"));

		shipped("wms-1");
		// The event is kept in the order, in the same write as the milestone, until it is queued.
		assertThat(orders.findByCustomerIdAndOrderNumber("acme-retail", "PO-1").orElseThrow().hooks())
			.extracting(OrderEvent::kind).containsExactly(OrderEvent.Kind.MILESTONE_REACHED);
		assertThat(fanOut.queuePending()).isEqualTo(1);
		assertThat(orders.findByCustomerIdAndOrderNumber("acme-retail", "PO-1").orElseThrow().hooks()).isEmpty();
		assertThat(sender.sendDue(10)).isEqualTo(1);

		assertThat(receiver.received).hasSize(1);
		Received got = receiver.received.peek();
		assertThat(got.verified).as("signature verified by the receiver").isTrue();
		assertThat(got.path).isEqualTo("/hooks");
		assertThat(got.headers.get("Rapport-Event-Type")).isEqualTo("MILESTONE_REACHED");
		assertThat(got.headers.get("Rapport-Timestamp")).isEqualTo(String.valueOf(START.getEpochSecond()));
		assertThat(got.headers.get("Content-Type")).isEqualTo("application/json");
		assertThat(got.body).contains("\"type\":\"MILESTONE_REACHED\"", "\"orderNumber\":\"PO-1\"",
				"\"code\":\"SHIPPED\"", "\"carrier\":\"SF Express\"");

		WebhookDelivery delivery = only(created.subscription().id());
		assertThat(got.headers.get("Rapport-Delivery-Id")).isEqualTo(delivery.id());
		assertThat(delivery.state()).isEqualTo(WebhookDelivery.State.SENT);
		assertThat(delivery.tries()).singleElement().satisfies(t -> {
			assertThat(t.status()).isEqualTo(204);
			assertThat(t.durationMillis()).isGreaterThanOrEqualTo(0);
		});
		assertThat(subscriptions.get(admin(), created.subscription().id()).lastState()).isEqualTo("SENT");

		// Nothing twice, however often the rounds run; the cancellation subscriber heard nothing of a milestone.
		assertThat(fanOut.queuePending()).isZero();
		assertThat(sender.sendDue(10)).isZero();
		assertThat(receiver.received).hasSize(1);
	}

	/** Issue 16's order.draft-created: a draft made for a customer ("reorder as last time") reaches the partner. */
	@Test
	void aDraftOrderMadeForACustomerReachesTheReceiverSignedAsDraftCreatedOnce() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "DRAFT_CREATED"));
		receiver.secret = created.secret();
		subscriptions.create(admin(), draft(receiver.url() + "/other", "ORDER_PLACED", "MILESTONE_REACHED"));
		DraftOrders.Request request = new DraftOrders.Request("acme-retail", "reorder:acme-retail:CHAIR-ERG-01:2026-12-16",
				List.of(new OrderLine("CHAIR-ERG-01", "Ergonomic chair", 120)), "Alice Chen");

		DraftOrder made = drafts.create(caller(TestTokens.service()), request).draft();
		// The event is kept in the draft, in the same write, until it is queued.
		assertThat(mongo.findById(made.draftNumber(), DraftOrder.class).hooks()).extracting(OrderEvent::kind)
			.containsExactly(OrderEvent.Kind.DRAFT_CREATED);
		assertThat(fanOut.queuePending()).as("the order subscriber wants no draft").isEqualTo(1);
		assertThat(mongo.findById(made.draftNumber(), DraftOrder.class).hooks()).isEmpty();
		assertThat(sender.sendDue(10)).isEqualTo(1);

		assertThat(receiver.received).singleElement().satisfies(got -> {
			assertThat(got.verified).as("signature verified by the receiver").isTrue();
			assertThat(got.headers.get("Rapport-Event-Type")).isEqualTo("DRAFT_CREATED");
			assertThat(got.body).contains("\"type\":\"DRAFT_CREATED\"", "\"eventId\":\"draft-created:" + made.draftNumber(),
					"\"draft\":{\"draftNumber\":\"" + made.draftNumber() + "\",\"customerId\":\"acme-retail\"",
					"\"requestedBy\":\"Alice Chen\"", "\"sku\":\"CHAIR-ERG-01\"", "\"quantity\":120",
					"\"skus\":\"CHAIR-ERG-01\"").doesNotContain("\"order\":");
		});

		// The same request again is the same draft: nothing new to tell, however often the rounds run.
		assertThat(drafts.create(caller(TestTokens.service()), request).created()).isFalse();
		assertThat(fanOut.queuePending()).isZero();
		assertThat(sender.sendDue(10)).isZero();
		assertThat(receiver.received).hasSize(1);
	}

	@Test
	void aSignatureOlderThanFiveMinutesOrOfAnotherBodyIsRefusedByTheReceiversCheck() {
		String body = "{\"type\":\"ORDER_PLACED\"}";
		String header = WebhookSignature.sign("whsec_test", START.getEpochSecond(), body);
		assertThat(Receiver.verifies("whsec_test", header, body, START.getEpochSecond() + 60)).isTrue();
		assertThat(Receiver.verifies("whsec_test", header, body, START.getEpochSecond() + 301)).isFalse();
		assertThat(Receiver.verifies("whsec_test", header, body + " ", START.getEpochSecond())).isFalse();
		assertThat(Receiver.verifies("whsec_other", header, body, START.getEpochSecond())).isFalse();
		assertThat(WebhookSignature.verify("whsec_test", header, body, START.getEpochSecond() + 301, 300)).isFalse();
	}

	@Test
	void aReceiverThatFailsFirstIsTriedAgainAfterTheBackoffAndGetsTheSameDeliveryOnce() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED", "ORDER_CANCELLED"));
		receiver.secret = created.secret();
		receiver.answers.add(500);

		progress.cancel("acme-retail", "PO-1", "Customer withdrew");
		assertThat(fanOut.queuePending()).isEqualTo(1);
		assertThat(sender.sendDue(10)).isZero();
		WebhookDelivery failed = only(created.subscription().id());
		assertThat(failed.state()).isEqualTo(WebhookDelivery.State.RETRYING);
		assertThat(failed.lastStatus()).isEqualTo(500);
		assertThat(failed.lastError()).isEqualTo("HTTP 500");
		assertThat(failed.nextAttemptAt()).isEqualTo(START.plusSeconds(30));

		// Not before the backoff.
		CLOCK.advance(Duration.ofSeconds(20));
		assertThat(sender.sendDue(10)).isZero();
		CLOCK.advance(Duration.ofSeconds(15));
		assertThat(sender.sendDue(10)).isEqualTo(1);

		assertThat(receiver.received).hasSize(2).allMatch(r -> r.verified);
		List<Received> tries = new ArrayList<>(receiver.received);
		assertThat(tries.get(1).headers.get("Rapport-Delivery-Id")).isEqualTo(tries.get(0).headers.get("Rapport-Delivery-Id"));
		assertThat(tries.get(1).body).isEqualTo(tries.get(0).body);
		assertThat(tries.get(1).headers.get("Rapport-Event-Type")).isEqualTo("ORDER_CANCELLED");
		assertThat(receiver.accepted()).isEqualTo(1);
		WebhookDelivery delivered = only(created.subscription().id());
		assertThat(delivered.state()).isEqualTo(WebhookDelivery.State.SENT);
		assertThat(delivered.attempts()).isEqualTo(2);
		assertThat(delivered.tries()).extracting(WebhookDelivery.Try::status).containsExactly(500, 204);
		assertThat(subscriptions.get(admin(), created.subscription().id()).failingSince()).isNull();
	}

	@Test
	void aSubscriptionFailingLongerThanTheWindowIsDisabledAndTheAdminsAreMailedOnce() throws Exception {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED"));
		String id = created.subscription().id();
		receiver.secret = created.secret();
		receiver.always = 503;

		shipped("wms-1");
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(subscriptions.get(admin(), id).failingSince()).isEqualTo(START);
		// Tries every 30 s, 1, 2, 4, 8 and then 10 min: still failing but within the window (2 h here).
		for (int i = 0; i < 12 && CLOCK.instant().isBefore(START.plus(Duration.ofMinutes(110))); i++) {
			CLOCK.advance(Duration.ofMinutes(10));
			sender.sendDue(10);
		}
		assertThat(subscriptions.get(admin(), id).enabled()).isTrue();
		assertThat(alerts.mailDue()).isZero();

		CLOCK.advance(Duration.ofMinutes(15));
		sender.sendDue(10);
		WebhookSubscription disabled = subscriptions.get(admin(), id);
		assertThat(disabled.enabled()).isFalse();
		assertThat(disabled.disabledReason()).isEqualTo(WebhookSubscription.DisabledReason.FAILING);
		assertThat(disabled.lastState()).isEqualTo("RETRYING");
		assertThat(disabled.lastStatus()).isEqualTo(503);
		int triesBefore = receiver.received.size();

		assertThat(alerts.mailDue()).isEqualTo(1);
		assertThat(alerts.mailDue()).isZero();
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ops@supplier.example");
		assertThat(mails[0].getSubject()).isEqualTo("Webhook disabled: " + receiver.url() + " / Webhook 已停用："
				+ receiver.url());
		assertThat(GreenMailUtil.getBody(mails[0])).isNotBlank();
		assertThat(new String(mails[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.contains("failed every delivery for 2 hours", "https://rapport.example/console/webhooks/" + id);

		// Disabled: its waiting delivery is not sent any more, and a new event queues nothing for it.
		CLOCK.advance(Duration.ofHours(1));
		sender.sendDue(10);
		shipped("wms-2");
		assertThat(fanOut.queuePending()).isZero();
		assertThat(receiver.received).hasSize(triesBefore);
		assertThat(only(id).state()).isEqualTo(WebhookDelivery.State.FAILED);

		// Enabled again and the receiver fixed: the failed delivery can be replayed.
		receiver.always = null;
		subscriptions.enable(admin(), id);
		deliveries.replay(admin(), only(id).id());
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(receiver.accepted()).isEqualTo(1);
	}

	@Test
	void aDeliveryIsReplayedFromTheLogWithTheSameIdAndOnlyWhenFinished() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED"));
		receiver.secret = created.secret();
		shipped("wms-1");
		fanOut.queuePending();
		WebhookDelivery queued = only(created.subscription().id());
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> deliveries.replay(admin(), queued.id()));
		sender.sendDue(10);

		assertThat(deliveries.replay(admin(), queued.id()).state()).isEqualTo(WebhookDelivery.State.QUEUED);
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(receiver.received).hasSize(2).allMatch(r -> r.verified)
			.allMatch(r -> r.headers.get("Rapport-Delivery-Id").equals(queued.id()));

		var page = deliveries.ofSubscription(admin(), created.subscription().id(), 0, 10);
		assertThat(page.deliveries()).extracting(WebhookDelivery::id).containsExactly(queued.id());
		assertThat(page.more()).isFalse();
	}

	@Test
	void deliveriesAreListedNewestFirstAPageAtATime() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED"));
		for (int i = 1; i <= 5; i++) {
			CLOCK.advance(Duration.ofMinutes(1));
			shipped("wms-" + i);
			fanOut.queuePending();
		}
		String id = created.subscription().id();
		var first = deliveries.ofSubscription(admin(), id, 0, 2);
		var last = deliveries.ofSubscription(admin(), id, 2, 2);
		assertThat(first.deliveries()).extracting(WebhookDelivery::eventId)
			.allMatch(e -> e.endsWith("wms-5") || e.endsWith("wms-4"));
		assertThat(first.deliveries().get(0).createdAt()).isAfter(first.deliveries().get(1).createdAt());
		assertThat(first.more()).isTrue();
		assertThat(last.deliveries()).singleElement().satisfies(d -> assertThat(d.eventId()).endsWith("wms-1"));
		assertThat(last.more()).isFalse();
	}

	@Test
	void aRotatedSecretSignsTheNextTryAndTheOldOneNoLonger() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED"));
		assertThat(subscriptions.list(admin())).singleElement().satisfies(s -> assertThat(s.secret()).isNull());
		var rotated = subscriptions.rotateSecret(admin(), created.subscription().id());
		assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(created.secret());
		receiver.secret = created.secret();
		shipped("wms-1");
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(receiver.received.peek().verified).isFalse();
		receiver.secret = rotated.secret();
		shipped("wms-2");
		fanOut.queuePending();
		sender.sendDue(10);
		assertThat(new ArrayList<>(receiver.received).get(1).verified).isTrue();
	}

	@Test
	void anAddressThatIsNotAbsoluteHttpAndUnknownEventsAreRefusedNamingEachField() {
		for (String url : List.of("ftp://partner.example/hooks", "/hooks", "partner.example/hooks", "",
				"https://user:pw@partner.example/", "javascript:alert(1)", "https://partner .example/")) {
			assertThatExceptionOfType(UnprocessableException.class)
				.isThrownBy(() -> subscriptions.create(admin(), draft(url, "ORDER_PLACED")))
				.satisfies(ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("url"));
		}
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> subscriptions.create(admin(),
					new WebhookSubscriptions.Draft("https://partner.example/hooks", List.of("NOTIFICATION_SENT"), "")))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("events"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> subscriptions.create(admin(), new WebhookSubscriptions.Draft("nope", List.of(), "")))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("url", "events"));
		assertThat(mongo.findAll(WebhookSubscription.class)).isEmpty();
		assertThat(subscriptions.create(admin(), draft("HTTPS://Partner.example:8443/a?b=c", "order_placed"))
			.subscription().events()).containsExactly("ORDER_PLACED");
	}

	@Test
	void onlyAdminsSeeOrChangeWebhooks() {
		var created = subscriptions.create(admin(), draft(receiver.url(), "MILESTONE_REACHED"));
		for (Caller other : List.of(caller(TestTokens.staff("agent")), caller(TestTokens.staff("manager")),
				caller(TestTokens.customer("acme-retail")), caller(TestTokens.service()))) {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> subscriptions.list(other));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> subscriptions.create(other, draft(receiver.url(), "ORDER_PLACED")));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> subscriptions.rotateSecret(other, created.subscription().id()));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> deliveries.ofSubscription(other, created.subscription().id(), 0, 10));
		}
		assertThat(subscriptions.list(admin())).hasSize(1);
	}

	private WebhookDelivery only(String subscriptionId) {
		List<WebhookDelivery> found = deliveries.ofSubscription(admin(), subscriptionId, 0, 10).deliveries();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private void shipped(String eventId) {
		progress.appendMilestone("acme-retail", "PO-1", new Milestone(MilestoneCode.SHIPPED,
				CLOCK.instant().minusSeconds(60), "Two pallets", eventId, "Shenzhen", "SF Express", "SF1234",
				"https://sf.example/SF1234", false, null));
	}

	private static WebhookSubscriptions.Draft draft(String url, String... events) {
		return new WebhookSubscriptions.Draft(url, List.of(events), "ERP of Acme");
	}

	private static Caller admin() {
		return caller(TestTokens.staff("admin"));
	}

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	record Received(String path, Map<String, String> headers, String body, boolean verified, int answered) {
	}

	/**
	 * A partner's receiver: checks each request's signature as the README says (HMAC-SHA256 of "t.body" with the
	 * secret, t within five minutes of its own clock) and answers 204, or the statuses it was told to.
	 */
	static final class Receiver {

		final HttpServer server;

		final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

		final List<Integer> answers = Collections.synchronizedList(new ArrayList<>());

		volatile Integer always;

		volatile String secret;

		Receiver() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				String body;
				try (InputStream in = exchange.getRequestBody()) {
					body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
				boolean verified = secret != null && verifies(secret, headers.get("Rapport-Signature"), body,
						CLOCK.instant().getEpochSecond());
				int status = !verified ? 401 : always != null ? always : answers.isEmpty() ? 204 : answers.remove(0);
				received.add(new Received(exchange.getRequestURI().getPath(), headers, body, verified, status));
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
		}

		/** How many requests it took in (answered 2xx). */
		long accepted() {
			return received.stream().filter(r -> r.answered >= 200 && r.answered < 300).count();
		}

		void stop() {
			server.stop(0);
		}

		/** The receiver's check, written from the README alone (not with the service's own class). */
		static boolean verifies(String secret, String header, String body, long nowSeconds) {
			if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
				return false;
			}
			String t = header.substring(2, header.indexOf(','));
			String v1 = header.substring(header.indexOf("v1=") + 3);
			if (Math.abs(nowSeconds - Long.parseLong(t)) > 300) {
				return false;
			}
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
				byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
				return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static GreenMail started() {
		return LocalSmtp.started(SMTP_PORT);
	}
}
