package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.LoyaltyRules;
import com.rapport.contracts.customer.v1.Reward;
import com.rapport.contracts.customer.v1.RewardKind;
import com.rapport.portal.remote.LoyaltyClient;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LoyaltySettingsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class LoyaltySettingsControllerMvcTests {

	static final LoyaltyRules DEFAULTS = LoyaltyRules.newBuilder().setPointsPerUnit("0.01").setCurrency("CNY")
		.setVipMultiplier("1.5").setKeyMultiplier("1.2").setNormalMultiplier("1").setExpiryMonths(24)
		.setReferralBonus(1000).build();

	static final Reward TRAINING = Reward.newBuilder().setId("training").setKind(RewardKind.REWARD_KIND_TRAINING)
		.setNameEn("On-site training").setNameZh("现场培训").setPointsCost(3_000).setHasStock(true).setStock(5)
		.setLimitPerOrganisation(2).setActive(true).setVersion(3).build();

	static final Reward OLD = Reward.newBuilder().setId("old").setKind(RewardKind.REWARD_KIND_CREDIT_NOTE)
		.setNameEn("Old credit").setNameZh("旧抵用券").setPointsCost(100).setActive(false).setVersion(1).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LoyaltyClient loyalty;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void catalogue() {
		given(loyalty.rules()).willReturn(DEFAULTS);
		given(loyalty.rewards(null)).willReturn(List.of(TRAINING, OLD));
	}

	@Test
	void aManagerSeesTheRulesInWordsTheirFormAndTheWholeCatalogue() throws Exception {
		Document page = page(mvc.perform(get("/console/loyalty").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".loyalty-rules-words").text()).isEqualTo("0.01 points per CNY of each delivered order, "
				+ "times 1.5 for VIP, 1.2 for key and 1 for normal customers, rounded down; points expire after 24 months.");
		assertThat(page.select(".loyalty-version").text()).startsWith("The configured defaults apply");
		assertThat(page.select("form.loyalty-rules-form input[name=pointsPerUnit]").val()).isEqualTo("0.01");
		assertThat(page.select("form.loyalty-rules-form input[name=expiryMonths]").val()).isEqualTo("24");
		assertThat(page.select("form.loyalty-rules-form input[name=referralBonus]").val()).isEqualTo("1000");
		assertThat(page.select(".loyalty-referral-words").text()).isEqualTo("A customer that invites a company earns "
				+ "1,000 points once that company has become a customer and its first order is delivered.");
		assertThat(page.select("tr.catalogue-row").eachAttr("data-reward")).containsExactly("training", "old");
		assertThat(page.select("tr[data-reward=training] .catalogue-stock").text()).isEqualTo("5");
		assertThat(page.select("tr[data-reward=old] .catalogue-state").text()).isEqualTo("Withdrawn");
		assertThat(page.select("a.edit-reward").first().attr("href")).isEqualTo("/console/loyalty/rewards/training");
		assertThat(page.select("tr.catalogue-row td").first().attr("data-label")).isEqualTo("Reward");
		assertThat(page.select(".topbar .nav-loyalty-settings").attr("href")).isEqualTo("/console/loyalty");
	}

	@Test
	void savingTheRulesSendsThemWithTheVersionReadAndRefusalsComeBackBesideTheFields() throws Exception {
		mvc.perform(post("/console/loyalty/rules").with(as(TestTokens.staff("admin"))).param("version", "0")
			.param("pointsPerUnit", "0.02").param("vipMultiplier", "2").param("keyMultiplier", "1.5")
			.param("normalMultiplier", "1").param("expiryMonths", "12").param("referralBonus", "1500"))
			.andExpect(redirectedUrl("/console/loyalty?notice=rules-saved"));
		ArgumentCaptor<LoyaltyRules> sent = ArgumentCaptor.forClass(LoyaltyRules.class);
		verify(loyalty).updateRules(sent.capture());
		assertThat(sent.getValue().getPointsPerUnit()).isEqualTo("0.02");
		assertThat(sent.getValue().getExpiryMonths()).isEqualTo(12);
		assertThat(sent.getValue().getReferralBonus()).isEqualTo(1500);

		given(loyalty.updateRules(any())).willThrow(new UnprocessableException(Message.of("loyalty.rules-invalid"),
				Map.of("vipMultiplier", Message.of("loyalty.rules.multiplier.range", "10"))));
		Document page = page(mvc.perform(post("/console/loyalty/rules").with(as(TestTokens.staff("manager")))
			.param("version", "0").param("pointsPerUnit", "0.02").param("vipMultiplier", "99")
			.param("keyMultiplier", "1.5").param("normalMultiplier", "1").param("expiryMonths", "12")
			.param("referralBonus", "1000").param("lang", "zh-CN"))
			.andExpect(status().isUnprocessableContent()));
		assertThat(page.select(".field-error[data-field=vipMultiplier]").text()).contains("0 到 10 之间的数字");
		assertThat(page.select("input[name=vipMultiplier]").val()).isEqualTo("99");

		Document notWhole = page(mvc.perform(post("/console/loyalty/rules").with(as(TestTokens.staff("manager")))
			.param("version", "0").param("pointsPerUnit", "0.02").param("vipMultiplier", "2")
			.param("keyMultiplier", "1.5").param("normalMultiplier", "1").param("expiryMonths", "a year")
			.param("referralBonus", "1000"))
			.andExpect(status().isUnprocessableContent()));
		assertThat(notWhole.select(".field-error[data-field=expiryMonths]")).hasSize(1);
	}

	@Test
	void aRewardIsEditedWithItsVersionAndAStaleSaveSaysSomeoneSavedMeanwhile() throws Exception {
		Document form = page(mvc.perform(get("/console/loyalty/rewards/training").with(as(TestTokens.staff("manager"))))
			.andExpect(status().isOk()));
		assertThat(form.select("input[name=version]").val()).isEqualTo("3");
		assertThat(form.select("input[name=stock]").val()).isEqualTo("5");
		assertThat(form.select("#kind option[selected]").val()).isEqualTo("TRAINING");

		mvc.perform(post("/console/loyalty/rewards").with(as(TestTokens.staff("manager"))).param("id", "training")
			.param("version", "3").param("kind", "TRAINING").param("nameEn", "On-site training").param("nameZh", "现场培训")
			.param("pointsCost", "2500").param("stock", "").param("limitPerOrganisation", "2").param("active", "true"))
			.andExpect(redirectedUrl("/console/loyalty?notice=reward-saved"));
		ArgumentCaptor<Reward> sent = ArgumentCaptor.forClass(Reward.class);
		verify(loyalty).saveReward(sent.capture());
		assertThat(sent.getValue().getPointsCost()).isEqualTo(2500);
		assertThat(sent.getValue().getHasStock()).as("an empty stock is unlimited").isFalse();
		assertThat(sent.getValue().getVersion()).isEqualTo(3);

		given(loyalty.saveReward(any())).willThrow(new ConflictException(Message.of("loyalty.reward.changed-meanwhile",
				"training")));
		Document stale = page(mvc.perform(post("/console/loyalty/rewards").with(as(TestTokens.staff("manager")))
			.param("id", "training").param("version", "2").param("kind", "TRAINING").param("nameEn", "X")
			.param("nameZh", "X").param("pointsCost", "1").param("limitPerOrganisation", "0"))
			.andExpect(status().isConflict()));
		assertThat(stale.select(".form-error").text()).isEqualTo("The reward training was changed meanwhile: read it again.");
	}

	@Test
	void agentsAndCustomersAreRefusedWithoutAnyCall() throws Exception {
		mvc.perform(get("/console/loyalty").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/console/loyalty/rules").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/loyalty/rewards/new").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(loyalty);
	}
}
