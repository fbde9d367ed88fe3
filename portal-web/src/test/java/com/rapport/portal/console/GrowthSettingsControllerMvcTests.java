package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.GrowthSettings;
import com.rapport.portal.remote.GrowthClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(GrowthSettingsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class GrowthSettingsControllerMvcTests {

	static final GrowthSettings SAVED = GrowthSettings.newBuilder().setRiskThreshold(35).setReorderLeadDays(10)
		.setVersion(2).setUpdatedBy("manager.wu").setUpdatedAt(Timestamp.newBuilder().setSeconds(1_796_000_000))
		.build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GrowthClient growth;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void settings() {
		given(growth.settings()).willReturn(SAVED);
	}

	@Test
	void aManagerSeesTheSettingsInWordsAndTheirFormInBothLanguages() throws Exception {
		Document page = page(mvc.perform(get("/console/growth/settings").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".growth-settings-words").text()).isEqualTo("A customer is at risk from a churn-risk "
				+ "score of 35 out of 100, and its account manager then gets a task with the reasons. A product bought "
				+ "regularly gets a task 10 days before its expected reorder date.");
		assertThat(page.select(".growth-settings-version").text()).startsWith("Version 2, saved by manager.wu on ");
		assertThat(page.select("form.growth-settings-form input[name=riskThreshold]").val()).isEqualTo("35");
		assertThat(page.select("form.growth-settings-form input[name=reorderLeadDays]").val()).isEqualTo("10");
		assertThat(page.select("form.growth-settings-form input[name=version]").val()).isEqualTo("2");
		assertThat(page.select("form.growth-settings-form input[name=_csrf]")).hasSize(1);

		Document zh = page(mvc.perform(get("/console/growth/settings").param("lang", "zh-CN")
			.with(as(TestTokens.staff("admin")))).andExpect(status().isOk()));
		assertThat(zh.select("h1").text()).isEqualTo("流失风险与补货设置");
		assertThat(zh.select(".growth-settings-words").text()).startsWith("流失风险评分达到 35 分");
		assertThat(zh.select("label[for=riskThreshold]").text()).isEqualTo("流失风险阈值（1 至 100）");
	}

	@Test
	void savingSendsTheNumbersWithTheVersionReadAndRefusalsComeBackBesideTheFields() throws Exception {
		mvc.perform(post("/console/growth/settings").with(as(TestTokens.staff("manager"))).param("version", "2")
			.param("riskThreshold", " 30 ").param("reorderLeadDays", "7"))
			.andExpect(redirectedUrl("/console/growth/settings?notice=saved"));
		verify(growth).updateSettings(30, 7, 2);

		Document saved = page(mvc.perform(get("/console/growth/settings").param("notice", "saved")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));
		assertThat(saved.select("#notice").text()).startsWith("The settings are saved.");

		given(growth.updateSettings(anyInt(), anyInt(), anyLong())).willThrow(new UnprocessableException(
				Message.of("growth.settings-invalid"),
				Map.of("riskThreshold", Message.of("growth.settings.risk-threshold.range"),
						"reorderLeadDays", Message.of("growth.settings.lead-days.range"))));
		Document bad = page(mvc.perform(post("/console/growth/settings").with(as(TestTokens.staff("manager")))
			.param("version", "2").param("riskThreshold", "0").param("reorderLeadDays", "400").param("lang", "zh-CN"))
			.andExpect(status().isUnprocessableContent()));
		assertThat(bad.select(".field-error[data-field=riskThreshold]").text()).contains("1 到 100 之间的整数");
		assertThat(bad.select(".field-error[data-field=reorderLeadDays]").text()).contains("0 到 365 之间的整数天数");
		assertThat(bad.select("input[name=reorderLeadDays]").val()).isEqualTo("400");
	}

	@Test
	void whatIsNotAWholeNumberIsNamedHereAndNothingIsSent() throws Exception {
		Document bad = page(mvc.perform(post("/console/growth/settings").with(as(TestTokens.staff("manager")))
			.param("version", "2").param("riskThreshold", "forty").param("reorderLeadDays", ""))
			.andExpect(status().isUnprocessableContent()));
		assertThat(bad.select(".field-error[data-field=riskThreshold]")).hasSize(1);
		assertThat(bad.select(".field-error[data-field=reorderLeadDays]")).hasSize(1);
		assertThat(bad.select("input[name=riskThreshold]").val()).isEqualTo("forty");
		verify(growth, never()).updateSettings(anyInt(), anyInt(), anyLong());
	}

	@Test
	void aSaveOverAnOldVersionSaysSomeoneSavedMeanwhile() throws Exception {
		given(growth.updateSettings(anyInt(), anyInt(), anyLong())).willThrow(new ConflictException(
				Message.of("growth.settings.changed-meanwhile", 3, "admin.lee")));
		Document stale = page(mvc.perform(post("/console/growth/settings").with(as(TestTokens.staff("manager")))
			.param("version", "2").param("riskThreshold", "30").param("reorderLeadDays", "7"))
			.andExpect(status().isConflict()));
		assertThat(stale.select(".form-error").text()).isEqualTo(
				"The growth settings were changed meanwhile (now version 3 by admin.lee): read them again.");
		assertThat(stale.select("input[name=riskThreshold]").val()).isEqualTo("30");
	}

	@Test
	void agentsAndCustomersAreRefusedWithoutAnyCall() throws Exception {
		mvc.perform(get("/console/growth/settings").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/console/growth/settings").with(as(TestTokens.customer("acme-retail")))
			.param("riskThreshold", "1").param("reorderLeadDays", "1")).andExpect(status().isForbidden());
		verifyNoInteractions(growth);
	}
}
