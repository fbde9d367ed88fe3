package com.rapport.portal.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rapport.portal.remote.ReferralClient;
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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReferralController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ReferralControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReferralClient referrals;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void referrals() {
		given(referrals.referrals()).willReturn(List.of(ReferralControllerMvcTestsData.INVITED,
				ReferralControllerMvcTestsData.EARNED));
	}

	@Test
	void aContactSeesTheFormAndItsOrganisationsReferralsInBothLanguagesAsStackedRows() throws Exception {
		Document page = page(mvc.perform(get("/portal/referrals").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()));

		assertThat(page.select("form.referral-form input[name=companyName]")).hasSize(1);
		assertThat(page.select("form.referral-form input[name=email]").attr("type")).isEqualTo("email");
		assertThat(page.select("form.referral-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("tr.referral-row").eachAttr("data-state")).containsExactly("INVITED", "EARNED");
		assertThat(page.select("tr[data-state=EARNED] .referral-state").text())
			.isEqualTo("Earned 1,000 points (order GLX-6998)");
		assertThat(page.select("table.referrals").hasClass("stacked")).isTrue();
		assertThat(page.select("tr.referral-row td").first().attr("data-label")).isEqualTo("Company");
		assertThat(page.select(".topbar .nav-referrals").attr("href")).isEqualTo("/portal/referrals");

		Document zh = page(mvc.perform(get("/portal/referrals").param("lang", "zh-CN")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));
		assertThat(zh.select("h1").text()).isEqualTo("推荐公司");
		assertThat(zh.select("tr[data-state=INVITED] .referral-state").text()).isEqualTo("已邀请");
	}

	@Test
	void anInvitationIsSentAndThePageSaysSo() throws Exception {
		mvc.perform(post("/portal/referrals").with(as(TestTokens.customer("acme-retail")))
			.param("companyName", "Hooli Office").param("email", "buyer@hooli.example"))
			.andExpect(redirectedUrl("/portal/referrals?invited=Hooli+Office"));
		verify(referrals).invite("Hooli Office", "buyer@hooli.example");

		Document page = page(mvc.perform(get("/portal/referrals").param("invited", "Hooli Office")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));
		assertThat(page.select("#notice").text()).isEqualTo("We have invited Hooli Office. Thank you!");
	}

	@Test
	void refusalsComeBackBesideTheFieldsOrAboveTheFormWithWhatWasTyped() throws Exception {
		given(referrals.invite(anyString(), anyString())).willThrow(new UnprocessableException(
				Message.of("referral.invalid"), Map.of("companyName", Message.of("referral.company.required"), "email",
						Message.of("profile.email.format"))));
		Document bad = page(mvc.perform(post("/portal/referrals").with(as(TestTokens.customer("acme-retail")))
			.param("companyName", "").param("email", "not an address"))
			.andExpect(status().isUnprocessableContent()));
		assertThat(bad.select(".field-error[data-field=companyName]").text()).contains("the name of the company is required");
		assertThat(bad.select(".field-error[data-field=email]")).hasSize(1);
		assertThat(bad.select("input[name=email]").val()).isEqualTo("not an address");

		willThrow(new ConflictException(Message.of("referral.already-invited", "buyer@hooli.example")))
			.given(referrals).invite(anyString(), anyString());
		Document again = page(mvc.perform(post("/portal/referrals").with(as(TestTokens.customer("acme-retail")))
			.param("companyName", "Hooli").param("email", "buyer@hooli.example").param("lang", "zh-CN"))
			.andExpect(status().isConflict()));
		assertThat(again.select(".form-error").text()).isEqualTo("贵组织已邀请过 buyer@hooli.example。");
	}

	@Test
	void staffAndPartnersHaveNoReferralPage() throws Exception {
		mvc.perform(get("/portal/referrals").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/portal/referrals").with(as(TestTokens.staff("manager"))).param("companyName", "X")
			.param("email", "x@y.example")).andExpect(status().isForbidden());
		verifyNoInteractions(referrals);
	}
}
