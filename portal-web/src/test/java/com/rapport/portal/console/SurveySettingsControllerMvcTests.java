package com.rapport.portal.console;

import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.SurveyTemplate;
import com.rapport.contracts.feedback.v1.SurveyTemplateSet;
import com.rapport.contracts.feedback.v1.SurveySettings;
import com.rapport.portal.remote.SurveySettingsClient;
import com.rapport.portal.remote.SurveyTemplateClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
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
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ SurveySettingsController.class, SurveyTemplatesController.class })
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class SurveySettingsControllerMvcTests {

	static final SurveySettings SAVED = SurveySettings.newBuilder().setCesAfterTicket(false).setCesAfterOrder(true)
		.setFollowUpCsatBelow(3).setFollowUpNpsAtMost(6).setFollowUpOnComments(true)
		.setVersion(3).setUpdatedBy("manager.chen")
		.setUpdatedAt(Timestamp.newBuilder().setSeconds(FixedClock.NOW.getEpochSecond())).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SurveySettingsClient settings;

	@MockitoBean
	SurveyTemplateClient templates;

	private static Document page(ResultActions actions) throws Exception {
		return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
	}

	@Test
	void aManagerSeesTheSettingsInForceWithTheVersionReadAndWhoSavedThem() throws Exception {
		given(settings.settings()).willReturn(SAVED);
		Document page = page(mvc.perform(get("/console/survey-settings").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select(".topbar .nav-survey-settings").attr("href")).isEqualTo("/console/survey-settings");
		assertThat(page.select("input[name=cesAfterTicket]").hasAttr("checked")).isFalse();
		assertThat(page.select("input[name=cesAfterOrder]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=version]").val()).isEqualTo("3");
		assertThat(page.select("input[name=_csrf]").val()).isEqualTo("t0k3n");
		assertThat(page.select("#last-saved").text()).startsWith("Last saved by manager.chen,").contains("2026");
		assertThat(page.select("#followUpCsatBelow option[selected]").val()).isEqualTo("3");
		assertThat(page.select("#followUpCsatBelow option[value=1]").text()).isEqualTo("never");
		assertThat(page.select("#followUpNpsAtMost option[selected]").text()).isEqualTo("6 (every detractor)");
		assertThat(page.select("#followUpNpsAtMost option")).hasSize(12);
		assertThat(page.select("input[name=followUpOnComments]").hasAttr("checked")).isTrue();
	}

	@Test
	void savingSendsBothChoicesOverTheVersionRead() throws Exception {
		mvc.perform(post("/console/survey-settings").with(as(TestTokens.staff("manager")))
			.param("cesAfterTicket", "true").param("version", "3"))
			.andExpect(redirectedUrl("/console/survey-settings?saved"));

		verify(settings).update(true, false, null, 3);
	}

	@Test
	void savingSendsTheFollowUpThresholdsChosen() throws Exception {
		mvc.perform(post("/console/survey-settings").with(as(TestTokens.staff("manager")))
			.param("cesAfterOrder", "true").param("followUpCsatBelow", "4").param("followUpNpsAtMost", "-1")
			.param("version", "3"))
			.andExpect(redirectedUrl("/console/survey-settings?saved"));

		verify(settings).update(false, true, new SurveySettingsClient.FollowUps(4, -1, false), 3);
	}

	@Test
	void aThresholdOutOfRangeIsRefusedAndTheChoiceKept() throws Exception {
		given(settings.settings()).willReturn(SAVED);
		given(settings.update(false, true, new SurveySettingsClient.FollowUps(9, 6, true), 3))
			.willThrow(new UnprocessableException(Message.of("feedback.settings-invalid"),
					Map.of("followUpCsatBelow", Message.of("feedback.settings.threshold.range", 1, 5))));
		Document page = page(mvc.perform(post("/console/survey-settings").with(as(TestTokens.staff("manager")))
			.param("cesAfterOrder", "true").param("followUpCsatBelow", "9").param("followUpNpsAtMost", "6")
			.param("followUpOnComments", "true").param("version", "3"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select("#notice.error").text()).isEqualTo("The settings could not be saved.");
		assertThat(page.select("input[name=followUpOnComments]").hasAttr("checked")).isTrue();
	}

	@Test
	void aSaveThatLostToAnotherSaysSoAndKeepsTheChoice() throws Exception {
		given(settings.settings()).willReturn(SAVED.toBuilder().setVersion(4).build());
		given(settings.update(true, true, null, 3))
			.willThrow(new ConflictException(Message.of("feedback.settings.changed-meanwhile")));
		Document page = page(mvc.perform(post("/console/survey-settings").with(as(TestTokens.staff("admin")))
			.param("cesAfterTicket", "true").param("cesAfterOrder", "true").param("version", "3"))
			.andExpect(status().isConflict()));

		assertThat(page.select("#notice.error").text()).startsWith("Someone saved the settings meanwhile");
		assertThat(page.select("input[name=cesAfterTicket]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=version]").val()).isEqualTo("4");
	}

	@Test
	void thePageSpeaksChinese() throws Exception {
		given(settings.settings()).willReturn(SAVED);
		Document page = page(mvc.perform(get("/console/survey-settings").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("何时征求反馈");
	}

	@Test
	void agentsAndCustomersHaveNoSettingsPage() throws Exception {
		mvc.perform(get("/console/survey-settings").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/console/survey-settings").param("version", "0").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verify(settings, never()).settings();
		verify(settings, never()).update(anyBoolean(), anyBoolean(), any(), anyLong());
	}

	// The survey templates (the question each survey asks in each language), on their own page.

	static final SurveyTemplateSet TEMPLATES = SurveyTemplateSet.newBuilder()
		.addTemplates(template("CSAT", "en", "Were you happy with how {subject} went?",
				"How satisfied are you with how we handled {subject}?"))
		.addTemplates(template("CSAT", "zh-CN", "", "您对我们处理 {subject} 的方式满意吗？"))
		.addTemplates(template("NPS", "en", "", "How likely are you to recommend us to a colleague?"))
		.addTemplates(template("NPS", "zh-CN", "", "您有多大可能向同事推荐我们？"))
		.addTemplates(template("CES", "en", "", "How easy was it to receive order {subject}?"))
		.addTemplates(template("CES", "zh-CN", "", "收到订单 {subject} 对您来说有多容易？"))
		.setVersion(2).setUpdatedBy("manager.chen")
		.setUpdatedAt(Timestamp.newBuilder().setSeconds(FixedClock.NOW.getEpochSecond())).build();

	private static SurveyTemplate template(String kind, String language, String text, String defaultText) {
		return SurveyTemplate.newBuilder().setKind(kind).setLanguage(language).setText(text).setDefaultText(defaultText)
			.build();
	}

	@Test
	void aManagerSeesEachSurveysQuestionInEachLanguageWithItsDefault() throws Exception {
		given(settings.settings()).willReturn(SAVED);
		given(templates.templates()).willReturn(TEMPLATES);
		Document settingsPage = page(mvc.perform(get("/console/survey-settings").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));
		assertThat(settingsPage.select("#survey-templates-link").attr("href")).isEqualTo("/console/survey-templates");

		Document page = page(mvc.perform(get("/console/survey-templates").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("textarea").eachAttr("name"))
			.containsExactly("csatEn", "csatZh", "npsEn", "npsZh", "cesEn", "cesZh");
		assertThat(page.select("textarea#csatEn").text()).isEqualTo("Were you happy with how {subject} went?");
		assertThat(page.select("textarea#csatZh").text()).isEmpty();
		assertThat(page.select("textarea#csatZh").attr("placeholder")).isEqualTo("您对我们处理 {subject} 的方式满意吗？");
		assertThat(page.select("#template-csatEn legend").text()).isEqualTo("CSAT (satisfaction, 1 to 5) · English");
		assertThat(page.select("#template-cesZh .default-wording").text()).isEqualTo("Default: 收到订单 {subject} 对您来说有多容易？");
		assertThat(page.select("input[name=version]").val()).isEqualTo("2");
		assertThat(page.select("input[name=_csrf]").val()).isEqualTo("t0k3n");
		assertThat(page.select("#last-saved").text()).startsWith("Last saved by manager.chen,");
	}

	@Test
	void savingSendsEachWordingOverTheVersionRead() throws Exception {
		given(templates.templates()).willReturn(TEMPLATES);
		mvc.perform(post("/console/survey-templates").with(as(TestTokens.staff("manager")))
			.param("csatEn", "Were you happy with {subject}?").param("csatZh", "").param("npsEn", "")
			.param("version", "2"))
			.andExpect(redirectedUrl("/console/survey-templates?saved"));

		verify(templates).update(Map.of("CSAT", Map.of("en", "Were you happy with {subject}?", "zh-CN", ""), "NPS",
				Map.of("en", "")), 2);
	}

	@Test
	void aBadWordingIsNamedUnderItsFieldInTheReadersLanguageAndWhatWasTypedKept() throws Exception {
		given(templates.templates()).willReturn(TEMPLATES);
		given(templates.update(any(), anyLong())).willThrow(new UnprocessableException(
				Message.of("feedback.templates-invalid"),
				Map.of("cesZh", Message.of("feedback.template.placeholder.missing", "{subject}"))));

		Document english = page(mvc.perform(post("/console/survey-templates").with(as(TestTokens.staff("manager")))
			.param("cesZh", "这次收货容易吗？请打分").param("version", "2")).andExpect(status().isUnprocessableContent()));
		Document chinese = page(mvc.perform(post("/console/survey-templates").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager"))).param("cesZh", "这次收货容易吗？请打分").param("version", "2"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(english.select("#notice.error").text()).isEqualTo("The questions could not be saved: see below.");
		assertThat(english.select("#template-cesZh .field-error").text())
			.isEqualTo("must name what the survey is about with {subject}");
		assertThat(english.select("textarea#cesZh").attr("aria-invalid")).isEqualTo("true");
		assertThat(english.select("textarea#cesZh").text()).isEqualTo("这次收货容易吗？请打分");
		assertThat(english.select(".field-error")).hasSize(1);
		assertThat(chinese.select("#template-cesZh .field-error").text()).isEqualTo("必须用 {subject} 指明调查的对象");
		assertThat(chinese.select("h1").text()).isEqualTo("调查问题");
	}

	@Test
	void aSaveThatLostToAnotherSaysSoAndKeepsWhatWasTyped() throws Exception {
		given(templates.templates()).willReturn(TEMPLATES.toBuilder().setVersion(3).build());
		given(templates.update(any(), anyLong()))
			.willThrow(new ConflictException(Message.of("feedback.templates.changed-meanwhile")));

		Document page = page(mvc.perform(post("/console/survey-templates").with(as(TestTokens.staff("admin")))
			.param("npsEn", "Would you recommend us to a peer?").param("version", "2")).andExpect(status().isConflict()));

		assertThat(page.select("#notice.error").text()).startsWith("Someone saved the questions meanwhile");
		assertThat(page.select("textarea#npsEn").text()).isEqualTo("Would you recommend us to a peer?");
		assertThat(page.select("input[name=version]").val()).isEqualTo("3");
	}

	@Test
	void agentsAndCustomersHaveNoTemplatesPage() throws Exception {
		mvc.perform(get("/console/survey-templates").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/console/survey-templates").param("version", "0").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verify(templates, never()).templates();
		verify(templates, never()).update(any(), anyLong());
	}
}
