package com.rapport.portal.survey;

import java.util.Map;

import com.rapport.contracts.feedback.v1.SurveyAnswerOutcome;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.portal.remote.SurveyClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public survey pages, without any login; feedback-service's answers are stood in for. */
@WebMvcTest(SurveyController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class SurveyControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SurveyClient surveys;

	private static SurveyAnswerResult result(SurveyAnswerOutcome outcome, String language, int score) {
		return SurveyAnswerResult.newBuilder().setOutcome(outcome).setLanguage(language).setScore(score)
			.setSubjectLabel("T-1001").setKind("CSAT").build();
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void aClickedScoreIsThankedForWithoutLoginAndTheCommentFormCarriesTheCsrfToken() throws Exception {
		given(surveys.answer("tok.en", 4)).willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED, "en", 4));

		Document page = page(mvc.perform(get("/survey/tok.en").param("score", "4")
			.cookie(new Cookie("XSRF-TOKEN", "t0k3n"))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("#thanks").text()).isEqualTo("Thank you! Your answer is recorded: 4 - Satisfied.");
		assertThat(page.select("form").attr("action")).isEqualTo("/survey/tok.en/comment");
		assertThat(page.select("input[name=_csrf]").val()).isEqualTo("t0k3n");
	}

	@Test
	void theLinksPageAsksTheQuestionAsTheManagersWordedItInTheContactsLanguage() throws Exception {
		com.rapport.contracts.feedback.v1.SurveyQuestion question = com.rapport.contracts.feedback.v1.SurveyQuestion
			.newBuilder().setEn("Were you happy with how T-1001 went?").setZhCn("T-1001 的处理让您满意吗？").build();
		given(surveys.answer("tok.en", 4)).willReturn(SurveyAnswerResult.newBuilder(
				result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED, "zh-CN", 4)).setQuestion(question).build());
		given(surveys.answer("tok.en", 5)).willReturn(SurveyAnswerResult.newBuilder(
				result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED, "en", 5)).setQuestion(question).build());

		Document chinese = page(mvc.perform(get("/survey/tok.en").param("score", "4").header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn());
		Document english = page(mvc.perform(get("/survey/tok.en").param("score", "5")).andExpect(status().isOk())
			.andReturn());

		assertThat(chinese.select("#question").text()).isEqualTo("T-1001 的处理让您满意吗？");
		assertThat(english.select("#question").text()).isEqualTo("Were you happy with how T-1001 went?");
	}

	@Test
	void thePageSpeaksTheContactsLanguage() throws Exception {
		given(surveys.answer("tok.en", 1)).willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED, "zh-CN", 1));

		Document page = page(mvc.perform(get("/survey/tok.en").param("score", "1").header("Accept-Language", "en"))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select("#thanks").text()).isEqualTo("谢谢！您的评价已记录：1 - 非常不满意。");
	}

	@Test
	void aSecondAnswerSaysAlreadyAnswered() throws Exception {
		given(surveys.answer("tok.en", 5))
			.willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED, "en", 2));

		Document page = page(mvc.perform(get("/survey/tok.en").param("score", "5")).andExpect(status().isConflict())
			.andReturn());

		assertThat(page.select("#already").text()).isEqualTo("This survey was already answered. Thank you!");
		assertThat(page.select("form")).isEmpty();
	}

	@Test
	void anExpiredOrForgedLinkSaysSoInTheReadersLanguage() throws Exception {
		given(surveys.answer("old.link", 3)).willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_EXPIRED, "en", 0));
		given(surveys.answer("forged.link", 3)).willReturn(SurveyAnswerResult.newBuilder()
			.setOutcome(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_INVALID).build());

		assertThat(page(mvc.perform(get("/survey/old.link").param("score", "3")).andExpect(status().isGone()).andReturn())
			.select("#expired").text()).isEqualTo("This survey link has expired. Nothing was recorded.");
		assertThat(page(mvc.perform(get("/survey/forged.link").param("score", "3").header("Accept-Language", "zh-CN"))
			.andExpect(status().isGone()).andReturn()).select("#invalid").text()).isEqualTo("此调查链接无效，未记录任何内容。");
	}

	@Test
	void aScoreThatIsNotANumberIsNotPassedOn() throws Exception {
		for (String score : new String[] { "x", "", "100", "-1" }) {
			assertThat(page(mvc.perform(get("/survey/tok.en").param("score", score)).andExpect(status().isBadRequest())
				.andReturn()).select("#score-invalid").text()).isEqualTo("Choose one of the scores offered in the mail.");
		}
		verify(surveys, never()).answer(anyString(), anyInt());
	}

	@Test
	void aScoreOffTheSurveysScaleIsRefusedByFeedbackServiceAndSaid() throws Exception {
		given(surveys.answer("tok.en", 6)).willThrow(UnprocessableException.withoutCode("score", Map.of()));
		assertThat(page(mvc.perform(get("/survey/tok.en").param("score", "6")).andExpect(status().isBadRequest())
			.andReturn()).select("#score-invalid").text()).isEqualTo("Choose one of the scores offered in the mail.");
	}

	@Test
	void aCesAnswerIsThankedWithTheCesWords() throws Exception {
		given(surveys.answer("tok.en", 6)).willReturn(SurveyAnswerResult.newBuilder()
			.setOutcome(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_RECORDED).setLanguage("en").setScore(6).setKind("CES")
			.setSubjectLabel("ACME-1015").build());
		assertThat(page(mvc.perform(get("/survey/tok.en").param("score", "6")).andExpect(status().isOk()).andReturn())
			.select("#thanks").text()).contains("6 - Easy");
	}

	@Test
	void theCommentIsPassedOnAndThanked() throws Exception {
		given(surveys.comment("tok.en", "Nobody called back."))
			.willReturn(result(SurveyAnswerOutcome.SURVEY_ANSWER_OUTCOME_COMMENTED, "en", 1));

		Document page = page(mvc.perform(post("/survey/tok.en/comment").param("comment", "Nobody called back."))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select("#thanks").text()).isEqualTo("Thank you, your comment is recorded.");
	}

	@Test
	void otherPagesStillNeedALogin() throws Exception {
		mvc.perform(get("/portal/profile")).andExpect(status().isUnauthorized());
	}
}
