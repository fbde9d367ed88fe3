package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rapport.portal.portal.ReferralControllerMvcTestsData;
import com.rapport.portal.remote.ReferralClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReferralsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ReferralsControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReferralClient referrals;

	@Test
	void staffSeeEveryReferralWithItsReferrerAndStateAndTheReferredOrganisationLinked() throws Exception {
		given(referrals.referrals()).willReturn(List.of(ReferralControllerMvcTestsData.INVITED,
				ReferralControllerMvcTestsData.EARNED));
		Document page = Jsoup.parse(mvc.perform(get("/console/referrals").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("tr.referral-row").eachAttr("data-referral")).containsExactly("ref-2", "ref-1");
		assertThat(page.select("tr[data-referral=ref-1] .referral-referred").attr("href"))
			.isEqualTo("/console/organisations/globex-trading");
		assertThat(page.select("tr[data-referral=ref-2] .referral-referred")).isEmpty();
		assertThat(page.select("tr[data-referral=ref-1] .referral-referrer").text()).isEqualTo("Acme Retail");
		assertThat(page.select("tr[data-referral=ref-1] .referral-state").text())
			.isEqualTo("Earned 1,000 points (order GLX-6998)");
		assertThat(page.select(".topbar .nav-referrals-console").attr("href")).isEqualTo("/console/referrals");

		Document zh = Jsoup.parse(mvc.perform(get("/console/referrals").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(zh.select("tr[data-referral=ref-1] .referral-state").text()).isEqualTo("已获得 1,000 积分（订单 GLX-6998）");
	}

	@Test
	void customersAreRefusedWithoutAnyCall() throws Exception {
		mvc.perform(get("/console/referrals").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(referrals);
	}
}
