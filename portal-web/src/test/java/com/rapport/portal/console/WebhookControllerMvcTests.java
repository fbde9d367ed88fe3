package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesResponse;
import com.rapport.contracts.ordertracking.v1.WebhookDelivery;
import com.rapport.contracts.ordertracking.v1.WebhookSubscription;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionDraft;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionWithSecret;
import com.rapport.contracts.ordertracking.v1.WebhookTry;
import com.rapport.portal.remote.WebhookClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(WebhookController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class WebhookControllerMvcTests {

	static final Timestamp AT = Timestamp.newBuilder().setSeconds(1_796_000_000L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	WebhookClient webhooks;

	static WebhookSubscription.Builder subscription(String id, String url) {
		return WebhookSubscription.newBuilder().setId(id).setUrl(url).addEvents("MILESTONE_REACHED")
			.addEvents("ORDER_CANCELLED").setDescription("Acme ERP").setEnabled(true).setCreatedBy("admin")
			.setCreatedAt(AT).setChangedBy("admin").setChangedAt(AT);
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void anAdminSeesEachSubscriptionWithItsStateAndLastDeliveryAndANoticeOfTheFailingOnes() throws Exception {
		given(webhooks.subscriptions()).willReturn(List.of(
				subscription("s1", "https://erp.acme.example/hooks").setLastAttemptAt(AT).setLastState("SENT")
					.setLastStatus(204).build(),
				subscription("s2", "https://wms.globex.example/in").setEnabled(false).setDisabledReason("FAILING")
					.setDisabledAt(AT).setLastAttemptAt(AT).setLastState("RETRYING").setLastStatus(503).build()));

		Document page = page(mvc.perform(get("/console/webhooks").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".webhook-row")).hasSize(2);
		assertThat(page.select(".webhook-row[data-subscription=s1] .webhook-url").attr("href"))
			.isEqualTo("/console/webhooks/s1");
		assertThat(page.select(".webhook-row[data-subscription=s1] .webhook-events").text())
			.isEqualTo("Milestone reached, Order cancelled");
		assertThat(page.select(".webhook-row[data-subscription=s1] .webhook-state").text()).isEqualTo("Enabled");
		assertThat(page.select(".webhook-row[data-subscription=s1] .webhook-last").text()).endsWith(": Delivered (204)");
		assertThat(page.select(".webhook-row[data-subscription=s2] .webhook-state").text()).isEqualTo("Disabled: failing");
		assertThat(page.select(".webhook-failing").text()).startsWith("One subscription was disabled because its deliveries failed for a day")
			.contains("https://wms.globex.example/in");
		assertThat(page.select("a.nav-webhooks").attr("href")).isEqualTo("/console/webhooks");
	}

	@Test
	void theListReadsInChinese() throws Exception {
		given(webhooks.subscriptions()).willReturn(List.of(subscription("s1", "https://erp.acme.example/hooks").build()));

		Document page = page(mvc.perform(get("/console/webhooks").header("Accept-Language", "zh-CN")
			.with(as(TestTokens.staff("admin")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("Webhook 订阅");
		assertThat(page.select(".webhook-events").text()).isEqualTo("到达里程碑, 订单已取消");
		assertThat(page.select(".webhook-last").text()).isEqualTo("尚无");
	}

	@Test
	void creatingASubscriptionShowsItsSecretOnceOnTheAnswerAndNeverInTheAddress() throws Exception {
		given(webhooks.create(any())).willReturn(WebhookSubscriptionWithSecret.newBuilder()
			.setSubscription(subscription("s9", "https://erp.acme.example/hooks")).setSecret("whsec_abc123").build());

		ResultActions answer = mvc.perform(post("/console/webhooks").with(csrf()).with(as(TestTokens.staff("admin")))
			.param("url", " https://erp.acme.example/hooks ").param("events", "MILESTONE_REACHED", "ORDER_CANCELLED")
			.param("description", "Acme ERP")).andExpect(status().isCreated());
		Document page = page(answer);

		assertThat(page.select(".webhook-secret").text()).isEqualTo("whsec_abc123");
		assertThat(page.select(".notice.saved").text()).contains("https://erp.acme.example/hooks");
		ArgumentCaptor<WebhookSubscriptionDraft> draft = ArgumentCaptor.forClass(WebhookSubscriptionDraft.class);
		verify(webhooks).create(draft.capture());
		assertThat(draft.getValue().getUrl()).isEqualTo("https://erp.acme.example/hooks");
		assertThat(draft.getValue().getEventsList()).containsExactly("MILESTONE_REACHED", "ORDER_CANCELLED");
	}

	@Test
	void aBadAddressComesBackWithWhatWasTypedAndTheFieldNamed() throws Exception {
		given(webhooks.create(any())).willThrow(new UnprocessableException(Message.of("problem.invalid-fields"),
				Map.of("url", Message.of("webhooks.url.format"))));

		Document page = page(mvc.perform(post("/console/webhooks").with(csrf()).with(as(TestTokens.staff("admin")))
			.param("url", "ftp://erp.acme.example").param("events", "ORDER_PLACED")).andExpect(status().is(422)));

		assertThat(page.select(".field-error[data-field=url]").text())
			.isEqualTo("Check this field: must be an absolute http or https address");
		assertThat(page.select("input#url").val()).isEqualTo("ftp://erp.acme.example");
		assertThat(page.select("input[name=events][value=ORDER_PLACED]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=events][value=ORDER_CANCELLED]").hasAttr("checked")).isFalse();
		assertThat(page.select("form.webhook-form input[name=_csrf]")).isNotEmpty();
	}

	@Test
	void theEditFormHoldsTheStoredValuesAndSavesToTheSubscription() throws Exception {
		given(webhooks.subscription("s1")).willReturn(subscription("s1", "https://erp.acme.example/hooks").build());

		Document form = page(mvc.perform(get("/console/webhooks/s1/edit").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()));
		assertThat(form.select("form.webhook-form").attr("action")).isEqualTo("/console/webhooks/s1");
		assertThat(form.select("input#url").val()).isEqualTo("https://erp.acme.example/hooks");
		assertThat(form.select("input[name=events][checked]").eachAttr("value"))
			.containsExactly("MILESTONE_REACHED", "ORDER_CANCELLED");

		mvc.perform(post("/console/webhooks/s1").with(csrf()).with(as(TestTokens.staff("admin")))
			.param("url", "https://erp.acme.example/v2").param("events", "ORDER_PLACED"))
			.andExpect(redirectedUrl("/console/webhooks/s1?notice=saved"));
		verify(webhooks).update(eq("s1"), any());
	}

	@Test
	void theHistoryListsDeliveriesWithTheirTriesAndAReplayButtonForFinishedOnes() throws Exception {
		given(webhooks.subscription("s1")).willReturn(subscription("s1", "https://erp.acme.example/hooks").build());
		given(webhooks.deliveries("s1", 0, WebhookController.PAGE)).willReturn(ListWebhookDeliveriesResponse.newBuilder()
			.addDeliveries(delivery("d2", "RETRYING").setNextAttemptAt(AT)
				.addTries(WebhookTry.newBuilder().setAt(AT).setStatus(503).setDurationMillis(41)))
			.addDeliveries(delivery("d1", "DEAD")
				.addTries(WebhookTry.newBuilder().setAt(AT).setError("ConnectException: refused").setDurationMillis(3)))
			.setMore(true).build());

		Document page = page(mvc.perform(get("/console/webhooks/s1").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isOk()));

		assertThat(page.select(".delivery-row")).extracting(r -> r.attr("data-delivery")).containsExactly("d2", "d1");
		assertThat(page.select(".delivery-row[data-delivery=d2] .delivery-state").text()).startsWith("Failed, retrying next try");
		assertThat(page.select(".delivery-row[data-delivery=d2] .tries li").text()).contains("503").endsWith("41 ms");
		assertThat(page.select(".delivery-row[data-delivery=d1] .tries li").text()).contains("— ConnectException: refused");
		assertThat(page.select(".delivery-row[data-delivery=d2] form.delivery-replay")).isEmpty();
		assertThat(page.select(".delivery-row[data-delivery=d1] form.delivery-replay input[name=deliveryId]").val())
			.isEqualTo("d1");
		assertThat(page.select(".delivery-row[data-delivery=d1] form.delivery-replay input[name=_csrf]")).hasSize(1);
		assertThat(page.select("a.older").attr("href")).isEqualTo("/console/webhooks/s1?page=1");
		assertThat(page.select("a.newer")).isEmpty();
		assertThat(page.select("form.webhook-disable")).hasSize(1);
		assertThat(page.select("form.webhook-enable")).isEmpty();
	}

	@Test
	void aReplayIsQueuedOrItsRefusalSaidOnThePage() throws Exception {
		mvc.perform(post("/console/webhooks/s1/replay").with(csrf()).with(as(TestTokens.staff("admin")))
			.param("deliveryId", "d1")).andExpect(redirectedUrl("/console/webhooks/s1?notice=replayed&page=0"));
		verify(webhooks).replay("d1");

		given(webhooks.replay("d2")).willThrow(new ConflictException(Message.of("webhooks.delivery-pending", "d2")));
		given(webhooks.subscription("s1")).willReturn(subscription("s1", "https://erp.acme.example/hooks").build());
		given(webhooks.deliveries(eq("s1"), anyInt(), anyInt())).willReturn(ListWebhookDeliveriesResponse.getDefaultInstance());
		Document page = page(mvc.perform(post("/console/webhooks/s1/replay").with(csrf())
			.with(as(TestTokens.staff("admin"))).param("deliveryId", "d2")).andExpect(status().isConflict()));
		assertThat(page.select(".replay-refused").text()).startsWith("Webhook delivery d2 is still being tried");
	}

	@Test
	void rotatingTheSecretShowsTheNewOneOnce() throws Exception {
		given(webhooks.rotateSecret("s1")).willReturn(WebhookSubscriptionWithSecret.newBuilder()
			.setSubscription(subscription("s1", "https://erp.acme.example/hooks")).setSecret("whsec_new").build());

		Document page = page(mvc.perform(post("/console/webhooks/s1/secret").with(csrf())
			.with(as(TestTokens.staff("admin")))).andExpect(status().isOk()));

		assertThat(page.select(".webhook-secret").text()).isEqualTo("whsec_new");
		assertThat(page.select(".notice.saved").text()).contains("new secret");
	}

	@Test
	void enablingDisablingAndDeletingGoBackToThePages() throws Exception {
		mvc.perform(post("/console/webhooks/s1/disable").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/webhooks/s1?notice=disabled"));
		mvc.perform(post("/console/webhooks/s1/enable").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/webhooks/s1?notice=enabled"));
		mvc.perform(post("/console/webhooks/s1/delete").with(csrf()).with(as(TestTokens.staff("admin"))))
			.andExpect(redirectedUrl("/console/webhooks?notice=deleted"));
		verify(webhooks).disable("s1");
		verify(webhooks).enable("s1");
		verify(webhooks).delete("s1");
	}

	@Test
	void everyoneButAnAdminIsRefusedEveryWebhookPage() throws Exception {
		for (String token : List.of(TestTokens.staff("agent"), TestTokens.staff("manager"),
				TestTokens.customer("acme-retail"))) {
			mvc.perform(get("/console/webhooks").with(as(token))).andExpect(status().isForbidden());
			mvc.perform(get("/console/webhooks/new").with(as(token))).andExpect(status().isForbidden());
			mvc.perform(get("/console/webhooks/s1").with(as(token))).andExpect(status().isForbidden());
			mvc.perform(get("/console/webhooks/s1/edit").with(as(token))).andExpect(status().isForbidden());
			for (String action : List.of("", "/s1", "/s1/enable", "/s1/disable", "/s1/delete", "/s1/secret", "/s1/replay")) {
				mvc.perform(post("/console/webhooks" + action).with(csrf()).with(as(token)).param("deliveryId", "d1"))
					.andExpect(status().isForbidden());
			}
		}
		verifyNoInteractions(webhooks);
	}

	private static WebhookDelivery.Builder delivery(String id, String state) {
		return WebhookDelivery.newBuilder().setId(id).setSubscriptionId("s1").setEventType("MILESTONE_REACHED")
			.setOrderNumber("PO-1").setState(state).setCreatedAt(AT);
	}
}
