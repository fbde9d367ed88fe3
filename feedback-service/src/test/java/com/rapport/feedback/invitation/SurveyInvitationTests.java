package com.rapport.feedback.invitation;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.Timestamp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.rapport.contracts.feedback.v1.AnswerSurveyRequest;
import com.rapport.contracts.feedback.v1.CommentSurveyRequest;
import com.rapport.contracts.feedback.v1.RequestSurveyRequest;
import com.rapport.contracts.feedback.v1.SurveyAnswerOutcome;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.contracts.feedback.v1.SurveyAnswerServiceGrpc;
import com.rapport.feedback.response.SurveyResponse;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.feedback.score.ScoreService;
import com.rapport.feedback.settings.SurveySettings;
import com.rapport.contracts.feedback.v1.RequestSurveyResponse;
import com.rapport.contracts.feedback.v1.SurveyRequestOutcome;
import com.rapport.contracts.feedback.v1.SurveyRequestServiceGrpc;
import com.rapport.support.grpc.CallTokens;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A resolved ticket's CSAT survey as the contact sees it: ticket-service's request over the in-process gRPC
 * transport (real security interceptor), the embedded store, and the invitation mail through a real SMTP server
 * (GreenMail, in-process). Only customer-service's contact list is stood in for. The tests drive the sender and
 * move the clock themselves.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + SurveyInvitationTests.SERVER, "rapport.surveys.sending=false",
		"rapport.surveys.portal-url=https://rapport.example/", "rapport.surveys.min-interval=30d",
		"rapport.surveys.valid-for=14d", "rapport.surveys.first-retry=10s", "rapport.surveys.max-attempts=3" })
@Import({ TestTokens.DecoderConfiguration.class, StandInCustomerService.class })
class SurveyInvitationTests {

	static final String SERVER = "feedback-invitations";

	static final int SMTP_PORT = freePort();

	static final Instant START = StandInCustomerService.START;

	static final MutableClock CLOCK = StandInCustomerService.CLOCK;

	static final Map<String, List<InvitedContact>> CONTACTS = StandInCustomerService.CONTACTS;

	static GreenMail smtp = started();

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Pattern LINK = Pattern.compile("https://rapport\\.example/survey/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)\\?score=(\\d)");

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	InvitationSender sender;

	@Autowired
	SurveyTokens tokens;

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	ScoreService scores;

	@Autowired
	com.rapport.feedback.template.SurveyQuestions questions;

	@BeforeEach
	void setUp() throws Exception {
		CLOCK.advance(Duration.between(CLOCK.instant(), START));
		mongo.dropCollection(Invitation.class);
		mongo.dropCollection(SurveySettings.class);
		mongo.dropCollection(com.rapport.feedback.template.SurveyTemplates.class);
		responses.deleteAll();
		smtp.purgeEmailFromAllMailboxes();
		if (!smtp.isRunning()) {
			smtp.start();
		}
		CONTACTS.clear();
		CONTACTS.put("acme-retail", List.of(
				new InvitedContact("alice-1", "Alice Chen", "alice@acme.example", "en", true),
				new InvitedContact("wang-1", "王芳", "wang@acme.example", "zh-CN", true),
				new InvitedContact("bob-1", "Bob Li", "bob@acme.example", "en", false),
				new InvitedContact("carol-1", "Carol", "", "en", true)));
	}

	@AfterAll
	static void stop() {
		smtp.stop();
		channel.shutdownNow();
	}

	private static RequestSurveyResponse request(String token, String ticketId, String number, String contactId,
			String email) {
		return SurveyRequestServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token))
			.requestSurvey(RequestSurveyRequest.newBuilder().setKind("CSAT").setSubjectType("TICKET")
				.setSubjectId(ticketId).setSubjectLabel(number).setOrganisationId("acme-retail")
				.setContactId(contactId).setContactEmail(email)
				.setOccurredAt(Timestamp.newBuilder().setSeconds(CLOCK.instant().getEpochSecond()))
				.build());
	}

	private static RequestSurveyResponse resolved(String ticketId, String number, String contactId) {
		return request(TestTokens.service(), ticketId, number, contactId, "");
	}

	private static MimeMessage[] mails() {
		return smtp.getReceivedMessages();
	}

	/** The text of the mail whose subject names {@code label}, its transfer encoding undone. */
	private static String decodedBodyAbout(String label) throws Exception {
		for (MimeMessage mail : mails()) {
			if (mail.getSubject().contains(label)) {
				return new String(mail.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("No mail about " + label);
	}

	@Test
	void aConsentingContactGetsOneMailWithFiveSignedOneClickLinks() throws Exception {
		RequestSurveyResponse answer = resolved("ticket-1", "T-1001", "alice-1");
		assertThat(answer.getOutcome()).isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_INVITED);

		assertThat(sender.sendDue(10)).isEqualTo(1);

		assertThat(mails()).hasSize(1);
		MimeMessage mail = mails()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@acme.example");
		assertThat(mail.getSubject()).isEqualTo("How did we do on T-1001?");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("Hello Alice Chen,", "Your request T-1001 was resolved", "Very satisfied",
				"Very dissatisfied", "until 2026-12-14");
		Matcher links = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		java.util.List<String> scores = new java.util.ArrayList<>();
		String token = null;
		while (links.find()) {
			scores.add(links.group(2));
			token = links.group(1);
		}
		assertThat(scores).containsExactly("5", "4", "3", "2", "1");
		assertThat(tokens.read(token)).isEqualTo(new SurveyTokens.Valid(answer.getInvitationId()));
	}

	@Test
	void aContactWritingChineseIsAskedInChinese() throws Exception {
		resolved("ticket-2", "T-1002", "wang-1");
		sender.sendDue(10);

		assertThat(mails()).hasSize(1);
		assertThat(mails()[0].getSubject()).isEqualTo("您对 T-1002 的处理满意吗？");
		assertThat(mails()[0].getHeader("Content-Language")[0]).isEqualTo("zh-CN");
		assertThat(GreenMailUtil.getBody(mails()[0])).isNotBlank();
	}

	@Test
	void aManagersWordingIsTheQuestionOfTheMailAndOfTheAnswerPageInTheContactsLanguage() throws Exception {
		questions.update(new com.rapport.support.security.Caller("manager.chen", java.util.Set.of("manager"),
				java.util.Set.of(), java.util.Optional.empty(), "portal-web", null),
				Map.of(new com.rapport.feedback.template.TemplateKey(com.rapport.feedback.response.SurveyKind.CSAT, "en"),
						"Were you happy with how {subject} went?",
						new com.rapport.feedback.template.TemplateKey(com.rapport.feedback.response.SurveyKind.CSAT, "zh-CN"),
						"{subject} 的处理让您满意吗？"), 0);
		resolved("ticket-3", "T-1003", "alice-1");
		resolved("ticket-4", "T-1004", "wang-1");
		sender.sendDue(10);

		assertThat(mails()).hasSize(2);
		String english = decodedBodyAbout("T-1003");
		assertThat(english).contains("Were you happy with how T-1003 went? One click answers:")
			.doesNotContain("Your request T-1003 was resolved");
		assertThat(decodedBodyAbout("T-1004")).contains("T-1004 的处理让您满意吗？ 点击一下即可作答：");

		Matcher link = LINK.matcher(english);
		assertThat(link.find()).isTrue();
		SurveyAnswerResult answered = click(link.group(1), 5);
		assertThat(answered.getQuestion().getEn()).isEqualTo("Were you happy with how T-1003 went?");
		assertThat(answered.getQuestion().getZhCn()).isEqualTo("T-1003 的处理让您满意吗？");
	}

	@Test
	void theSameTicketAskedAgainIsNeverASecondMail() {
		RequestSurveyResponse first = resolved("ticket-3", "T-1003", "alice-1");
		sender.sendDue(10);
		RequestSurveyResponse again = resolved("ticket-3", "T-1003", "alice-1");
		sender.sendDue(10);

		assertThat(again).isEqualTo(first);
		assertThat(mails()).hasSize(1);
	}

	@Test
	void aContactWhoDidNotConsentIsNotAsked() {
		assertThat(resolved("ticket-4", "T-1004", "bob-1").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_NO_CONSENT);
		assertThat(sender.sendDue(10)).isZero();
		assertThat(mails()).isEmpty();
	}

	@Test
	void aContactIsAskedAtMostOnceWithinTheMinimumInterval() {
		resolved("ticket-5", "T-1005", "alice-1");
		CLOCK.advance(Duration.ofDays(29));
		assertThat(resolved("ticket-6", "T-1006", "alice-1").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_TOO_SOON);
		CLOCK.advance(Duration.ofDays(2));
		assertThat(resolved("ticket-7", "T-1007", "alice-1").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_INVITED);

		sender.sendDue(10);
		assertThat(mails()).extracting(m -> subject(m)).containsExactlyInAnyOrder("How did we do on T-1005?",
				"How did we do on T-1007?");
	}

	@Test
	void aTicketRaisedInThePortalFindsItsContactByEmail() {
		assertThat(request(TestTokens.service(), "ticket-8", "T-1008", "", "Alice@Acme.example").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_INVITED);
		sender.sendDue(10);
		assertThat(mails()).hasSize(1);
	}

	@Test
	void aContactWithoutEmailOrUnknownIsNotAsked() {
		assertThat(resolved("ticket-9", "T-1009", "carol-1").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_NO_CONTACT);
		assertThat(resolved("ticket-10", "T-1010", "nobody").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_NO_CONTACT);
		assertThat(mails()).isEmpty();
	}

	@Test
	void whileTheMailServerIsDownTheInvitationWaitsAndGoesWhenItIsBack() {
		resolved("ticket-11", "T-1011", "alice-1");
		smtp.stop();
		assertThat(sender.sendDue(10)).isZero();
		assertThat(mongo.findAll(Invitation.class)).singleElement()
			.satisfies(i -> assertThat(i.state()).isEqualTo(Invitation.State.RETRYING));

		smtp = started();
		assertThat(sender.sendDue(10)).as("not before the backoff").isZero();
		CLOCK.advance(Duration.ofSeconds(11));
		assertThat(sender.sendDue(10)).isEqualTo(1);
		assertThat(mails()).hasSize(1);
	}

	@Test
	void onlyServicesMayAskForASurvey() {
		for (String token : List.of(TestTokens.customer("acme-retail"), TestTokens.staff("manager"),
				TestTokens.partner("feedback.write"))) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> request(token, "ticket-12", "T-1012", "alice-1", ""))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThat(mongo.findAll(Invitation.class)).isEmpty();
	}

	@Test
	void aRequestWithoutTicketOrOrganisationIsRefusedNamingTheFields() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> SurveyRequestServiceGrpc.newBlockingStub(channel)
				.withCallCredentials(CallTokens.bearer(TestTokens.service()))
				.requestSurvey(RequestSurveyRequest.newBuilder().setKind("CSAT").setSubjectType("TICKET").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("organisationId", "subjectId");
			});
	}

	/** The token of the link the contact gets by mail for the survey of {@code ticketId}. */
	private String mailedToken(String ticketId, String number) throws Exception {
		resolved(ticketId, number, "alice-1");
		sender.sendDue(10);
		String body = GreenMailUtil.getBody(mails()[mails().length - 1]).replace("=\r\n", "").replace("=3D", "=");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private static SurveyAnswerResult click(String token, int score) {
		return SurveyAnswerServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.service()))
			.answerSurvey(AnswerSurveyRequest.newBuilder().setToken(token).setScore(score).build());
	}

	private static SurveyAnswerResult comment(String token, String text) {
		return SurveyAnswerServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.service()))
			.commentSurvey(CommentSurveyRequest.newBuilder().setToken(token).setComment(text).build());
	}

	@Test
	void clickingAScoreInTheMailStoresItOnceAndMovesTheOrganisationsScores() throws Exception {
		String token = mailedToken("ticket-20", "T-1020");

		SurveyAnswerResult answered = click(token, 4);
		assertThat(answered.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED);
		assertThat(answered.getLanguage()).isEqualTo("en");
		assertThat(answered.getSubjectLabel()).isEqualTo("T-1020");
		SurveyResponse stored = responses.findAll().get(0);
		assertThat(stored.score()).isEqualTo(4);
		assertThat(stored.customerId()).isEqualTo("acme-retail");
		assertThat(stored.contactId()).isEqualTo("alice-1");
		assertThat(stored.subjectId()).isEqualTo("T-1020");
		assertThat(scores.of(new com.rapport.support.security.Caller("agent.li", java.util.Set.of("agent"), java.util.Set.of(),
				java.util.Optional.empty(), "portal-web", null), "acme-retail").latestCsat())
			.hasValueSatisfying(latest -> assertThat(latest.score()).isEqualTo(4));
	}

	@Test
	void aSecondClickSaysAlreadyAnsweredAndKeepsTheFirstScore() throws Exception {
		String token = mailedToken("ticket-21", "T-1021");
		click(token, 2);

		SurveyAnswerResult again = click(token, 5);
		assertThat(again.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED);
		assertThat(again.getScore()).isEqualTo(2);
		assertThat(responses.findAll()).singleElement().satisfies(r -> assertThat(r.score()).isEqualTo(2));
	}

	@Test
	void aForgedOrChangedTokenIsRefusedAndNothingIsStored() throws Exception {
		String token = mailedToken("ticket-22", "T-1022");
		String otherId = Invitation.idOf("CSAT", "TICKET", "ticket-22");
		String payload = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString((otherId + ".9999999999").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String longerLife = payload + token.substring(token.indexOf('.'));
		String signedElsewhere = new SurveyTokens(new InvitationProperties(null, null, null,
				"another-secret-of-someone-else", null, null, null, null, null, null), CLOCK)
			.issue(otherId, CLOCK.instant().plus(Duration.ofDays(1)));

		for (String forged : List.of(longerLife, signedElsewhere, "not-a-token", token + "x", "")) {
			assertThat(click(forged, 1).getOutcome()).as(forged).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_INVALID);
		}
		assertThat(responses.findAll()).isEmpty();
	}

	@Test
	void anExpiredLinkSaysSoInTheContactsLanguageAndStoresNothing() throws Exception {
		String token = mailedToken("ticket-23", "T-1023");
		CLOCK.advance(Duration.ofDays(14).plusSeconds(1));

		SurveyAnswerResult late = click(token, 5);
		assertThat(late.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_EXPIRED);
		assertThat(late.getLanguage()).isEqualTo("en");
		assertThat(responses.findAll()).isEmpty();
	}

	@Test
	void theCommentAfterTheScoreIsStoredOnce() throws Exception {
		String token = mailedToken("ticket-24", "T-1024");
		assertThat(comment(token, "before any score").getOutcome())
			.isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED);
		click(token, 1);

		assertThat(comment(token, "  Nobody called back.  ").getOutcome())
			.isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_COMMENTED);
		assertThat(comment(token, "And another thing").getOutcome())
			.isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED);
		assertThat(responses.findAll()).singleElement()
			.satisfies(r -> assertThat(r.comment()).isEqualTo("Nobody called back."));
	}

	@Test
	void aScoreOutsideOneToFiveIsRefusedNamingTheScore() throws Exception {
		String token = mailedToken("ticket-25", "T-1025");
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> click(token, 6))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		assertThat(responses.findAll()).isEmpty();
	}

	@Test
	void onlyServicesMayPassAnAnswerOn() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> SurveyAnswerServiceGrpc.newBlockingStub(channel)
				.withCallCredentials(CallTokens.bearer(TestTokens.customer("acme-retail")))
				.answerSurvey(AnswerSurveyRequest.newBuilder().setToken("x").setScore(5).build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	/** order-tracking-service's request when an order is delivered: CES about the order, naming no contact. */
	private static RequestSurveyResponse delivered(String orderId, String number) {
		return SurveyRequestServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.service()))
			.requestSurvey(RequestSurveyRequest.newBuilder().setKind("CES").setSubjectType("ORDER").setSubjectId(orderId)
				.setSubjectLabel(number).setOrganisationId("acme-retail")
				.setOccurredAt(Timestamp.newBuilder().setSeconds(CLOCK.instant().getEpochSecond())).build());
	}

	@Test
	void aDeliveredOrderAsksEachConsentingContactACesOnceInTheirLanguageByTheirChannel() throws Exception {
		CONTACTS.put("acme-retail", List.of(new InvitedContact("alice-1", "Alice Chen", "alice@acme.example", "en", true),
				new InvitedContact("wang-1", "王芳", "wang@acme.example", "zh-CN", true),
				new InvitedContact("bob-1", "Bob Li", "bob@acme.example", "en", false),
				new InvitedContact("dan-1", "Dan", "dan@acme.example", "en", true, "PORTAL")));

		RequestSurveyResponse answer = delivered("order-1", "ACME-1015");

		assertThat(answer.getOutcome()).isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_INVITED);
		assertThat(answer.getInvitedCount()).isEqualTo(3);
		assertThat(sender.sendDue(10)).isEqualTo(2);
		assertThat(mails()).extracting(m -> m.getAllRecipients()[0].toString())
			.containsExactlyInAnyOrder("alice@acme.example", "wang@acme.example");
		MimeMessage alices = java.util.Arrays.stream(mails())
			.filter(m -> subject(m).equals("How easy was it to receive ACME-1015?")).findFirst().orElseThrow();
		String body = GreenMailUtil.getBody(alices).replace("=\r\n", "").replace("=3D", "=");
		assertThat(body).contains("Your order ACME-1015 was delivered", "7 - Very easy", "1 - Very difficult");
		Matcher links = LINK.matcher(body);
		java.util.List<String> scores = new java.util.ArrayList<>();
		while (links.find()) {
			scores.add(links.group(2));
		}
		assertThat(scores).containsExactly("7", "6", "5", "4", "3", "2", "1");
		assertThat(java.util.Arrays.stream(mails()).map(SurveyInvitationTests::subject)).contains("收到 ACME-1015 是否方便？");
		// Dan prefers the portal: invited, not mailed; Bob did not consent.
		Invitation dans = mongo.findById(Invitation.idOf("CES", "ORDER", "order-1", "dan-1"), Invitation.class);
		assertThat(dans.outcome()).isEqualTo(Invitation.Outcome.INVITED);
		assertThat(dans.state()).isEqualTo(Invitation.State.PORTAL);
		assertThat(mongo.findById(Invitation.idOf("CES", "ORDER", "order-1", "bob-1"), Invitation.class).outcome())
			.isEqualTo(Invitation.Outcome.NO_CONSENT);

		// The relay's repeat: the same decisions, nothing sent again.
		assertThat(delivered("order-1", "ACME-1015").getInvitedCount()).isEqualTo(3);
		assertThat(sender.sendDue(10)).isZero();
		assertThat(mails()).hasSize(2);
	}

	@Test
	void aCesLinkTakesOneToSevenAndRecordsACesAboutTheOrder() throws Exception {
		delivered("order-2", "ACME-1016");
		sender.sendDue(10);
		MimeMessage alices = java.util.Arrays.stream(mails())
			.filter(m -> subject(m).equals("How easy was it to receive ACME-1016?")).findFirst().orElseThrow();
		Matcher link = LINK.matcher(GreenMailUtil.getBody(alices).replace("=\r\n", "").replace("=3D", "="));
		assertThat(link.find()).isTrue();
		String token = link.group(1);

		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> click(token, 8))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		SurveyAnswerResult answered = click(token, 7);

		assertThat(answered.getOutcome()).isEqualTo(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED);
		assertThat(answered.getKind()).isEqualTo("CES");
		SurveyResponse stored = responses.findById(Invitation.idOf("CES", "ORDER", "order-2", "alice-1")).orElseThrow();
		assertThat(stored.kind()).isEqualTo(com.rapport.feedback.response.SurveyKind.CES);
		assertThat(stored.score()).isEqualTo(7);
		assertThat(stored.subjectType()).isEqualTo(com.rapport.feedback.response.SubjectType.ORDER);
		assertThat(stored.subjectId()).isEqualTo("ACME-1016");
		assertThat(stored.contactId()).isEqualTo("alice-1");
	}

	@Test
	void aContactAskedWithinTheMinimumIntervalIsNotAskedAboutADelivery() {
		resolved("ticket-30", "T-1030", "alice-1");
		CLOCK.advance(Duration.ofDays(29));

		delivered("order-3", "ACME-1017");

		assertThat(mongo.findById(Invitation.idOf("CES", "ORDER", "order-3", "alice-1"), Invitation.class).outcome())
			.isEqualTo(Invitation.Outcome.TOO_SOON);
		assertThat(mongo.findById(Invitation.idOf("CES", "ORDER", "order-3", "wang-1"), Invitation.class).outcome())
			.isEqualTo(Invitation.Outcome.INVITED);
	}

	@Test
	void withCesAfterOrdersTurnedOffADeliveryAsksNobody() {
		mongo.save(new SurveySettings("surveys", false, false, null, null, null, 1, "staff-manager", START));

		RequestSurveyResponse answer = delivered("order-4", "ACME-1018");

		assertThat(answer.getOutcome()).isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_NOT_ASKED);
		assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Invitation.class)).isZero();
	}

	@Test
	void withCesAfterTicketsTheRequesterGetsTheCsatAndACesAboutTheSameTicket() throws Exception {
		mongo.save(new SurveySettings("surveys", true, true, null, null, null, 1, "staff-manager", START));

		assertThat(resolved("ticket-40", "T-1040", "alice-1").getOutcome())
			.isEqualTo(SurveyRequestOutcome.SURVEY_REQUEST_OUTCOME_INVITED);
		assertThat(sender.sendDue(10)).isEqualTo(2);

		assertThat(java.util.Arrays.stream(mails()).map(SurveyInvitationTests::subject))
			.containsExactlyInAnyOrder("How did we do on T-1040?", "How easy was it to get T-1040 resolved?");
		MimeMessage ces = java.util.Arrays.stream(mails())
			.filter(m -> subject(m).startsWith("How easy")).findFirst().orElseThrow();
		assertThat(GreenMailUtil.getBody(ces).replace("=\r\n", "").replace("=3D", "="))
			.contains("Your request T-1040 was resolved", "7 - Very easy");
		// A repeat of ticket-service's request decides nothing again.
		resolved("ticket-40", "T-1040", "alice-1");
		assertThat(sender.sendDue(10)).isZero();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail started() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
