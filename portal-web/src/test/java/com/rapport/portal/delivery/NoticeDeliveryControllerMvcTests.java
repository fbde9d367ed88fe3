package com.rapport.portal.delivery;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.IncidentDeliveries;
import com.rapport.contracts.ordertracking.v1.ListIncidentDeliveriesResponse;
import com.rapport.contracts.ordertracking.v1.Notification;
import com.rapport.contracts.ordertracking.v1.NotificationState;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
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
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(NoticeDeliveryController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class NoticeDeliveryControllerMvcTests {

	static final Timestamp AT = Timestamp.newBuilder().setSeconds(1_796_054_400L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NoticeDeliveryClient deliveries;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static Notification notification(String id, String name, String address, NotificationState state) {
		return Notification.newBuilder().setId(id).setContactName(name).setAddress(address).setLanguage("en")
			.setState(state).setAttempts(state == NotificationState.NOTIFICATION_STATE_DEAD ? 10 : 1)
			.setLastError(state == NotificationState.NOTIFICATION_STATE_DEAD ? "554 mailbox unavailable" : "")
			.setCreatedAt(AT).build();
	}

	private static ListIncidentDeliveriesResponse answer() {
		return ListIncidentDeliveriesResponse.newBuilder().putStates("SENT", 1).putStates("DEAD", 1)
			.addOrganisations(IncidentDeliveries.newBuilder().setCustomerId("acme-retail").setOrderCount(3)
				.addOrderNumbers("ACME-1014").addOrderNumbers("ACME 1016")
				.addNotifications(notification("incident:n-1|bob@acme.example", "Bob Li", "bob@acme.example",
						NotificationState.NOTIFICATION_STATE_SENT).toBuilder().setSentAt(AT))
				.addNotifications(notification("incident:n-1|gavin@acme.example", "Gavin Wu", "gavin@acme.example",
						NotificationState.NOTIFICATION_STATE_DEAD)))
			.addOrganisations(IncidentDeliveries.newBuilder().setCustomerId("globex-trading").setOrderCount(1)
				.setWaiting(true))
			.addOrganisations(IncidentDeliveries.newBuilder().setCustomerId("initech").setOrderCount(1))
			.setNextPageToken("initech").build();
	}

	@Test
	void staffSeeEachOrganisationAndTheStateOfEachMailWithResendOnTheDeadOne() throws Exception {
		given(deliveries.deliveries("n-1", "")).willReturn(answer());

		Document page = page(mvc.perform(get("/console/incidents/n-1/deliveries").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("Deliveries of incident notice n-1");
		assertThat(page.select(".delivery-counts li").eachText()).containsExactly("Queued: 0", "Sent: 1",
				"Failed, retrying: 0", "Failed: 0", "Failed for good: 1");
		assertThat(page.select("section.delivery-organisation").eachAttr("data-organisation"))
			.containsExactly("acme-retail", "globex-trading", "initech");
		assertThat(page.select("tr.delivery-row").eachAttr("data-state")).containsExactly("SENT", "DEAD");
		assertThat(page.select("tr.delivery-row").get(1).text()).contains("Gavin Wu", "gavin@acme.example",
				"Failed for good", "10", "554 mailbox unavailable");
		assertThat(page.select("tr.delivery-row").get(0).select("button.delivery-resend")).isEmpty();
		assertThat(page.select("tr.delivery-row").get(1).select("form input[name=notificationId]").val())
			.isEqualTo("incident:n-1|gavin@acme.example");
		assertThat(page.select("tr.delivery-row").get(1).select("form input[name=_csrf]")).isNotEmpty();
		assertThat(page.select("[data-organisation=globex-trading] .delivery-waiting")).hasSize(1);
		assertThat(page.select("[data-organisation=initech] .delivery-none")).hasSize(1);
		assertThat(page.select("[data-organisation=acme-retail] a.delivery-order").eachAttr("href"))
			.containsExactly("/console/orders/acme-retail/ACME-1014", "/console/orders/acme-retail/ACME%201016");
		assertThat(page.select("[data-organisation=acme-retail] .delivery-orders").text()).endsWith("and 1 more");
		assertThat(page.select("[data-organisation=globex-trading] a.delivery-order")).isEmpty();
		assertThat(page.select("a.pager-next").attr("href")).isEqualTo("/console/incidents/n-1/deliveries?page=initech");
	}

	@Test
	void theDeadMailIsSentAgainAndThePageSaysSo() throws Exception {
		mvc.perform(post("/console/incidents/n-1/deliveries/resend").with(csrf()).with(as(TestTokens.staff("manager")))
			.param("notificationId", "incident:n-1|gavin@acme.example").param("page", ""))
			.andExpect(redirectedUrl("/console/incidents/n-1/deliveries?resent&page="));
		verify(deliveries).resend("incident:n-1|gavin@acme.example");
	}

	@Test
	void aMailStillBeingTriedIsNotSentTwiceAndThePageSaysWhy() throws Exception {
		given(deliveries.deliveries("n-1", "")).willReturn(answer());
		willThrow(new ConflictException(Message.of("notifications.not-failed", "x"))).given(deliveries).resend(anyString());

		Document page = page(mvc.perform(post("/console/incidents/n-1/deliveries/resend").with(csrf())
			.with(as(TestTokens.staff("agent"))).param("notificationId", "incident:n-1|bob@acme.example"))
			.andExpect(status().isConflict()));

		assertThat(page.select(".delivery-refused").text()).contains("is not failed or dead");
	}

	@Test
	void anUnknownNoticeIsNotFoundAndCustomersAreRefused() throws Exception {
		given(deliveries.deliveries("nope", "")).willThrow(new NotFoundException(Message.of("incidents.not-found", "nope")));
		mvc.perform(get("/console/incidents/nope/deliveries").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound());

		mvc.perform(get("/console/incidents/n-1/deliveries").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verify(deliveries).deliveries("nope", "");
	}
}
