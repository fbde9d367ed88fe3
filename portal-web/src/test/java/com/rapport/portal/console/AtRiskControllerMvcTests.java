package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;

import com.rapport.contracts.customer.v1.ChurnRisk;
import com.rapport.contracts.customer.v1.CustomerAtRisk;
import com.rapport.contracts.customer.v1.ListCustomersAtRiskResponse;
import com.rapport.contracts.customer.v1.RiskReason;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.GrowthClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import io.grpc.Status;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AtRiskController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class AtRiskControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GrowthClient growth;

	static CustomerAtRisk.Builder customer(String id, String name, String projected, int score, RiskReason... reasons) {
		return CustomerAtRisk.newBuilder().setOrganisationId(id).setName(name).setTier(Tier.TIER_KEY)
			.setAccountManager("agent.li").setHistoricalValue("150000.00").setProjectedValue(projected)
			.setChurnRisk(ChurnRisk.newBuilder().setScore(score).setThreshold(40).setAtRisk(true)
				.addAllReasons(java.util.List.of(reasons)));
	}

	static RiskReason reason(String code, int points, String... args) {
		return RiskReason.newBuilder().setCode(code).addAllArgs(java.util.List.of(args)).setPoints(points).build();
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void anAgentSeesTheCustomersAtRiskInTheOrderGivenWithTheirReasons() throws Exception {
		given(growth.atRisk()).willReturn(ListCustomersAtRiskResponse.newBuilder().setThreshold(40).setCurrency("CNY")
			.addCustomers(customer("stark-components", "Stark Components", "540000.00", 40,
					reason("growth.risk.rhythm", 40, "120", "60"), reason("growth.risk.tickets-unknown", 0)))
			.addCustomers(customer("wayne-hardware", "Wayne Hardware", "52000.00", 55,
					reason("growth.risk.rhythm", 40, "400", "120"), reason("growth.risk.nps-negative", 15, "-20")))
			.build());

		Document page = page(mvc.perform(get("/console/at-risk").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".risk-threshold").text()).startsWith("Churn risk 40 or more, most valuable first");
		assertThat(page.select("a.at-risk-name").eachText()).containsExactly("Stark Components", "Wayne Hardware");
		assertThat(page.select("a.at-risk-name").first().attr("href")).isEqualTo("/console/organisations/stark-components");
		assertThat(page.select(".at-risk-projected").eachText()).containsExactly("540,000.00", "52,000.00");
		assertThat(page.select(".at-risk-score").eachText()).containsExactly("40 / 100", "55 / 100");
		assertThat(page.select("tr.at-risk-row").first().select(".risk-reasons li").eachText())
			.as("reasons that add nothing are left out of the list").containsExactly(
					"No order for 120 days, where it usually orders every 60 days (+40)");
		assertThat(page.select("tr.at-risk-row").last().select(".risk-reasons li").eachText()).containsExactly(
				"No order for 400 days, where it usually orders every 120 days (+40)", "Net promoter score -20 (+15)");
		assertThat(page.select(".at-risk-manager").first().text()).isEqualTo("agent.li");
		assertThat(page.select("a.nav-at-risk")).hasSize(1);
		assertThat(page.select("a.nav-growth")).as("the growth page is the managers'").isEmpty();
	}

	@Test
	void aChineseReaderReadsTheReasonsInChineseAndAnEmptyListSaysSo() throws Exception {
		given(growth.atRisk()).willReturn(ListCustomersAtRiskResponse.newBuilder().setThreshold(40).setCurrency("CNY")
			.addCustomers(customer("stark-components", "Stark Components", "540000.00", 40,
					reason("growth.risk.rhythm", 40, "120", "60")))
			.build());

		Document page = page(mvc.perform(get("/console/at-risk").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));
		assertThat(page.select(".risk-reasons li").text()).isEqualTo("已 120 天未下单，通常每 60 天下单一次（+40）");
		assertThat(page.select("h1").text()).isEqualTo("有流失风险的客户");

		given(growth.atRisk()).willReturn(ListCustomersAtRiskResponse.newBuilder().setThreshold(40).build());
		Document empty = page(mvc.perform(get("/console/at-risk").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));
		assertThat(empty.select("p.empty").text()).isEqualTo("No customer is at risk.");
		assertThat(empty.select("table")).isEmpty();
	}

	@Test
	void customerServiceDownGivesTheUnavailablePageAndCustomersAreRefused() throws Exception {
		given(growth.atRisk()).willThrow(new RemoteUnavailableException("customer-service",
				Status.UNAVAILABLE.asRuntimeException()));
		mvc.perform(get("/console/at-risk").with(as(TestTokens.staff("agent")))).andExpect(status().isServiceUnavailable());

		org.mockito.Mockito.reset(growth);
		mvc.perform(get("/console/at-risk").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		verifyNoInteractions(growth);
	}
}
