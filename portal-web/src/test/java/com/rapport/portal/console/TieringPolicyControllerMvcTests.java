package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.TieringPolicy;
import com.rapport.portal.remote.TieringPolicyClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

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
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TieringPolicyController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class TieringPolicyControllerMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TieringPolicyClient policies;

	static TieringPolicy.Builder policy(long version, long recomputed) {
		return TieringPolicy.newBuilder().setWindowDays(365).setBaseCurrency("CNY").setVipMonetary("1000000")
			.setVipFrequency(12).setVipRecencyDays(30).setKeyMonetary("200000").setKeyFrequency(4).setLoyalOrders(10)
			.setDormantAfterDays(90).setChurnedAfterDays(365).setVersion(version).setUpdatedBy("manager.wang")
			.setUpdatedAt(Timestamp.newBuilder().setSeconds(1_796_000_000L)).setRecomputedVersion(recomputed)
			.setRecomputedOrganisations(6).setRecomputedAt(Timestamp.newBuilder().setSeconds(1_796_000_060L));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void anAgentReadsTheRulesInWordsButGetsNoForm() throws Exception {
		given(policies.policy()).willReturn(policy(0, 0).build());

		Document page = page(mvc.perform(get("/console/tiering").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".tiering-rules li").first().text())
			.isEqualTo("VIP: orders worth CNY 1,000,000.00 or more in the last 365 days, or 12 orders or more in that time "
					+ "with the latest at most 30 days ago.");
		assertThat(page.select(".tiering-version").text()).contains("configured defaults");
		assertThat(page.select("form.tiering-form")).isEmpty();
	}

	@Test
	void aManagerGetsTheFormWithTheStoredValuesAndVersion() throws Exception {
		given(policies.policy()).willReturn(policy(3, 3).build());

		Document page = page(mvc.perform(get("/console/tiering").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select("input[name=version]").val()).isEqualTo("3");
		assertThat(page.select("input#vipMonetary").val()).isEqualTo("1000000");
		assertThat(page.select("input#dormantAfterDays").val()).isEqualTo("90");
		assertThat(page.select(".recompute-done").text()).startsWith("Every organisation (6) was recomputed");
		assertThat(page.select(".recompute-running")).isEmpty();
	}

	@Test
	void whileTheRecomputeRunsThePageSaysSo() throws Exception {
		given(policies.policy()).willReturn(policy(4, 3).build());

		Document page = page(mvc.perform(get("/console/tiering?notice=saved").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".recompute-running").text()).contains("being recomputed");
		assertThat(page.select(".notice.saved").text()).startsWith("The rules are saved.");
	}

	@Test
	void aManagerSavesWhatWasTypedOnTheVersionRead() throws Exception {
		given(policies.update(any(), anyLong())).willReturn(policy(4, 3).build());

		mvc.perform(post("/console/tiering").with(csrf()).with(as(TestTokens.staff("manager"))).param("version", "3")
			.param("windowDays", "365").param("vipMonetary", " 1500000 ").param("vipFrequency", "12")
			.param("vipRecencyDays", "30").param("keyMonetary", "300000").param("keyFrequency", "5")
			.param("loyalOrders", "10").param("dormantAfterDays", "60").param("churnedAfterDays", "365"))
			.andExpect(redirectedUrl("/console/tiering?notice=saved"));

		ArgumentCaptor<TieringPolicy> rules = ArgumentCaptor.forClass(TieringPolicy.class);
		verify(policies).update(rules.capture(), eq(3L));
		assertThat(rules.getValue().getVipMonetary()).isEqualTo("1500000");
		assertThat(rules.getValue().getKeyFrequency()).isEqualTo(5);
		assertThat(rules.getValue().getDormantAfterDays()).isEqualTo(60);
	}

	@Test
	void refusedThresholdsComeBackBesideTheirFieldsWithWhatWasTyped() throws Exception {
		given(policies.policy()).willReturn(policy(3, 3).build());
		given(policies.update(any(), anyLong())).willThrow(UnprocessableException.withoutCode("Invalid tiering rules.",
				Map.of("keyMonetary", "must be below the VIP amount (1000000)")));

		Document page = page(mvc.perform(post("/console/tiering").with(csrf()).with(as(TestTokens.staff("admin")))
			.param("version", "3").param("windowDays", "365").param("vipMonetary", "1000000").param("vipFrequency", "12")
			.param("vipRecencyDays", "30").param("keyMonetary", "2000000").param("keyFrequency", "4")
			.param("loyalOrders", "10").param("dormantAfterDays", "90").param("churnedAfterDays", "365"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".field-error[data-field=keyMonetary]").text())
			.isEqualTo("Check this field: must be below the VIP amount (1000000)");
		assertThat(page.select("input#keyMonetary").val()).isEqualTo("2000000");
		assertThat(page.select("input[name=version]").val()).isEqualTo("3");
	}

	@Test
	void aCountThatIsNotANumberIsNamedWithoutAskingCustomerService() throws Exception {
		given(policies.policy()).willReturn(policy(3, 3).build());

		Document page = page(mvc.perform(post("/console/tiering").with(csrf()).with(as(TestTokens.staff("manager")))
			.param("version", "3").param("windowDays", "a year").param("vipMonetary", "1000000"))
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".field-error[data-field=windowDays]").text()).isEqualTo("Check this field: a whole number");
		assertThat(page.select("input#windowDays").val()).isEqualTo("a year");
		verify(policies).policy();
		org.mockito.Mockito.verifyNoMoreInteractions(policies);
	}

	@Test
	void aSaveThatLostToAnotherIsSaidSo() throws Exception {
		given(policies.policy()).willReturn(policy(4, 4).build());
		given(policies.update(any(), anyLong())).willThrow(ConflictException.withoutCode("changed meanwhile"));

		Document page = page(saveValidRulesAsManager().andExpect(status().isConflict()));

		assertThat(page.select(".form-error").text()).startsWith("Someone else saved the rules");
		assertThat(page.select("input#vipMonetary").val()).isEqualTo("900000");
	}

	@Test
	void aRefusalNamingNoFieldIsInvalidInputNotALostSave() throws Exception {
		given(policies.policy()).willReturn(policy(4, 4).build());
		given(policies.update(any(), anyLong())).willThrow(UnprocessableException.withoutCode("Invalid tiering rules.", Map.of()));

		Document page = page(saveValidRulesAsManager().andExpect(status().isUnprocessableContent()));

		assertThat(page.select(".form-error").text()).doesNotContain("Someone else saved the rules");
	}

	/** A manager saves well-formed rules on version 3; what customer-service answers is the test's to say. */
	private ResultActions saveValidRulesAsManager() throws Exception {
		return mvc.perform(post("/console/tiering").with(csrf()).with(as(TestTokens.staff("manager")))
			.param("version", "3").param("windowDays", "365").param("vipMonetary", "900000").param("vipFrequency", "12")
			.param("vipRecencyDays", "30").param("keyMonetary", "200000").param("keyFrequency", "4")
			.param("loyalOrders", "10").param("dormantAfterDays", "90").param("churnedAfterDays", "365"));
	}

	@Test
	void agentsCannotChangeTheRules() throws Exception {
		mvc.perform(post("/console/tiering").with(csrf()).with(as(TestTokens.staff("agent"))).param("version", "3")
			.param("windowDays", "30")).andExpect(status().isForbidden());
		verifyNoInteractions(policies);
	}

	@Test
	void customersCannotSeeTheRules() throws Exception {
		mvc.perform(get("/console/tiering").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		verifyNoInteractions(policies);
	}
}
