package com.rapport.portal.portal;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.InboxItem;
import com.rapport.contracts.ordertracking.v1.ListMyInboxResponse;
import com.rapport.portal.remote.InboxClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
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
import org.springframework.test.web.servlet.MvcResult;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal inbox and the header's unread count, as a contact sees them (pages parsed as HTML). */
@WebMvcTest({ InboxController.class, NotificationSettingsController.class })
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class InboxControllerMvcTests {

	static final String ALICE = TestTokens.customer("acme-retail");

	static final InboxItem SHIPPED = InboxItem.newBuilder().setId("item-1").setKind("MILESTONE_REACHED")
		.setOrderId("o-1").setOrderNumber("ACME-1016").putFacts("code", "SHIPPED").putFacts("place", "Shenzhen")
		.setOccurredAt(at("2026-11-30T10:00:00Z")).setCreatedAt(at("2026-11-30T10:01:00Z")).build();

	static final InboxItem DELAYED = InboxItem.newBuilder().setId("item-2").setKind("ORDER_DELAYED")
		.setOrderId("o-1").setOrderNumber("ACME-1016").putFacts("reason", "Paint line down")
		.setOccurredAt(at("2026-11-29T10:00:00Z")).setCreatedAt(at("2026-11-29T10:01:00Z")).build();

	static final InboxItem INCIDENT = InboxItem.newBuilder().setId("item-3").setKind("INCIDENT_NOTICE")
		.putFacts("order_count", "2").putFacts("cause", "Gas lifts may sink").setRead(true)
		.setOccurredAt(at("2026-11-28T10:00:00Z")).setCreatedAt(at("2026-11-28T10:01:00Z")).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InboxClient inbox;

	private static Timestamp at(String instant) {
		Instant i = Instant.parse(instant);
		return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private void inboxHolds(long total, InboxItem... items) {
		long unread = java.util.Arrays.stream(items).filter(i -> !i.getRead()).count();
		given(inbox.page(anyInt(), anyInt())).willReturn(ListMyInboxResponse.newBuilder()
			.addAllItems(java.util.List.of(items)).setTotal(total).setUnread(unread).build());
	}

	@Test
	void theInboxListsTheContactsNewsNewestFirstWithTheUnreadOnesMarkedAndTheCountInTheHeader() throws Exception {
		inboxHolds(3, SHIPPED, DELAYED, INCIDENT);
		Document page = page(mvc.perform(get("/portal/inbox").cookie(new Cookie("XSRF-TOKEN", "t0k3n")).with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".inbox-item .inbox-headline").eachText()).containsExactly("Order ACME-1016: Shipped",
				"Order ACME-1016 is delayed", "Incident notice about 2 of your orders");
		assertThat(page.select(".inbox-item.unread").eachAttr("data-id")).containsExactly(SHIPPED.getId(),
				DELAYED.getId());
		assertThat(page.select(".inbox-item .inbox-detail").eachText()).containsExactly("Shenzhen", "Paint line down",
				"Gas lifts may sink");
		assertThat(page.select("#item-0 a.inbox-order").attr("href")).isEqualTo("/portal/orders/o-1");
		assertThat(page.select("#item-2 a.inbox-order")).isEmpty();
		assertThat(page.select("#item-2 form.mark-read")).isEmpty();
		assertThat(page.select("#inbox-summary").text()).isEqualTo("3 messages, 2 unread");
		assertThat(page.select("header .nav-inbox .unread-count").text()).isEqualTo("2");
		assertThat(page.select("header .nav-inbox").attr("aria-label")).isEqualTo("Inbox, 2 unread");
		assertThat(page.select("#mark-all input[name=_csrf]").val()).isEqualTo("t0k3n");
		assertThat(page.select("#item-0 form.mark-read").attr("action"))
			.isEqualTo("/portal/inbox/item-1/read?page=0");
		assertThat(page.select(".pager")).isEmpty();
	}

	@Test
	void theInboxSpeaksTheReadersLanguage() throws Exception {
		inboxHolds(2, SHIPPED, DELAYED);
		Document page = page(mvc.perform(get("/portal/inbox").param("lang", "zh-CN").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select(".inbox-item .inbox-headline").eachText()).containsExactly("订单 ACME-1016：已发货",
				"订单 ACME-1016 延误");
		assertThat(page.select("h1").text()).isEqualTo("您的收件箱");
		assertThat(page.select("header .nav-inbox").attr("aria-label")).isEqualTo("收件箱，2 条未读");
	}

	@Test
	void anEmptyInboxSaysSoAndShowsNoCount() throws Exception {
		inboxHolds(0);
		Document page = page(mvc.perform(get("/portal/inbox").with(as(ALICE))).andExpect(status().isOk()).andReturn());
		assertThat(page.select("#inbox-empty").text()).startsWith("Nothing here yet");
		assertThat(page.select("#mark-all")).isEmpty();
		assertThat(page.select("header .unread-count")).isEmpty();
	}

	@Test
	void olderPagesAreReachedAndAPageNumberThatIsNoneIsTheFirst() throws Exception {
		inboxHolds(45, SHIPPED);
		Document second = page(mvc.perform(get("/portal/inbox").param("page", "1").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		verify(inbox).page(1, InboxController.PAGE_SIZE);
		assertThat(second.select("#newer").attr("href")).isEqualTo("/portal/inbox?page=0");
		assertThat(second.select("#older").attr("href")).isEqualTo("/portal/inbox?page=2");

		mvc.perform(get("/portal/inbox").param("page", "lots").with(as(ALICE))).andExpect(status().isOk());
		mvc.perform(get("/portal/inbox").param("page", "-4").with(as(ALICE))).andExpect(status().isOk());
		verify(inbox, org.mockito.Mockito.times(2)).page(0, InboxController.PAGE_SIZE);
	}

	@Test
	void markingOneReadGoesBackToItsPageAndMarkingAllSaysHowMany() throws Exception {
		mvc.perform(post("/portal/inbox/{id}/read", SHIPPED.getId()).param("page", "2").with(as(ALICE)))
			.andExpect(redirectedUrl("/portal/inbox?page=2"));
		verify(inbox).markRead(SHIPPED.getId());

		given(inbox.markAllRead()).willReturn(2L);
		mvc.perform(post("/portal/inbox/read").with(as(ALICE))).andExpect(redirectedUrl("/portal/inbox?marked=2"));
		inboxHolds(1, INCIDENT);
		Document page = page(mvc.perform(get("/portal/inbox").param("marked", "2").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("#marked").text()).isEqualTo("2 messages marked as read.");
		Document edited = page(mvc.perform(get("/portal/inbox").param("marked", "lots").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(edited.select("#marked")).isEmpty();
	}

	@Test
	void anItemThatIsNotTheContactsOwnIsNotFound() throws Exception {
		given(inbox.markRead("someone-elses")).willThrow(NotFoundException.withoutCode("No inbox item"));
		mvc.perform(post("/portal/inbox/{id}/read", "someone-elses").with(as(ALICE))).andExpect(status().isNotFound());
	}

	@Test
	void everyPortalPageShowsTheUnreadCountInItsHeader() throws Exception {
		given(inbox.unread()).willReturn(3L);
		given(inbox.preferences()).willReturn(NotificationSettingsControllerMvcTests.DEFAULTS);
		Document page = page(mvc.perform(get("/portal/notification-settings").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("header .nav-inbox .unread-count").text()).isEqualTo("3");
		assertThat(page.select("header .nav-inbox").attr("href")).isEqualTo("/portal/inbox");
	}

	@Test
	void aPageIsShownWithoutTheCountWhenTheInboxCannotBeAsked() throws Exception {
		given(inbox.unread()).willThrow(new RemoteUnavailableException("order-tracking-service", null));
		given(inbox.preferences()).willReturn(NotificationSettingsControllerMvcTests.DEFAULTS);
		Document page = page(mvc.perform(get("/portal/notification-settings").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("header .nav-inbox").text()).isEqualTo("Inbox");
		assertThat(page.select("header .unread-count")).isEmpty();
	}

	@Test
	void staffHaveNoInbox() throws Exception {
		mvc.perform(get("/portal/inbox").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/portal/inbox/read").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		verify(inbox, never()).page(anyInt(), anyInt());
		verify(inbox, never()).markRead(anyString());
		verify(inbox, never()).unread();
	}
}
