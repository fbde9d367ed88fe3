package com.rapport.customer.care;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.message.Texts;
import com.rapport.support.privacy.DataSubject;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestMessages;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The greeting run over the embedded store and a real SMTP server (GreenMail), mails read back as they arrived. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-greetings" })
@Import({ TestTokens.DecoderConfiguration.class, GreetingServiceTests.Clocks.class })
class GreetingServiceTests {

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	/** Noon in Shanghai on Alice's birthday; 04:00 in London, 23:00 the day before in New York. */
	static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-30T04:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(NOON_IN_SHANGHAI);
		}
	}

	@Autowired
	GreetingService greetings;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	HolidayRepository holidays;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	GreetingMail mail;

	@Autowired
	TimelineService timeline;

	@Autowired
	GreetingProperties properties;

	@Autowired
	GreetingPersonalData personalData;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void setUp() throws Exception {
		organisations.deleteAll();
		holidays.deleteAll();
		interactions.deleteAll();
		mongo.remove(new Query(), Greeting.class);
		smtp.purgeEmailFromAllMailboxes();
		clock.advance(Duration.between(clock.instant(), NOON_IN_SHANGHAI));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Contact contact(String id, String name, String email, String language, String zone, LocalDate birthday,
			PreferredChannel channel, boolean marketingConsent) {
		return new Contact(id, name, null, email, null, language, zone, birthday, channel, marketingConsent, false, null,
				null);
	}

	static Contact alice() {
		return contact("alice-1", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai",
				LocalDate.of(1986, 11, 30), PreferredChannel.EMAIL, true);
	}

	Organisation save(String id, String country, Contact... contacts) {
		return organisations.save(Organisation.create(id, id, null, country, contacts));
	}

	Holiday springFestivalToday(String... countries) {
		return holidays.save(new Holiday("spring-festival", TODAY, List.of(countries),
				Map.of("en", "Spring Festival", "zh-CN", "春节"),
				Map.of("en", "Dear {name}, happy Spring Festival!", "zh-CN", "{name}，您好！新春快乐！"), null, null));
	}

	Greeting greeting(String id) {
		return mongo.findById(id, Greeting.class);
	}

	List<Interaction> careEvents() {
		return interactions.findAll().stream().filter(i -> i.kind() == InteractionKind.CARE_EVENT).toList();
	}

	static String to(MimeMessage message) throws Exception {
		return message.getRecipients(Message.RecipientType.TO)[0].toString();
	}

	/** The body with the line ends as written (SMTP carries CRLF). */
	static String text(MimeMessage message) throws Exception {
		return message.getContent().toString().replace("\r\n", "\n");
	}

	GreetingService anotherReplica(GreetingProperties settings) {
		return new GreetingService(organisations, holidays, mongo, mail, timeline, settings, clock);
	}

	@Test
	void aConsentingContactGetsABirthdayMailInItsOwnLanguageOnItsDay() throws Exception {
		save("acme-retail", "CN", alice());
		save("umbrella-supplies", "GB", contact("oliver-1", "Oliver Hughes", "oliver@umbrella.example", "en",
				"Asia/Singapore", LocalDate.of(1988, 11, 30), PreferredChannel.EMAIL, true));

		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(2, 0, 0));

		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(2);
		MimeMessage chinese = to(mails[0]).startsWith("alice") ? mails[0] : mails[1];
		MimeMessage english = chinese == mails[0] ? mails[1] : mails[0];
		assertThat(chinese.getSubject()).isEqualTo("Alice Chen，生日快乐！");
		assertThat(text(chinese)).startsWith("尊敬的Alice Chen：").contains("祝您生日快乐", "Rapport 敬上", "关闭营销信息");
		assertThat(chinese.getHeader("Content-Language")).containsExactly("zh-CN");
		assertThat(chinese.getFrom()[0].toString()).isEqualTo("Rapport <no-reply@rapport.local>");
		assertThat(english.getSubject()).isEqualTo("Happy birthday, Oliver Hughes!");
		assertThat(text(english)).startsWith("Dear Oliver Hughes,").contains("Warm regards,\nRapport");
		assertThat(to(english)).isEqualTo("oliver@umbrella.example");

		Greeting sent = greeting("birthday:alice-1:2026-11-30");
		assertThat(sent.state()).isEqualTo(GreetingState.SENT);
		assertThat(sent.channel()).isEqualTo(PreferredChannel.EMAIL);
		assertThat(sent.sentAt()).isEqualTo(NOON_IN_SHANGHAI);
		assertThat(sent.recorded()).isTrue();
		assertThat(careEvents()).filteredOn(i -> i.organisationId().equals("acme-retail")).singleElement()
			.satisfies(event -> {
				assertThat(event.eventId()).isEqualTo("birthday:alice-1:2026-11-30");
				assertThat(event.source()).isEqualTo("customer-service");
				assertThat(event.summary()).isEqualTo("Birthday greeting sent to Alice Chen by email");
				assertThat(event.reference()).isEqualTo("contact:alice-1");
				assertThat(event.attributes()).containsEntry("contact_id", "alice-1")
					.containsEntry("occasion", "birthday").containsEntry("channel", "email")
					.containsEntry("outcome", "sent").containsEntry("day", "2026-11-30");
			});
	}

	@Test
	void aHolidayGreetingCarriesTheCalendarsTextInTheContactsLanguageToItsCountriesOnly() throws Exception {
		springFestivalToday("CN");
		save("acme-retail", "CN", contact("alice-1", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai", null,
				PreferredChannel.EMAIL, true), contact("tom-1", "Tom Baker", "tom@acme.example", "en", "Asia/Shanghai",
						null, PreferredChannel.EMAIL, true));
		save("initech-logistics", "DE", contact("petra-1", "Petra Vogel", "petra@initech.example", "en", "Asia/Shanghai",
				null, PreferredChannel.EMAIL, true));

		greetings.run();

		assertThat(smtp.getReceivedMessages()).hasSize(2).allSatisfy(mail -> assertThat(to(mail)).endsWith("@acme.example"));
		MimeMessage chinese = smtp.findReceivedMessages(u -> true, m -> {
			try {
				return to(m).startsWith("alice");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
		assertThat(chinese.getSubject()).isEqualTo("春节问候");
		assertThat(text(chinese)).startsWith("Alice Chen，您好！新春快乐！");
		assertThat(careEvents()).extracting(Interaction::summary).containsExactlyInAnyOrder(
				"Spring Festival greeting sent to Alice Chen by email", "Spring Festival greeting sent to Tom Baker by email");
		assertThat(careEvents()).extracting(event -> said(event, Locale.SIMPLIFIED_CHINESE)).containsExactlyInAnyOrder(
				"已通过电子邮件向 Alice Chen 发送春节问候", "已通过电子邮件向 Tom Baker 发送春节问候");
		assertThat(careEvents()).allSatisfy(event -> assertThat(said(event, Locale.ENGLISH)).isEqualTo(event.summary()));
		assertThat(careEvents()).allSatisfy(event -> assertThat(event.attributes())
			.containsEntry("occasion", "holiday").containsEntry("holiday_id", "spring-festival"));
	}

	@Test
	void runningAgainSendsNothingMore() {
		springFestivalToday();
		save("acme-retail", "CN", alice());

		assertThat(greetings.run().sent()).isEqualTo(2);
		clock.advance(Duration.ofMinutes(15));
		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 0, 0));

		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(careEvents()).hasSize(2);
	}

	@Test
	void twoReplicasRunningAtOnceGreetEachContactOnce() throws Exception {
		List<Contact> contacts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			contacts.add(contact("c-" + i, "Contact " + i, "c" + i + "@acme.example", "en", "Asia/Shanghai", TODAY,
					PreferredChannel.EMAIL, true));
		}
		save("acme-retail", "CN", contacts.toArray(Contact[]::new));
		GreetingService one = anotherReplica(properties);
		GreetingService two = anotherReplica(properties);
		CountDownLatch go = new CountDownLatch(1);

		CompletableFuture<GreetingService.Summary> first = CompletableFuture.supplyAsync(() -> {
			await(go);
			return one.run();
		});
		CompletableFuture<GreetingService.Summary> second = CompletableFuture.supplyAsync(() -> {
			await(go);
			return two.run();
		});
		go.countDown();

		assertThat(first.get().sent() + second.get().sent()).isEqualTo(20);
		assertThat(smtp.getReceivedMessages()).hasSize(20);
		assertThat(careEvents()).hasSize(20);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void whenTheMailServerIsDownTheGreetingFailsAndIsSentOnceWhenItIsBack() {
		save("acme-retail", "CN", alice());
		smtp.stop();
		try {
			assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 1, 0));
		}
		finally {
			smtp.start();
		}
		Greeting failed = greeting("birthday:alice-1:2026-11-30");
		assertThat(failed.state()).isEqualTo(GreetingState.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.reason()).contains("MailSendException");
		assertThat(careEvents()).as("not settled yet: nothing on the timeline").isEmpty();

		clock.advance(Duration.ofMinutes(15));
		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(1, 0, 0));
		clock.advance(Duration.ofMinutes(15));
		greetings.run();

		assertThat(smtp.getReceivedMessages()).hasSize(1);
		Greeting sent = greeting("birthday:alice-1:2026-11-30");
		assertThat(sent.state()).isEqualTo(GreetingState.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(careEvents()).extracting(Interaction::summary)
			.containsExactly("Birthday greeting sent to Alice Chen by email");
	}

	@Test
	void aConsentWithdrawnAfterAFailedAttemptStopsTheRetry() {
		Organisation acme = save("acme-retail", "CN", alice());
		smtp.stop();
		try {
			greetings.run();
		}
		finally {
			smtp.start();
		}
		Contact withdrawn = alice();
		organisations.save(acme.withContacts(List.of(new Contact(withdrawn.id(), withdrawn.name(), null,
				withdrawn.email(), null, withdrawn.language(), withdrawn.timeZone(), withdrawn.birthday(),
				PreferredChannel.EMAIL, false, false, null, null))));

		clock.advance(Duration.ofMinutes(15));
		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 0, 0));
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void afterTheLastAttemptTheGreetingIsGivenUpAndThatIsRecorded() {
		save("acme-retail", "CN", alice());
		GreetingService twoAttempts = anotherReplica(new GreetingProperties(null, 2, null, null, null));
		smtp.stop();
		try {
			twoAttempts.run();
			twoAttempts.run();
			assertThat(twoAttempts.run()).as("given up").isEqualTo(new GreetingService.Summary(0, 0, 0));
		}
		finally {
			smtp.start();
		}
		twoAttempts.run();

		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(greeting("birthday:alice-1:2026-11-30").attempts()).isEqualTo(2);
		assertThat(careEvents()).singleElement().satisfies(event -> {
			assertThat(event.summary())
				.isEqualTo("Birthday greeting to Alice Chen could not be sent: the mail server failed 2 times");
			assertThat(event.summaryCode()).isEqualTo("timeline.greeting.failed");
			assertThat(said(event, Locale.ENGLISH)).isEqualTo(event.summary());
			assertThat(said(event, Locale.SIMPLIFIED_CHINESE)).isEqualTo("无法向 Alice Chen 发送生日问候：邮件服务器失败了 2 次");
			assertThat(event.attributes()).containsEntry("outcome", "failed").containsEntry("channel", "none");
		});
	}

	@Test
	void withoutMarketingConsentNothingIsSentAndOnlyTheSkippedBirthdayIsRecordedOnce() {
		springFestivalToday("CN");
		save("acme-retail", "CN", contact("bo-1", "Bo Zhang", "bo@acme.example", "zh-CN", "Asia/Shanghai", TODAY,
				PreferredChannel.EMAIL, false));

		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 0, 2));
		clock.advance(Duration.ofMinutes(15));
		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 0, 0));

		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(greeting("birthday:bo-1:2026-11-30").reason()).isEqualTo("no-marketing-consent");
		assertThat(greeting("holiday:spring-festival:bo-1:2026-11-30").state()).isEqualTo(GreetingState.SKIPPED);
		assertThat(careEvents()).singleElement().satisfies(event -> {
			assertThat(event.summary()).isEqualTo("Birthday of Bo Zhang: no greeting sent (no marketing consent)");
			assertThat(event.attributes()).containsEntry("outcome", "skipped")
				.containsEntry("reason", "no-marketing-consent").containsEntry("channel", "none");
		});
	}

	@Test
	void anSmsContactIsGreetedByEmailAndTheTimelineSaysWhy() throws Exception {
		save("acme-retail", "CN", contact("bo-1", "Bo Zhang", "bo@acme.example", "en", "Asia/Shanghai", TODAY,
				PreferredChannel.SMS, true));

		greetings.run();

		assertThat(smtp.getReceivedMessages()).singleElement().satisfies(mail -> assertThat(to(mail))
			.isEqualTo("bo@acme.example"));
		assertThat(careEvents()).singleElement().satisfies(event -> {
			assertThat(event.summary()).isEqualTo("Birthday greeting sent to Bo Zhang by email; SMS is not available yet");
			assertThat(said(event, Locale.ENGLISH)).isEqualTo(event.summary());
			assertThat(said(event, Locale.SIMPLIFIED_CHINESE)).isEqualTo("已通过电子邮件向 Bo Zhang 发送生日问候；短信暂不可用");
			assertThat(event.attributes()).containsEntry("channel", "email").containsEntry("preferred_channel", "sms");
		});
	}

	@Test
	void aContactWhoseChannelDoesNotExistYetAndWhoHasNoEmailIsNotGreetedAndThatIsRecorded() {
		save("acme-retail", "CN", contact("bo-1", "Bo Zhang", null, "en", "Asia/Shanghai", TODAY, PreferredChannel.PORTAL,
				true));

		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 0, 1));

		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(greeting("birthday:bo-1:2026-11-30").reason()).isEqualTo("channel-not-available");
		assertThat(careEvents()).extracting(Interaction::summary).containsExactly(
				"Birthday greeting to Bo Zhang not sent: the portal inbox is not available yet and there is no email address");
	}

	@Test
	void aContactIsGreetedOnlyOnceItsOwnClockHasReachedTheHour() {
		save("wayne-hardware", "US", contact("diana-1", "Diana Prince", "diana@wayne.example", "en", "America/New_York",
				TODAY, PreferredChannel.EMAIL, true));

		assertThat(greetings.run().sent()).as("23:00 on 29 November in New York").isZero();
		clock.advance(Duration.ofHours(10).minusMinutes(1));
		assertThat(greetings.run().sent()).as("08:59 in New York").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(greetings.run().sent()).as("09:00 in New York").isEqualTo(1);
		assertThat(greeting("birthday:diana-1:2026-11-30")).isNotNull();
	}

	@Test
	void inactiveOrganisationsAreNotGreeted() {
		Organisation acme = save("acme-retail", "CN", alice());
		organisations.save(acme.withProfile(new Organisation.Profile(acme.name(), null, null, "CN", null, List.of(), null,
				OrganisationStatus.INACTIVE, null)));

		assertThat(greetings.run()).isEqualTo(new GreetingService.Summary(0, 0, 0));
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void aContactsGreetingsAreInItsExportAndGoneAfterItsErasure() {
		save("acme-retail", "CN", alice());
		greetings.run();
		DataSubject alice = new DataSubject("acme-retail", "alice-1", null, "alice@acme.example", "Alice Chen", null);

		assertThat(personalData.export(alice)).singleElement()
			.satisfies(g -> assertThat(((Greeting) g).id()).isEqualTo("birthday:alice-1:2026-11-30"));
		assertThat(personalData.erase(alice).deleted()).isEqualTo(1);
		assertThat(personalData.erase(alice).total()).isZero();
		assertThat(personalData.export(new DataSubject("globex-trading", "alice-1", null, null, null, null))).isEmpty();
	}

	/** A timeline line as a reader sees it: its code and values said in {@code locale}. */
	private static String said(Interaction event, Locale locale) {
		return new Texts(TestMessages.source()).say(new com.rapport.support.error.Message(event.summaryCode(), event.summaryArgs()), locale);
	}
}
