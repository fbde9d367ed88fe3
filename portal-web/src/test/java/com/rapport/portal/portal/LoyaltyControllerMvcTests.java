package com.rapport.portal.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.LedgerEntry;
import com.rapport.contracts.customer.v1.LedgerEntryKind;
import com.rapport.contracts.customer.v1.LoyaltyAccount;
import com.rapport.contracts.customer.v1.Redemption;
import com.rapport.contracts.customer.v1.Reward;
import com.rapport.contracts.customer.v1.RewardKind;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.LoyaltyClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import jakarta.servlet.http.Cookie;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LoyaltyController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class LoyaltyControllerMvcTests {

	static final Timestamp AT = Timestamp.newBuilder().setSeconds(1_764_556_200L).build();

	static final LoyaltyAccount ACME = LoyaltyAccount.newBuilder().setOrganisationId("acme-retail").setBalance(2_092)
		.setTier(Tier.TIER_VIP).setMultiplier("1.5").setPointsPerUnit("0.01").setCurrency("CNY").setExpiryMonths(24)
		.setVipMultiplier("1.5").setKeyMultiplier("1.2").setNormalMultiplier("1")
		.addEntries(LedgerEntry.newBuilder().setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_REDEEMED).setPoints(-500)
			.setBalanceAfter(2_092).setReference("Free shipping").setNote("免运费").setOccurredAt(AT))
		.addEntries(LedgerEntry.newBuilder().setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_EARNED).setPoints(1_296)
			.setBalanceAfter(2_592).setReference("ACME-1012").setOccurredAt(AT))
		.build();

	static final Reward SHIPPING = Reward.newBuilder().setId("free-shipping").setKind(RewardKind.REWARD_KIND_FREE_SHIPPING)
		.setNameEn("Free shipping").setNameZh("免运费").setPointsCost(500).setActive(true).build();

	static final Reward TRAINING = Reward.newBuilder().setId("training").setKind(RewardKind.REWARD_KIND_TRAINING)
		.setNameEn("Training").setNameZh("培训").setPointsCost(3_000).setHasStock(true).setStock(5).setActive(true)
		.build();

	static final Reward SUPPORT = Reward.newBuilder().setId("support").setKind(RewardKind.REWARD_KIND_PRIORITY_SUPPORT)
		.setNameEn("Priority support").setNameZh("优先支持").setPointsCost(1_500).setLimitPerOrganisation(1)
		.setRedeemedByOrganisation(1).setActive(true).build();

	static final Reward CREDIT = Reward.newBuilder().setId("credit").setKind(RewardKind.REWARD_KIND_CREDIT_NOTE)
		.setNameEn("Credit note").setNameZh("抵用券").setPointsCost(100).setHasStock(true).setStock(0).setActive(true)
		.build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LoyaltyClient loyalty;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void acme() {
		given(loyalty.account("acme-retail")).willReturn(ACME);
		given(loyalty.rewards("acme-retail")).willReturn(List.of(SHIPPING, TRAINING, SUPPORT, CREDIT));
	}

	@Test
	void aContactSeesTheBalanceTheTierBenefitsTheRewardsItCanRedeemAndTheHistory() throws Exception {
		Document page = page(mvc.perform(get("/portal/loyalty").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));

		assertThat(page.select(".loyalty-balance").text()).isEqualTo("2,092");
		assertThat(page.select(".loyalty-tier").text()).isEqualTo("VIP");
		assertThat(page.select(".loyalty-earning").text()).startsWith("0.01 points per CNY").contains("times 1.5",
				"24 months");
		assertThat(page.select(".tier-benefit").eachAttr("data-tier")).containsExactly("VIP", "KEY", "NORMAL");
		assertThat(page.select(".tier-benefit.own-tier").attr("data-tier")).isEqualTo("VIP");
		assertThat(page.select(".tier-benefit[data-tier=KEY]").text()).contains("points times 1.2");
		assertThat(page.select("tr.reward-row").eachAttr("data-reward")).containsExactly("free-shipping", "training",
				"support", "credit");
		assertThat(page.select("tr[data-reward=free-shipping] form.redeem-form input[name=rewardId]").val())
			.isEqualTo("free-shipping");
		assertThat(page.select("tr[data-reward=free-shipping] form.redeem-form input[name=_csrf]").val())
			.isEqualTo("t0k3n");
		assertThat(page.select("tr[data-reward=free-shipping] input[name=requestId]").val()).isNotBlank();
		assertThat(page.select("tr[data-reward=training] .why-not").text()).isEqualTo("Not enough points yet");
		assertThat(page.select("tr[data-reward=training] .reward-availability").text()).isEqualTo("5 left");
		assertThat(page.select("tr[data-reward=support] .why-not").text()).isEqualTo("Limit reached");
		assertThat(page.select("tr[data-reward=credit] .why-not").text()).isEqualTo("Out of stock");
		assertThat(page.select("form.redeem-form")).hasSize(1);
		assertThat(page.select("tr.ledger-row").eachAttr("data-kind")).containsExactly("REDEEMED", "EARNED");
		assertThat(page.select("tr.ledger-row .ledger-what").eachText()).containsExactly("Redeemed: Free shipping",
				"Order ACME-1012 delivered");
		assertThat(page.select("tr.ledger-row .ledger-points").eachText()).containsExactly("-500", "+1,296");
		assertThat(page.select("tr.ledger-row td").first().attr("data-label")).isEqualTo("When");
		assertThat(page.select(".topbar .nav-loyalty").attr("href")).isEqualTo("/portal/loyalty");
	}

	@Test
	void theWholePageSpeaksChineseToAChineseReader() throws Exception {
		Document page = page(mvc.perform(get("/portal/loyalty").param("lang", "zh-CN")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("忠诚度积分");
		assertThat(page.select("tr[data-reward=free-shipping] .reward-name").text()).isEqualTo("免运费");
		assertThat(page.select("tr.ledger-row .ledger-what").first().text()).isEqualTo("兑换：免运费");
		assertThat(page.select(".tier-benefit[data-tier=VIP]").text()).contains("积分乘以 1.5");
	}

	@Test
	void redeemingSendsTheRequestIdAndSaysWhatWasRedeemed() throws Exception {
		given(loyalty.redeem("acme-retail", "free-shipping", "req-1")).willReturn(Redemption.newBuilder()
			.setRewardId("free-shipping").setBalance(1_592).setCreated(true).build());

		mvc.perform(post("/portal/loyalty/redeem").param("rewardId", "free-shipping").param("requestId", "req-1")
			.with(as(TestTokens.customer("acme-retail"))))
			.andExpect(redirectedUrl("/portal/loyalty?redeemed=free-shipping"));
		verify(loyalty).redeem("acme-retail", "free-shipping", "req-1");

		Document page = page(mvc.perform(get("/portal/loyalty").param("redeemed", "free-shipping")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));
		assertThat(page.select("#notice").text()).startsWith("Redeemed: Free shipping.");
	}

	@Test
	void aRefusalIsSaidInTheReadersLanguageAndNothingIsRedeemed() throws Exception {
		given(loyalty.redeem("acme-retail", "training", "req-2")).willThrow(
				new ConflictException(Message.of("loyalty.reward.out-of-stock", "Training")));

		Document page = page(mvc.perform(post("/portal/loyalty/redeem").param("rewardId", "training")
			.param("requestId", "req-2").param("lang", "zh-CN").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isConflict()));

		assertThat(page.select("#refusal").text()).isEqualTo("奖励“Training”已无库存。");
		assertThat(page.select(".loyalty-balance").text()).isEqualTo("2,092");
	}

	@Test
	void staffAndStrangersAreRefusedWithoutAnyCall() throws Exception {
		mvc.perform(get("/portal/loyalty").with(as(TestTokens.staff("manager")))).andExpect(status().isForbidden());
		mvc.perform(post("/portal/loyalty/redeem").param("rewardId", "x").param("requestId", "y")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(get("/portal/loyalty")).andExpect(status().isUnauthorized());
		verifyNoInteractions(loyalty);
	}
}
