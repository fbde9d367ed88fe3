package com.rapport.portal.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.OrderAsLastTimeResponse;
import com.rapport.contracts.customer.v1.ReorderLink;
import com.rapport.contracts.customer.v1.ReorderLinkState;
import com.rapport.contracts.customer.v1.UpcomingReorder;
import com.rapport.contracts.ordertracking.v1.DraftOrder;
import com.rapport.contracts.ordertracking.v1.DraftOrderLine;
import com.rapport.contracts.ordertracking.v1.DraftOrderStatus;
import com.rapport.portal.remote.ReorderClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.RemoteUnavailableException;
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
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReorderController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ReorderControllerMvcTests {

	static final UpcomingReorder CHAIRS = UpcomingReorder.newBuilder().setSku("CHAIR-ERG-01")
		.setDescription("Ergonomic chair").setExpectedOn("2026-12-16").setUsualIntervalDays(30).setLastQuantity(120)
		.setLastOrderedOn("2026-11-16").setDue(true).build();

	static final UpcomingReorder HINGES = UpcomingReorder.newBuilder().setSku("HINGE-07").setDescription("")
		.setExpectedOn("2027-01-20").setUsualIntervalDays(60).setLastQuantity(500).setLastOrderedOn("2026-11-21")
		.setDraftNumber("RO-20261201-000007").build();

	static final DraftOrder WAITING = DraftOrder.newBuilder().setDraftNumber("RO-20261207-004711")
		.setStatus(DraftOrderStatus.DRAFT_ORDER_STATUS_DRAFT).setCreatedAt(Timestamp.newBuilder().setSeconds(1_796_000_000))
		.addLines(DraftOrderLine.newBuilder().setSku("CHAIR-ERG-01").setDescription("Ergonomic chair").setQuantity(120))
		.build();

	static final DraftOrder CONFIRMED = DraftOrder.newBuilder().setDraftNumber("RO-20261201-000007")
		.setStatus(DraftOrderStatus.DRAFT_ORDER_STATUS_CONFIRMED).setOrderNumber("PO-2026-0077")
		.setCreatedAt(Timestamp.newBuilder().setSeconds(1_795_000_000))
		.addLines(DraftOrderLine.newBuilder().setSku("HINGE-07").setQuantity(500)).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReorderClient reorders;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@BeforeEach
	void lists() {
		given(reorders.upcoming()).willReturn(List.of(CHAIRS, HINGES));
		given(reorders.drafts()).willReturn(List.of(WAITING, CONFIRMED));
	}

	@Test
	void aContactSeesItsUpcomingReordersWithTheButtonAndItsDraftsInBothLanguagesAsStackedRows() throws Exception {
		Document page = page(mvc.perform(get("/portal/reorders").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()));

		assertThat(page.select("tr.reorder-row").eachAttr("data-sku")).containsExactly("CHAIR-ERG-01", "HINGE-07");
		assertThat(page.select("tr[data-sku=CHAIR-ERG-01] .reorder-product").text())
			.isEqualTo("Ergonomic chair CHAIR-ERG-01");
		assertThat(page.select("tr[data-sku=CHAIR-ERG-01] .reorder-expected").text()).contains("due");
		assertThat(page.select("tr[data-sku=CHAIR-ERG-01] .reorder-quantity").text()).isEqualTo("120");
		assertThat(page.select("tr[data-sku=CHAIR-ERG-01] td").get(2).text()).isEqualTo("30 days");
		assertThat(page.select("tr[data-sku=CHAIR-ERG-01] form.reorder-form input[name=sku]").val())
			.isEqualTo("CHAIR-ERG-01");
		assertThat(page.select("tr[data-sku=CHAIR-ERG-01] form.reorder-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("tr[data-sku=HINGE-07] form")).isEmpty();
		assertThat(page.select("tr[data-sku=HINGE-07] .reorder-made").text()).isEqualTo("Draft RO-20261201-000007 made");
		assertThat(page.select("tr.draft-row").eachAttr("data-state")).containsExactly("DRAFT", "CONFIRMED");
		assertThat(page.select("tr[data-state=DRAFT] .draft-state").text()).isEqualTo("Waiting for our confirmation");
		assertThat(page.select("tr[data-state=CONFIRMED] .draft-state").text()).isEqualTo("Confirmed: order PO-2026-0077");
		assertThat(page.select("table.reorders").hasClass("stacked")).isTrue();
		assertThat(page.select("table.drafts").hasClass("stacked")).isTrue();
		assertThat(page.select("tr.reorder-row td").first().attr("data-label")).isEqualTo("Product");
		assertThat(page.select(".topbar .nav-reorders").attr("href")).isEqualTo("/portal/reorders");

		Document zh = page(mvc.perform(get("/portal/reorders").param("lang", "zh-CN")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));
		assertThat(zh.select("h1").text()).isEqualTo("按上次再订");
		assertThat(zh.select("tr[data-state=DRAFT] .draft-state").text()).isEqualTo("等待我们确认");
		assertThat(zh.select("tr[data-sku=CHAIR-ERG-01] td").get(2).text()).isEqualTo("30 天");
		assertThat(zh.select("tr[data-sku=CHAIR-ERG-01] button").text()).isEqualTo("按上次再订");
	}

	@Test
	void theButtonMakesTheDraftAndTheListSaysSo() throws Exception {
		given(reorders.orderBySku("CHAIR-ERG-01")).willReturn(OrderAsLastTimeResponse.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_VALID).setCreated(true).setDraftNumber("RO-20261207-004711")
			.build());

		mvc.perform(post("/portal/reorders").param("sku", "CHAIR-ERG-01").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(redirectedUrl("/portal/reorders?made=RO-20261207-004711"));
		Document page = page(mvc.perform(get("/portal/reorders").param("made", "RO-20261207-004711")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));
		assertThat(page.select("#notice").text())
			.isEqualTo("Draft order RO-20261207-004711 is made: our team confirms it with you.");
	}

	@Test
	void whenTheDraftCannotBeMadeThePageSaysNothingWasOrdered() throws Exception {
		given(reorders.orderBySku(anyString())).willThrow(new RemoteUnavailableException("customer-service", null));

		Document page = page(mvc.perform(post("/portal/reorders").param("sku", "CHAIR-ERG-01")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isServiceUnavailable()));
		assertThat(page.select(".form-error").text()).contains("nothing was ordered");
	}

	@Test
	void theMailsLinkOffersTheReorderInTheContactsLanguageAndOneClickMakesIt() throws Exception {
		given(reorders.link("tok.en")).willReturn(ReorderLink.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_VALID).setReorder(CHAIRS).setLanguage("zh-CN").build());
		given(reorders.orderFromLink("tok.en")).willReturn(OrderAsLastTimeResponse.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_VALID).setCreated(true).setDraftNumber("RO-20261207-004711")
			.setReorder(CHAIRS).build());

		Document offer = page(mvc.perform(get("/portal/reorder/tok.en").header("Accept-Language", "en")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isOk()));
		assertThat(offer.select("main").attr("data-state")).isEqualTo("valid");
		assertThat(offer.select(".reorder-quantity").text()).isEqualTo("120");
		assertThat(offer.select("form.reorder-confirm").attr("action")).isEqualTo("/portal/reorder/tok.en");
		assertThat(offer.select("form.reorder-confirm input[name=_csrf]")).hasSize(1);
		assertThat(offer.select("#confirm-reorder").text()).isEqualTo("按上次再订");

		Document made = page(mvc.perform(post("/portal/reorder/tok.en").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()));
		assertThat(made.select("main").attr("data-state")).isEqualTo("made");
		assertThat(made.select("#made").text()).contains("RO-20261207-004711");
	}

	@Test
	void aUsedExpiredOutdatedOrInvalidLinkGetsAPageThatSaysSoAndNoButton() throws Exception {
		given(reorders.link("used")).willReturn(ReorderLink.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_USED).setReorder(CHAIRS.toBuilder()
				.setDraftNumber("RO-20261207-004711")).setLanguage("en").build());
		given(reorders.link("old")).willReturn(ReorderLink.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_EXPIRED).setLanguage("en").build());
		given(reorders.link("since")).willReturn(ReorderLink.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_OUTDATED).setLanguage("en").build());
		given(reorders.link("forged")).willReturn(ReorderLink.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_INVALID).build());
		given(reorders.orderFromLink("forged")).willReturn(OrderAsLastTimeResponse.newBuilder()
			.setState(ReorderLinkState.REORDER_LINK_STATE_INVALID).build());

		Document used = page(mvc.perform(get("/portal/reorder/used").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isConflict()));
		assertThat(used.select("#used").text())
			.isEqualTo("This reorder was prepared already (draft order RO-20261207-004711); nothing new was made.");
		assertThat(used.select("form.reorder-confirm")).isEmpty();
		assertThat(page(mvc.perform(get("/portal/reorder/old").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isGone())).select("#expired")).hasSize(1);
		assertThat(page(mvc.perform(get("/portal/reorder/since").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isGone())).select("#outdated")).hasSize(1);
		Document forged = page(mvc.perform(get("/portal/reorder/forged").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isGone()));
		assertThat(forged.select("#invalid").text()).startsWith("This link is not valid");
		assertThat(forged.select("form.reorder-confirm")).isEmpty();
		assertThat(page(mvc.perform(post("/portal/reorder/forged").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isGone())).select("#invalid")).hasSize(1);
	}

	@Test
	void staffHaveNoReorderPages() throws Exception {
		mvc.perform(get("/portal/reorders").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(get("/portal/reorder/tok.en").with(as(TestTokens.staff("manager")))).andExpect(status().isForbidden());
		mvc.perform(post("/portal/reorders").param("sku", "X").with(as(TestTokens.staff("admin"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(reorders);
	}
}
