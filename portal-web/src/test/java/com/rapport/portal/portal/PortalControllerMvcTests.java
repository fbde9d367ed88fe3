package com.rapport.portal.portal;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Money;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderLine;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import io.grpc.Status;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(PortalController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class PortalControllerMvcTests {

	/** 2025-12-01 02:30 UTC, 10:30 in Shanghai (the configured default zone). */
	static final Timestamp PLACED_AT = Timestamp.newBuilder().setSeconds(1_764_556_200L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderClient orders;

	@Test
	void customerSeesOnlyTheOrdersTheServiceGivesWithStatusAndTotal() throws Exception {
		given(orders.orders("", 25)).willReturn(listing(
				order("o-1", "ACME-1001", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 1_250_000)),
				order("o-2", "ACME-1002", MilestoneCode.MILESTONE_CODE_CONFIRMED, money("JPY", 98_000))));

		Document page = page(mvc.perform(get("/portal").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(view().name("portal/orders"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Your orders");
		assertThat(page.select("tr.order-row").eachAttr("data-order-number")).containsExactly("ACME-1001", "ACME-1002");
		Element first = page.selectFirst("tr.order-row");
		assertThat(first.select("a").attr("href")).isEqualTo("/portal/orders/o-1");
		assertThat(first.select(".badge").text()).isEqualTo("Shipped");
		assertThat(first.select("td.num").text()).isEqualTo("CNY 12,500.00");
		assertThat(first.text()).contains("Dec 1, 2025").contains("10:30").contains("Dec 10, 2025");
		assertThat(page.select("tr.order-row").get(1).select(".badge").text()).isEqualTo("Confirmed");
		assertThat(page.select("tr.order-row").get(1).select("td.num").text()).isEqualTo("JPY 98,000");
		assertThat(page.select("p.muted").text()).isEqualTo("Orders of Acme Retail");
		assertThat(page.select(".viewer")).hasSize(1);
	}

	@Test
	void olderOrdersAreALinkAwayAndTheNewestOneMore() throws Exception {
		given(orders.orders("", 25)).willReturn(listing(
				order("o-1", "ACME-1030", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 100)))
			.toBuilder().setNextPageToken("cGFnZTox").build());
		given(orders.orders("cGFnZTox", 25)).willReturn(listing(
				order("o-2", "ACME-1005", MilestoneCode.MILESTONE_CODE_DELIVERED, money("CNY", 100))));

		Document first = page(mvc.perform(get("/portal").with(as(TestTokens.customer("acme-retail")))).andReturn());
		assertThat(first.select(".pager-older").attr("href")).isEqualTo("/portal?page=cGFnZTox");
		assertThat(first.select(".pager-older").text()).isEqualTo("Older orders →");
		assertThat(first.select(".pager-newest")).isEmpty();

		Document second = page(mvc.perform(get("/portal").param("page", "cGFnZTox")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn());
		assertThat(second.select("tr.order-row").eachAttr("data-order-number")).containsExactly("ACME-1005");
		assertThat(second.select(".pager-newest").attr("href")).isEqualTo("/portal");
		assertThat(second.select(".pager-older")).isEmpty();
	}

	@Test
	void aCustomerSearchesByNumberSkuAndStatusAndEachPageKeepsTheSearch() throws Exception {
		given(orders.search("ACME-10", "CHAIR-ERG-01", MilestoneCode.MILESTONE_CODE_SHIPPED, "", 25)).willReturn(listing(
				order("o-1", "ACME-1016", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 100)))
			.toBuilder().setNextPageToken("cGFnZTox").build());

		Document page = page(mvc.perform(get("/portal").param("number", " ACME-10 ").param("sku", "CHAIR-ERG-01")
			.param("status", "SHIPPED").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("tr.order-row").eachAttr("data-order-number")).containsExactly("ACME-1016");
		assertThat(page.select("form.order-search input#number").val()).isEqualTo("ACME-10");
		assertThat(page.select("form.order-search input#sku").val()).isEqualTo("CHAIR-ERG-01");
		assertThat(page.select("form.order-search select#status option[selected]").val()).isEqualTo("SHIPPED");
		assertThat(page.select("form.order-search select#status option").eachAttr("value")).contains("", "PLACED",
				"DELIVERED", "EXCEPTION");
		assertThat(page.select(".pager-older").attr("href"))
			.isEqualTo("/portal?number=ACME-10&sku=CHAIR-ERG-01&status=SHIPPED&page=cGFnZTox");
		assertThat(page.select(".search-clear").attr("href")).isEqualTo("/portal");
	}

	@Test
	void thePagesGoBackOneByOneAndToTheFirst() throws Exception {
		given(orders.search("", "DESK-01", MilestoneCode.MILESTONE_CODE_UNSPECIFIED, "cGFnZToy", 25)).willReturn(listing(
				order("o-9", "ACME-1001", MilestoneCode.MILESTONE_CODE_DELIVERED, money("CNY", 100)))
			.toBuilder().setNextPageToken("cGFnZToz").build());

		Document page = page(mvc.perform(get("/portal").param("sku", "DESK-01").param("page", "cGFnZToy")
			.param("back", "cGFnZTox").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn());

		assertThat(page.select(".pager-newest").attr("href")).isEqualTo("/portal?sku=DESK-01");
		assertThat(page.select(".pager-newer").attr("href")).isEqualTo("/portal?sku=DESK-01&page=cGFnZTox");
		assertThat(page.select(".pager-older").attr("href"))
			.isEqualTo("/portal?sku=DESK-01&page=cGFnZToz&back=cGFnZTox&back=cGFnZToy");
	}

	@Test
	void aSearchNothingMatchesSaysSoAndABadOneIsNotSent() throws Exception {
		given(orders.search("NOPE", "", MilestoneCode.MILESTONE_CODE_UNSPECIFIED, "", 25))
			.willReturn(ListOrdersResponse.getDefaultInstance());

		Document none = page(mvc.perform(get("/portal").param("number", "NOPE")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()).andReturn());
		assertThat(none.select(".orders-none-found").text()).isEqualTo("No order matches your search.");

		Document bad = page(mvc.perform(get("/portal").param("status", "LOST").header("Accept-Language", "zh-CN")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isBadRequest()).andReturn());
		assertThat(bad.select(".search-invalid").text()).startsWith("无法执行此搜索");
		mvc.perform(get("/portal").param("sku", "x".repeat(101)).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isBadRequest());
		org.mockito.Mockito.verify(orders, org.mockito.Mockito.never()).search(org.mockito.ArgumentMatchers.anyString(),
				org.mockito.ArgumentMatchers.eq("x".repeat(101)), org.mockito.ArgumentMatchers.any(),
				org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyInt());
	}

	@Test
	void everyCellNamesItsColumnForThePhoneLayout() throws Exception {
		given(orders.orders("", 25)).willReturn(listing(
				order("o-1", "ACME-1001", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 1_250_000))));

		Document page = page(mvc.perform(get("/portal").with(as(TestTokens.customer("acme-retail")))).andReturn());

		assertThat(page.select("table.list").hasClass("stacked")).isTrue();
		assertThat(page.select("tr.order-row td").eachAttr("data-label"))
			.containsExactly("Order", "Status", "Placed", "Promised for", "Total");
	}

	@Test
	void aLateOrderSaysWhyAndWhatIsOfferedAndAShippedOneLinksItsTracking() throws Exception {
		Order order = order("o-1", "ACME-1016", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 100)).toBuilder()
			.setEta("2025-12-14").setAtRisk(true)
			.setDelay(com.rapport.contracts.ordertracking.v1.Delay.newBuilder()
				.setCause(com.rapport.contracts.ordertracking.v1.DelayCause.DELAY_CAUSE_ETA_PAST_PROMISE)
				.setReason("coating defects").setRemedy(com.rapport.contracts.ordertracking.v1.DelayRemedy.DELAY_REMEDY_PARTIAL_SHIPMENT)
				.setRemedyNote("first 200 pieces on Friday"))
			.addMilestones(milestone(MilestoneCode.MILESTONE_CODE_SHIPPED, "").toBuilder().setCarrier("SF Express")
				.setTrackingNumber("SF1234567").setTrackingLink("https://sf.example/SF1234567").setPlace("Shenzhen"))
			.addMilestones(milestone(MilestoneCode.MILESTONE_CODE_CONFIRMED, "").toBuilder().setBackwards(true))
			.build();
		given(orders.order("o-1")).willReturn(order);

		Document page = page(mvc.perform(get("/portal/orders/o-1").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()).andReturn());

		assertThat(page.select(".order-delay").text()).contains("This order is late.").contains("Why: coating defects.")
			.contains("What we offer: a partial shipment — first 200 pieces on Friday.");
		assertThat(page.select(".order-eta").text()).isEqualTo("Dec 14, 2025");
		assertThat(page.select(".milestone-tracking a").attr("href")).isEqualTo("https://sf.example/SF1234567");
		assertThat(page.select(".milestone-tracking").text()).contains("SF Express SF1234567");
		assertThat(page.select(".milestone-place").text()).isEqualTo("Shenzhen");
		assertThat(page.select(".milestone-backwards").text()).isEqualTo("reported out of order");
		assertThat(page.select("a.raise-issue-order").attr("href")).isEqualTo("/portal/tickets/new?order=ACME-1016");
	}

	@Test
	void aTrackingLinkThatIsNoWebAddressIsNotALink() throws Exception {
		given(orders.order("o-1")).willReturn(order("o-1", "ACME-1", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 1))
			.toBuilder().addMilestones(milestone(MilestoneCode.MILESTONE_CODE_SHIPPED, "").toBuilder()
				.setCarrier("X").setTrackingNumber("1").setTrackingLink("javascript:alert(1)"))
			.build());

		Document page = page(mvc.perform(get("/portal/orders/o-1").with(as(TestTokens.customer("acme-retail"))))
			.andReturn());

		assertThat(page.select(".milestone-tracking a")).isEmpty();
		assertThat(page.html()).doesNotContain("javascript:");
	}

	@Test
	void customerWithoutOrdersIsToldSo() throws Exception {
		given(orders.orders("", 25)).willReturn(ListOrdersResponse.getDefaultInstance());

		Document page = page(mvc.perform(get("/portal").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("p.empty").text()).isEqualTo("There are no orders for your organisation yet.");
		assertThat(page.select("table")).isEmpty();
	}

	@Test
	void orderPageShowsReachedMilestonesAndTheStepsAhead() throws Exception {
		Order order = order("o-1", "ACME-1001", MilestoneCode.MILESTONE_CODE_CONFIRMED, money("CNY", 1_250_000))
			.toBuilder()
			.addMilestones(milestone(MilestoneCode.MILESTONE_CODE_PLACED, ""))
			.addMilestones(milestone(MilestoneCode.MILESTONE_CODE_CONFIRMED, "Confirmed by the plant"))
			.addLines(OrderLine.newBuilder().setSku("SKU-7").setDescription("Steel hinge").setQuantity(400))
			.build();
		given(orders.order("o-1")).willReturn(order);

		Document page = page(mvc.perform(get("/portal/orders/o-1").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(view().name("portal/order"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Order ACME-1001");
		assertThat(page.select("ol.milestones li.reached").eachAttr("data-milestone"))
			.containsExactly("MILESTONE_CODE_PLACED", "MILESTONE_CODE_CONFIRMED");
		assertThat(page.select("ol.milestones li.ahead").eachAttr("data-milestone")).containsExactly(
				"MILESTONE_CODE_IN_PRODUCTION", "MILESTONE_CODE_QUALITY_CHECK", "MILESTONE_CODE_PACKED",
				"MILESTONE_CODE_SHIPPED", "MILESTONE_CODE_OUT_FOR_DELIVERY", "MILESTONE_CODE_DELIVERED");
		assertThat(page.select("ol.milestones li.reached .milestone-name").eachText())
			.containsExactly("Placed", "Confirmed");
		assertThat(page.select("ol.milestones li.reached").get(1).select(".milestone-note").text())
			.isEqualTo("Confirmed by the plant");
		assertThat(page.select("ol.milestones li.ahead .milestone-time")).isEmpty();
		assertThat(page.select(".customer-name").text()).isEqualTo("Acme Retail");
		assertThat(page.select("dl.facts").text()).contains("CNY 12,500.00");
		assertThat(page.select("table.list td").eachText()).containsExactly("SKU-7", "Steel hinge", "400");
	}

	@Test
	void orderTheServiceDoesNotGiveTheCustomerIsNotFoundWithoutSayingMore() throws Exception {
		given(orders.order("o-of-globex"))
			.willThrow(NotFoundException.withoutCode("Order o-of-globex of globex-trading not found"));

		MvcResult result = mvc.perform(get("/portal/orders/o-of-globex").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/not-found"))
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn();

		Document page = page(result);
		assertThat(page.select("h1").text()).isEqualTo("Not found");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("o-of-globex")
			.doesNotContain("globex-trading")
			.doesNotContain("NotFoundException");
	}

	@Test
	void aMistypedAddressGetsTheNotFoundPage() throws Exception {
		Document page = page(mvc.perform(get("/portal-typo/x").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn());
		assertThat(page.select("h1").text()).isEqualTo("Not found");
	}

	@Test
	void agentAskingForThePortalGetsTheForbiddenPage() throws Exception {
		Document page = page(mvc.perform(get("/portal").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/forbidden"))
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Not available to you");
		verifyNoInteractions(orders);
	}

	@Test
	void agentAskingForAnOrderPageGetsTheForbiddenPage() throws Exception {
		mvc.perform(get("/portal/orders/o-1").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden())
			.andExpect(view().name("error/forbidden"));

		verifyNoInteractions(orders);
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		mvc.perform(get("/portal"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"));

		verifyNoInteractions(orders);
	}

	@Test
	void chineseChosenWithLangIsShownAndKeptInACookie() throws Exception {
		given(orders.orders("", 25)).willReturn(listing(
				order("o-1", "ACME-1001", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 1_250_000))));

		MvcResult chosen = mvc.perform(get("/portal").param("lang", "zh-CN").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andExpect(cookie().value("rapport-lang", "zh-CN"))
			.andReturn();

		Document page = page(chosen);
		assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
		assertThat(page.select("h1").text()).isEqualTo("我的订单");
		assertThat(page.select("tr.order-row .badge").text()).isEqualTo("已发货");
		assertThat(page.select("tr.order-row").text()).contains("2025年12月1日").contains("CNY 12,500.00");

		Cookie kept = chosen.getResponse().getCookie("rapport-lang");
		Document next = page(mvc.perform(get("/portal").cookie(kept).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(next.select("h1").text()).isEqualTo("我的订单");
	}

	@Test
	void browserPreferringChineseOverOtherOfferedLanguagesGetsChineseUntilTheUserChoosesEnglish() throws Exception {
		given(orders.orders("", 25)).willReturn(ListOrdersResponse.getDefaultInstance());

		Document page = page(mvc.perform(get("/portal").header("Accept-Language", "de-DE,de;q=0.9,zh-TW;q=0.8")
			.with(as(TestTokens.customer("acme-retail")))).andReturn());
		assertThat(page.select("h1").text()).isEqualTo("我的订单");

		MvcResult english = mvc.perform(get("/portal").param("lang", "en").header("Accept-Language", "zh-CN")
			.with(as(TestTokens.customer("acme-retail"))))
			.andExpect(cookie().value("rapport-lang", "en"))
			.andReturn();
		assertThat(page(english).select("h1").text()).isEqualTo("Your orders");
	}

	@Test
	void languagesOtherThanEnglishAndChineseAreNotOffered() throws Exception {
		given(orders.orders("", 25)).willReturn(listing(
				order("o-1", "ACME-1001", MilestoneCode.MILESTONE_CODE_SHIPPED, money("CNY", 1_250_000))));

		MvcResult german = mvc.perform(get("/portal").param("lang", "de").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk())
			.andReturn();

		// Text falls back to English, so dates and numbers must be English too, not German.
		Document page = page(german);
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("tr.order-row").text()).contains("Dec 1, 2025");
		assertThat(german.getResponse().getCookie("rapport-lang").getValue()).isEqualTo("en");

		Document edited = page(mvc.perform(get("/portal").cookie(new Cookie("rapport-lang", "de"))
			.with(as(TestTokens.customer("acme-retail")))).andReturn());
		assertThat(edited.select("html").attr("lang")).isEqualTo("en");
		assertThat(edited.select("tr.order-row").text()).contains("Dec 1, 2025");

		Document chinese = page(mvc.perform(get("/portal").param("lang", "zh").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(cookie().value("rapport-lang", "zh-CN"))
			.andReturn());
		assertThat(chinese.select("h1").text()).isEqualTo("我的订单");
	}

	@Test
	void orderTrackingDownGivesTheUnavailablePageWithRetryAfter() throws Exception {
		given(orders.orders("", 25)).willThrow(new RemoteUnavailableException("order-tracking-service",
				Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()));

		MvcResult result = mvc.perform(get("/portal").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(view().name("error/unavailable"))
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn();

		Document page = page(result);
		assertThat(page.select("h1").text()).isEqualTo("Temporarily unavailable");
		assertThat(page.select("main").text()).contains("please try again in a moment");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception")
			.doesNotContain("order-tracking-service")
			.doesNotContain("io exception")
			.doesNotContain("at com.");
	}

	@Test
	void pagesCarryTheGatewaysCsrfTokenInTheLogoutForm() throws Exception {
		given(orders.orders("", 25)).willReturn(ListOrdersResponse.getDefaultInstance());

		Document page = page(mvc.perform(get("/portal").cookie(new Cookie("XSRF-TOKEN", "token-from-gateway"))
			.with(as(TestTokens.customer("acme-retail")))).andReturn());

		assertThat(page.select("form.logout").attr("action")).isEqualTo("/logout");
		assertThat(page.select("form.logout input[name=_csrf]").val()).isEqualTo("token-from-gateway");
	}

	static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	static ListOrdersResponse listing(Order... orders) {
		return ListOrdersResponse.newBuilder().addAllOrders(List.of(orders)).build();
	}

	static Order order(String id, String number, MilestoneCode status, Money total) {
		return Order.newBuilder().setId(id).setCustomerId("acme-retail").setCustomerName("Acme Retail")
			.setOrderNumber(number).setStatus(status).setPlacedAt(PLACED_AT).setPromisedDate("2025-12-10")
			.setTotal(total).build();
	}

	static Milestone milestone(MilestoneCode code, String note) {
		return Milestone.newBuilder().setCode(code).setOccurredAt(PLACED_AT).setNote(note).build();
	}

	static Money money(String currency, long minorUnits) {
		return Money.newBuilder().setCurrency(currency).setMinorUnits(minorUnits).build();
	}
}
