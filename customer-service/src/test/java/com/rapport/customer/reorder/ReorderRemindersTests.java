package com.rapport.customer.reorder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.growth.CustomerGrowthRepository;
import com.rapport.customer.growth.GrowthService;
import com.rapport.customer.growth.OrderHistory;
import com.rapport.customer.growth.ReorderRules;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reorder reminder and "reorder as last time" over the embedded store and a real SMTP server (GreenMail), with
 * order-tracking-service stood in for (its order lines and its draft orders): a due reorder mails each contact who
 * opted in once, in their language, with a link that makes one draft however often it is followed, and a forged,
 * foreign, expired or outdated link makes nothing.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-reorders" })
@Import({ TestTokens.DecoderConfiguration.class, ReorderRemindersTests.OrderTracking.class })
class ReorderRemindersTests {

	static final int SMTP_PORT = org.springframework.test.util.TestSocketUtils.findAvailableTcpPort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	/** order-tracking-service's order lines by organisation. */
	static final Map<String, List<ReorderRules.Line>> LINES = new ConcurrentHashMap<>();

	/** The drafts it was asked for (request ids), and whether it answers. */
	static final List<String> DRAFTS_ASKED = new CopyOnWriteArrayList<>();

	static final AtomicBoolean DOWN = new AtomicBoolean();

	/** The drafts it made, by request id. */
	static final Map<String, String> MADE = new ConcurrentHashMap<>();

	@TestConfiguration
	static class OrderTracking {

		@Bean
		@Primary
		OrderHistory testOrderHistory() {
			return new OrderHistory() {

				@Override
				public List<ReorderRules.Line> linesOf(String organisationId) {
					return LINES.get(organisationId);
				}

				@Override
				public Map<String, List<ReorderRules.Line>> linesOfRange(String firstId, String lastId) {
					return Map.copyOf(LINES);
				}
			};
		}

		/** Like order-tracking-service: one draft per request id, numbered in the order asked. */
		@Bean
		@Primary
		DraftOrders testDraftOrders() {
			return (organisationId, requestId, sku, description, quantity, requestedBy) -> {
				if (DOWN.get()) {
					throw new RemoteUnavailableException("order-tracking-service", null);
				}
				DRAFTS_ASKED.add(requestId + " " + quantity + " " + requestedBy);
				boolean created = !MADE.containsKey(requestId);
				String number = MADE.computeIfAbsent(requestId, k -> "RO-TEST-" + MADE.size());
				return new DraftOrders.Made(number, created);
			};
		}
	}

	@Autowired
	GrowthService growth;

	@Autowired
	ReorderOrders reorders;

	@Autowired
	ReorderLinks links;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	CustomerGrowthRepository figures;

	@Autowired
	CareTaskRepository tasks;

	@Autowired
	ReorderReminderRepository reminders;

	@Autowired
	ReorderDraftRepository drafts;

	@Autowired
	ReorderReminders retries;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	final Caller alice = caller(TestTokens.customer("acme-retail"));

	final Caller globex = caller(TestTokens.customer("globex-trading"));

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() throws Exception {
		organisations.deleteAll();
		figures.deleteAll();
		tasks.deleteAll();
		reminders.deleteAll();
		drafts.deleteAll();
		LINES.clear();
		DRAFTS_ASKED.clear();
		MADE.clear();
		DOWN.set(false);
		smtp.purgeEmailFromAllMailboxes();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				Contact.of("Alice Chen", "Buyer", "alice@acme.example", null, "zh-CN", "Asia/Shanghai",
						"contact-of-acme-retail").withReorderReminderConsent(true),
				Contact.of("Bo Zhang", "Warehouse", "bo@acme.example", null, "zh-CN", null, null),
				Contact.of("Carl Berg", "Finance", "carl@acme.example", null, "en", null, null)
					.withReorderReminderConsent(true),
				Contact.of("Dana Nomail", "Finance", null, "+86 21 5555 0199", "en", null, null)
					.withReorderReminderConsent(true)));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Trading", "SG",
				Contact.of("Gavin Wu", "Buyer", "gavin@globex.example", null, "en", null, "contact-of-globex-trading")));
		// Chairs about every 30 days, the latest 20 days ago: expected in 10 days, due (lead 14 days).
		List<ReorderRules.Line> chairs = new ArrayList<>();
		for (int daysAgo : List.of(140, 110, 80, 50, 20)) {
			chairs.add(new ReorderRules.Line(now.minus(Duration.ofDays(daysAgo)), "CHAIR-ERG-01", "Ergonomic chair",
					daysAgo == 20 ? 120 : 100));
		}
		LINES.put("acme-retail", chairs);
	}

	private LocalDate expected() {
		return LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(20).plusDays(30);
	}

	private static MimeMessage to(String address, MimeMessage[] mails) throws Exception {
		for (MimeMessage mail : mails) {
			if (GreenMailUtil.getAddressList(mail.getAllRecipients()).contains(address)) {
				return mail;
			}
		}
		throw new AssertionError("no mail to " + address);
	}

	private static String linkIn(MimeMessage mail) throws Exception {
		Matcher link = Pattern.compile("http://localhost:8080/portal/reorder/([A-Za-z0-9_.-]+)")
			.matcher((String) mail.getContent());
		assertThat(link.find()).as("the mail's link").isTrue();
		return link.group(1);
	}

	@Test
	void aDueReorderMailsEachContactWhoOptedInOnceInTheirLanguage() throws Exception {
		growth.recompute("acme-retail");
		growth.recompute("acme-retail");
		growth.recomputeAll();

		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(2);
		MimeMessage toAlice = to("alice@acme.example", mails);
		MimeMessage toCarl = to("carl@acme.example", mails);
		assertThat(toAlice.getSubject()).isEqualTo("该补货Ergonomic chair了吗？");
		assertThat(toCarl.getSubject()).isEqualTo("Time to reorder Ergonomic chair?");
		String body = (String) toCarl.getContent();
		assertThat(body).contains("about every 30 days").contains(expected().toString()).contains("Last time it was 120")
			.contains("Acme Retail");
		assertThat(toCarl.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(reminders.findAll()).hasSize(2)
			.allSatisfy(r -> assertThat(r.state()).isEqualTo(ReorderReminder.State.SENT));
		assertThat(tasks.findAll()).singleElement()
			.satisfies(t -> assertThat(t.id()).isEqualTo("reorder:acme-retail:CHAIR-ERG-01:" + expected()));
	}

	@Test
	void theLinkMakesOneDraftAsLastTimeAndReadsUsedAfterwardsAlsoFromThePortalsButton() throws Exception {
		growth.recompute("acme-retail");
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		MimeMessage toAlice = to("alice@acme.example", smtp.getReceivedMessages());
		assertThat((String) toAlice.getContent()).contains("约每 30 天订购一次Ergonomic chair（CHAIR-ERG-01）");
		String token = linkIn(toAlice);

		ReorderOrders.Link offered = reorders.readLink(alice, token);
		assertThat(offered.state()).isEqualTo(ReorderOrders.LinkState.VALID);
		assertThat(offered.language()).isEqualTo("zh-CN");
		assertThat(offered.reorder().reorder().lastQuantity()).isEqualTo(120);

		ReorderOrders.Outcome made = reorders.orderFromLink(alice, token);
		ReorderOrders.Outcome again = reorders.orderFromLink(alice, token);
		ReorderOrders.Outcome button = reorders.orderBySku(alice, "CHAIR-ERG-01");

		assertThat(made.created()).isTrue();
		assertThat(made.state()).isEqualTo(ReorderOrders.LinkState.VALID);
		assertThat(again.created()).isFalse();
		assertThat(again.state()).isEqualTo(ReorderOrders.LinkState.USED);
		assertThat(again.draftNumber()).isEqualTo(made.draftNumber());
		assertThat(button.state()).isEqualTo(ReorderOrders.LinkState.USED);
		assertThat(DRAFTS_ASKED).containsExactly("reorder:acme-retail:CHAIR-ERG-01:" + expected() + " 120 Alice Chen");
		assertThat(reorders.readLink(alice, token).state()).isEqualTo(ReorderOrders.LinkState.USED);
		assertThat(reorders.myReorders(alice)).singleElement()
			.satisfies(u -> assertThat(u.draftNumber()).isEqualTo(made.draftNumber()));
	}

	@Test
	void aForgedForeignExpiredOrOutdatedLinkMakesNothing() {
		growth.recompute("acme-retail");
		LocalDate expected = expected();
		String good = links.issue(new ReorderLinks.Subject("acme-retail", "c", expected, "CHAIR-ERG-01"),
				now.plus(Duration.ofDays(30)));
		String forged = good.substring(0, good.length() - 2) + (good.endsWith("A") ? "BB" : "AA");
		String expired = links.issue(new ReorderLinks.Subject("acme-retail", "c", expected, "CHAIR-ERG-01"),
				now.minusSeconds(1));
		String outdated = links.issue(new ReorderLinks.Subject("acme-retail", "c", expected.minusDays(30),
				"CHAIR-ERG-01"), now.plus(Duration.ofDays(30)));

		assertThat(reorders.orderFromLink(alice, forged).state()).isEqualTo(ReorderOrders.LinkState.INVALID);
		assertThat(reorders.orderFromLink(globex, good).state()).isEqualTo(ReorderOrders.LinkState.INVALID);
		assertThat(reorders.readLink(globex, good).reorder()).isNull();
		assertThat(reorders.orderFromLink(alice, expired).state()).isEqualTo(ReorderOrders.LinkState.EXPIRED);
		assertThat(reorders.orderFromLink(alice, outdated).state()).isEqualTo(ReorderOrders.LinkState.OUTDATED);
		assertThatThrownBy(() -> reorders.orderBySku(globex, "CHAIR-ERG-01"))
			.isInstanceOf(com.rapport.support.error.NotFoundException.class);
		assertThatThrownBy(() -> reorders.orderFromLink(caller(TestTokens.staff("agent")), good))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reorders.myReorders(caller(TestTokens.service())))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(DRAFTS_ASKED).isEmpty();
		assertThat(drafts.findAll()).isEmpty();
		assertThat(reorders.readLink(alice, good).state()).isEqualTo(ReorderOrders.LinkState.VALID);
	}

	@Test
	void whenOrderTrackingDoesNotAnswerNothingIsKeptAndTheLinkWorksLater() {
		growth.recompute("acme-retail");
		String token = links.issue(new ReorderLinks.Subject("acme-retail", "c", expected(), "CHAIR-ERG-01"),
				now.plus(Duration.ofDays(30)));
		DOWN.set(true);

		assertThatThrownBy(() -> reorders.orderFromLink(alice, token)).isInstanceOf(RemoteUnavailableException.class);
		assertThat(drafts.findAll()).isEmpty();

		DOWN.set(false);
		assertThat(reorders.orderFromLink(alice, token).created()).isTrue();
	}

	@Test
	void contactsWhoDidNotOptInGetNoReminderButTheTaskOpens() throws Exception {
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		organisations.save(acme.withContacts(acme.contacts().stream().map(c -> c.withReorderReminderConsent(false))
			.toList()));

		growth.recompute("acme-retail");

		assertThat(tasks.findAll()).hasSize(1);
		assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
		assertThat(reminders.findAll()).isEmpty();
	}

	/** Each reminder's state, by the contact's address. */
	private Map<String, ReorderReminder> remindersByContact() {
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		Map<String, ReorderReminder> byAddress = new java.util.TreeMap<>();
		for (ReorderReminder reminder : reminders.findAll()) {
			acme.contacts().stream().filter(c -> c.id().equals(reminder.contactId())).findFirst()
				.ifPresent(c -> byAddress.put(c.email(), reminder));
		}
		return byAddress;
	}

	/** The pause of every owed reminder over, as if its time had come. */
	private void pauseOver() {
		mongo.updateMulti(new org.springframework.data.mongodb.core.query.Query(),
				new org.springframework.data.mongodb.core.query.Update().set("nextAttemptAt", now.minusSeconds(1)),
				ReorderReminder.class);
	}

	@Test
	void aReminderTheMailServerRefusedGoesOutOnceWhenItIsBackAndNotBeforeItsPause() throws Exception {
		smtp.stop();
		growth.recompute("acme-retail");
		assertThat(remindersByContact().values()).hasSize(2).allSatisfy(r -> {
			assertThat(r.state()).isEqualTo(ReorderReminder.State.FAILED);
			assertThat(r.attempts()).isEqualTo(1);
			assertThat(r.nextAttemptAt()).isAfter(now);
			assertThat(r.lastError()).isNotBlank();
		});
		smtp.start();

		assertThat(retries.retryOwed(50)).as("within the first pause (a minute)").isZero();
		pauseOver();
		assertThat(retries.retryOwed(50)).isEqualTo(2);
		assertThat(retries.retryOwed(50)).as("nothing owed any more").isZero();

		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		assertThat(smtp.getReceivedMessages()).extracting(m -> GreenMailUtil.getAddressList(m.getAllRecipients()))
			.containsExactlyInAnyOrder("alice@acme.example", "carl@acme.example");
		assertThat(remindersByContact().values()).allSatisfy(r -> {
			assertThat(r.state()).isEqualTo(ReorderReminder.State.SENT);
			assertThat(r.attempts()).isEqualTo(2);
			assertThat(r.lastError()).isNull();
		});
	}

	@Test
	void aReminderIsGivenUpAfterItsLastTry() {
		smtp.stop();
		growth.recompute("acme-retail");
		for (int i = 0; i < ReorderReminders.BACKOFF.size(); i++) {
			pauseOver();
			assertThat(retries.retryOwed(50)).isZero();
		}
		assertThat(remindersByContact().values()).hasSize(2).allSatisfy(r -> {
			assertThat(r.state()).isEqualTo(ReorderReminder.State.DEAD);
			assertThat(r.attempts()).isEqualTo(ReorderReminders.BACKOFF.size() + 1);
			assertThat(r.nextAttemptAt()).isNull();
		});
		pauseOver();
		assertThat(retries.retryOwed(50)).as("a dead reminder is not tried again").isZero();
	}

	@Test
	void aReminderWhoseSenderDiedBeforeSendingGoesOutOnceItsClaimRunsOutAndTwoRetriersSendItOnce() throws Exception {
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		Contact carl = acme.contacts().stream().filter(c -> "carl@acme.example".equals(c.email())).findFirst().orElseThrow();
		growth.recompute("acme-retail");
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		smtp.purgeEmailFromAllMailboxes();
		// As a replica leaves it when killed between storing the reminder and sending it: PENDING, claimed.
		String id = ReorderReminder.idOf("reorder:acme-retail:CHAIR-ERG-01:" + expected(), carl.id());
		ReorderReminder stored = reminders.findById(id).orElseThrow();
		reminders.save(new ReorderReminder(id, stored.organisationId(), stored.contactId(), stored.sku(),
				stored.expectedOn(), ReorderReminder.State.PENDING, now, null, 0, now, now.plus(ReorderReminders.CLAIM),
				null));

		assertThat(retries.retryOwed(50)).as("while its sender's claim holds").isZero();
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
				new org.springframework.data.mongodb.core.query.Update().set("claimedUntil", now.minusSeconds(1)),
				ReorderReminder.class);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Integer>> sent = two.invokeAll(List.of(() -> retries.retryOwed(50),
					() -> retries.retryOwed(50)));
			assertThat(sent.get(0).get() + sent.get(1).get()).as("mailed by the two retriers together").isEqualTo(1);
		}
		finally {
			two.shutdown();
		}
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		Thread.sleep(300);
		assertThat(smtp.getReceivedMessages()).singleElement()
			.satisfies(m -> assertThat(GreenMailUtil.getAddressList(m.getAllRecipients())).isEqualTo("carl@acme.example"));
		assertThat(reminders.findById(id).orElseThrow().state()).isEqualTo(ReorderReminder.State.SENT);
	}

	@Test
	void aRetryForAContactWhoTurnedRemindersOffSendsNothing() throws Exception {
		smtp.stop();
		growth.recompute("acme-retail");
		smtp.start();
		Organisation acme = organisations.findById("acme-retail").orElseThrow();
		organisations.save(acme.withContacts(acme.contacts().stream()
			.map(c -> "carl@acme.example".equals(c.email()) ? c.withReorderReminderConsent(false) : c).toList()));
		pauseOver();

		assertThat(retries.retryOwed(50)).isEqualTo(1);
		assertThat(remindersByContact()).hasEntrySatisfying("carl@acme.example",
				r -> assertThat(r.state()).isEqualTo(ReorderReminder.State.CANCELLED))
			.hasEntrySatisfying("alice@acme.example", r -> assertThat(r.state()).isEqualTo(ReorderReminder.State.SENT));
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aReminderMailedTwoWeeksAgoWithNoOrderSinceIsAReasonOfTheChurnRisk() throws Exception {
		growth.recompute("acme-retail");
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		assertThat(growth.recompute("acme-retail").risk().reasons()).extracting(r -> r.code())
			.as("just mailed").doesNotContain("growth.risk.unanswered-reminders");

		// Both reminders mailed 15 days ago; the organisation has placed nothing since (its timeline has no order).
		mongo.updateMulti(new org.springframework.data.mongodb.core.query.Query(),
				new org.springframework.data.mongodb.core.query.Update().set("sentAt", now.minus(Duration.ofDays(15))),
				ReorderReminder.class);
		assertThat(growth.recompute("acme-retail").risk().reasons())
			.filteredOn(r -> r.code().equals("growth.risk.unanswered-reminders")).singleElement()
			.satisfies(r -> assertThat(r.args()).containsExactly("2"));
		growth.recomputeAll();
		assertThat(figures.findById("acme-retail").orElseThrow().risk().reasons()).extracting(r -> r.code())
			.as("the nightly run reads them too").contains("growth.risk.unanswered-reminders");
	}
}
