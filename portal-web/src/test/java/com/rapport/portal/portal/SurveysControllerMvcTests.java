package com.rapport.portal.portal;

import java.time.Instant;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.ListMySurveysResponse;
import com.rapport.contracts.feedback.v1.MySurvey;
import com.rapport.contracts.feedback.v1.SurveyAnswerOutcome;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.portal.remote.MySurveyClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal's Surveys page as a contact reads it (the HTML parsed): feedback-service's answers stood in for, the
 * page's own decisions (what is shown, which status and notice each outcome gets, what is never sent) checked.
 */
@WebMvcTest(SurveysController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class SurveysControllerMvcTests {

	static final String ACME = TestTokens.customer("acme-retail");

	/** 30 November 2026, 18:00 in Shanghai (the portal's default zone). */
	static final Instant ASKED = Instant.parse("2026-11-30T10:00:00Z");

	static final MySurvey OPEN_CSAT = MySurvey.newBuilder().setInvitationId("inv-1").setKind("CSAT")
		.setSubjectType("TICKET").setSubjectId("ticket-1").setSubjectLabel("T-1001").setInvitedAt(ts(ASKED))
		.setExpiresAt(ts(ASKED.plusSeconds(14 * 86400))).setScaleMin(1).setScaleMax(5).build();

	static final MySurvey OPEN_CES = MySurvey.newBuilder().setInvitationId("inv-2").setKind("CES")
		.setSubjectType("ORDER").setSubjectId("order-77").setSubjectLabel("ACME-1015").setInvitedAt(ts(ASKED))
		.setExpiresAt(ts(ASKED.plusSeconds(14 * 86400))).setScaleMin(1).setScaleMax(7).build();

	static final MySurvey ANSWERED = MySurvey.newBuilder().setInvitationId("inv-0").setKind("CSAT")
		.setSubjectType("TICKET").setSubjectId("ticket-0").setSubjectLabel("T-0999")
		.setInvitedAt(ts(ASKED.minusSeconds(40 * 86400))).setExpiresAt(ts(ASKED.minusSeconds(26 * 86400)))
		.setScaleMin(1).setScaleMax(5).setAnsweredAt(ts(ASKED.minusSeconds(39 * 86400))).setScore(2)
		.setComment("The <b>driver</b> was late.").build();

	static final MySurvey ANSWERED_NO_COMMENT = MySurvey.newBuilder(OPEN_CSAT).setInvitationId("inv-3")
		.setSubjectLabel("T-1003").setExpiresAt(ts(Instant.now().plusSeconds(86400)))
		.setAnsweredAt(ts(ASKED.plusSeconds(3600))).setScore(4).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MySurveyClient surveys;

	@BeforeEach
	void theContactsSurveys() {
		given(surveys.mySurveys()).willReturn(ListMySurveysResponse.newBuilder().addOpen(OPEN_CSAT)
			.addOpen(OPEN_CES).addAnswered(ANSWERED_NO_COMMENT).addAnswered(ANSWERED).build());
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
	}

	private static SurveyAnswerResult result(SurveyAnswerOutcome outcome, int score) {
		return SurveyAnswerResult.newBuilder().setOutcome(outcome).setScore(score).setKind("CSAT")
			.setSubjectLabel("T-1001").setLanguage("en").build();
	}

	private static Document page(ResultActions actions) throws Exception {
		return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
	}

	@Test
	void eachSurveyAsksTheQuestionAsTheManagersWordedItInTheReadersLanguage() throws Exception {
		MySurvey worded = MySurvey.newBuilder(OPEN_CSAT).setQuestion(com.rapport.contracts.feedback.v1.SurveyQuestion
			.newBuilder().setEn("Were you happy with how T-1001 went?").setZhCn("T-1001 的处理让您满意吗？")).build();
		given(surveys.mySurveys()).willReturn(ListMySurveysResponse.newBuilder().addOpen(worded).build());

		Element english = page(mvc.perform(get("/portal/surveys").with(as(ACME))).andExpect(status().isOk()))
			.selectFirst("#survey-inv-1");
		Element chinese = page(mvc.perform(get("/portal/surveys").param("lang", "zh-CN").with(as(ACME)))
			.andExpect(status().isOk())).selectFirst("#survey-inv-1");

		assertThat(english.select(".survey-question").text()).isEqualTo("Were you happy with how T-1001 went?");
		assertThat(chinese.select(".survey-question").text()).isEqualTo("T-1001 的处理让您满意吗？");
	}

	@Test
	void theOpenSurveysSayWhatAboutWhenAskedUntilWhenAndOfferTheirScales() throws Exception {
		Document page = page(mvc.perform(get("/portal/surveys").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(ACME))).andExpect(status().isOk()));

		assertThat(page.select(".topbar .nav-surveys").attr("href")).isEqualTo("/portal/surveys");
		Element csat = page.selectFirst("#survey-inv-1");
		assertThat(csat.select(".survey-question").text()).isEqualTo("How satisfied are you with how we handled T-1001?");
		assertThat(csat.select("a.survey-subject").attr("href")).isEqualTo("/portal/tickets/T-1001");
		assertThat(csat.select(".survey-asked").text()).contains("Nov 30, 2026");
		assertThat(csat.select(".survey-until").text()).startsWith("answer by").contains("Dec 14, 2026");
		assertThat(csat.select("form.survey-answer").attr("action")).isEqualTo("/portal/surveys/inv-1");
		assertThat(csat.select("input[name=_csrf]").val()).isEqualTo("t0k3n");
		assertThat(csat.select("input[name=score]").eachAttr("value")).containsExactly("5", "4", "3", "2", "1");
		assertThat(csat.select(".score-choice").first().text()).isEqualTo("5 – Very satisfied");

		Element ces = page.selectFirst("#survey-inv-2");
		assertThat(ces.select(".survey-question").text()).isEqualTo("How easy was it to receive order ACME-1015?");
		assertThat(ces.select("a.survey-subject").attr("href")).isEqualTo("/portal/orders/order-77");
		assertThat(ces.select("input[name=score]").eachAttr("value")).containsExactly("7", "6", "5", "4", "3", "2", "1");
		assertThat(ces.select("legend").text()).isEqualTo("1 very difficult, 7 very easy");
	}

	@Test
	void theAnsweredSurveysShowTheScoreAndCommentGivenAndOfferACommentWhileOneIsMissing() throws Exception {
		Document page = page(mvc.perform(get("/portal/surveys").with(as(ACME))).andExpect(status().isOk()));

		Element old = page.selectFirst("#survey-inv-0.answered-survey");
		assertThat(old.select(".survey-score").text()).isEqualTo("Your answer: 2 of 5");
		// The contact's words are shown as text, never as markup.
		assertThat(old.select(".survey-comment").text()).isEqualTo("The <b>driver</b> was late.");
		assertThat(old.select("b")).isEmpty();
		assertThat(old.select("form")).isEmpty();

		Element recent = page.selectFirst("#survey-inv-3.answered-survey");
		assertThat(recent.select("form.survey-comment-form").attr("action")).isEqualTo("/portal/surveys/inv-3/comment");
		assertThat(recent.select("textarea[name=comment]").attr("maxlength")).isEqualTo("2000");
	}

	@Test
	void thePageSpeaksChinese() throws Exception {
		Document page = page(mvc.perform(get("/portal/surveys").param("lang", "zh-CN").with(as(ACME)))
			.andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("我的调查");
		assertThat(page.select(".topbar .nav-surveys").text()).isEqualTo("满意度调查");
		assertThat(page.select("#survey-inv-1 .survey-question").text()).isEqualTo("您对我们处理 T-1001 的方式满意吗？");
		assertThat(page.select("#survey-inv-1 .survey-asked").text()).contains("2026年11月30日");
		assertThat(page.select("#survey-inv-0 .survey-score").text()).isEqualTo("您的回答：2 / 5");
	}

	@Test
	void withNothingAskedThePageSaysSo() throws Exception {
		given(surveys.mySurveys()).willReturn(ListMySurveysResponse.getDefaultInstance());
		Document page = page(mvc.perform(get("/portal/surveys").with(as(ACME))).andExpect(status().isOk()));

		assertThat(page.select("#no-open").text()).isEqualTo("No survey is waiting for your answer.");
		assertThat(page.select("#no-answered").text()).isEqualTo("You have not answered a survey yet.");
	}

	@Test
	void aScoreIsPassedOnAndThePageThanksAndOffersTheComment() throws Exception {
		given(surveys.answer("inv-1", 4)).willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED, 4));
		mvc.perform(post("/portal/surveys/inv-1").param("score", "4").with(as(ACME)))
			.andExpect(redirectedUrl("/portal/surveys?answered=inv-1"));
		verify(surveys).answer("inv-1", 4);

		Document page = page(mvc.perform(get("/portal/surveys").param("answered", "inv-3").with(as(ACME)))
			.andExpect(status().isOk()));
		assertThat(page.select("#notice.saved").text()).startsWith("Thank you! Your answer is recorded.");
		assertThat(page.select("#survey-inv-3.focus form.survey-comment-form")).hasSize(1);
	}

	@Test
	void aSecondAnswerIsSaidAndNothingChanges() throws Exception {
		given(surveys.answer("inv-1", 1))
			.willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED, 4));
		Document page = page(mvc.perform(post("/portal/surveys/inv-1").param("score", "1").with(as(ACME)))
			.andExpect(status().isConflict()));

		assertThat(page.select("#notice.error").text())
			.isEqualTo("This survey was already answered; your first answer stands. Nothing was changed.");
	}

	@Test
	void anExpiredSurveyIsSaid() throws Exception {
		given(surveys.answer("inv-1", 5)).willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_EXPIRED, 0));
		Document page = page(mvc.perform(post("/portal/surveys/inv-1").param("score", "5").with(as(ACME)))
			.andExpect(status().isGone()));

		assertThat(page.select("#notice.error").text()).isEqualTo("This survey has expired. Nothing was recorded.");
	}

	@Test
	void anotherContactsSurveyIsSaidToBeNotTheirs() throws Exception {
		given(surveys.answer("inv-of-wang", 5))
			.willThrow(new NotFoundException(Message.of("feedback.survey.not-found")));
		Document page = page(mvc.perform(post("/portal/surveys/inv-of-wang").param("score", "5").with(as(ACME)))
			.andExpect(status().isNotFound()));

		assertThat(page.select("#notice.error").text()).isEqualTo("This survey is not one of yours. Nothing was recorded.");
		assertThat(page.select("#survey-inv-1")).hasSize(1);
	}

	@Test
	void withoutAScoreNothingIsSent() throws Exception {
		Document page = page(mvc.perform(post("/portal/surveys/inv-1").param("score", "five").with(as(ACME)))
			.andExpect(status().isBadRequest()));

		assertThat(page.select("#notice.error").text()).isEqualTo("Choose one of the scores offered. Nothing was recorded.");
		verify(surveys, never()).answer(anyString(), anyInt());
	}

	@Test
	void aScoreOffTheScaleRefusedByFeedbackServiceIsSaid() throws Exception {
		given(surveys.answer("inv-1", 9)).willThrow(UnprocessableException.withoutCode("score", Map.of()));
		mvc.perform(post("/portal/surveys/inv-1").param("score", "9").with(as(ACME)))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void theCommentIsPassedOnOnceAndABlankOneIsNotSent() throws Exception {
		given(surveys.comment("inv-3", "Quick and friendly."))
			.willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_COMMENTED, 4));
		mvc.perform(post("/portal/surveys/inv-3/comment").param("comment", "Quick and friendly.").with(as(ACME)))
			.andExpect(redirectedUrl("/portal/surveys?commented"));

		given(surveys.comment("inv-3", "Again"))
			.willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED, 4));
		assertThat(page(mvc.perform(post("/portal/surveys/inv-3/comment").param("comment", "Again").with(as(ACME)))
			.andExpect(status().isConflict())).select("#notice.error").text())
			.isEqualTo("A comment was already given (or there is no answer yet). Nothing was changed.");

		mvc.perform(post("/portal/surveys/inv-3/comment").param("comment", "   ").with(as(ACME)))
			.andExpect(status().isUnprocessableContent());
		verify(surveys, never()).comment(any(), org.mockito.ArgumentMatchers.eq("   "));
	}

	@Test
	void staffHaveNoSurveysPage() throws Exception {
		mvc.perform(get("/portal/surveys").with(as(TestTokens.staff("manager")))).andExpect(status().isForbidden());
		mvc.perform(post("/portal/surveys/inv-1").param("score", "5").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		verify(surveys, never()).mySurveys();
		verify(surveys, never()).answer(anyString(), anyInt());
	}
}
