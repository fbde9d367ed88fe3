package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.AffectedOrganisation;
import com.rapport.contracts.ordertracking.v1.IncidentNotice;
import com.rapport.contracts.ordertracking.v1.IncidentPreview;
import com.rapport.contracts.ordertracking.v1.IncidentSelection;
import com.rapport.contracts.ordertracking.v1.IncidentSelectionKind;
import com.rapport.contracts.ordertracking.v1.ListIncidentNoticesResponse;
import com.rapport.portal.remote.IncidentClient;
import com.rapport.portal.web.PageTestConfiguration;
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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IncidentController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class IncidentControllerMvcTests {

	/** 2026-11-30T16:00:00Z: 2026-12-01 00:00 in Shanghai, the default zone. */
	static final Timestamp AT = Timestamp.newBuilder().setSeconds(1_796_054_400L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IncidentClient incidents;

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static IncidentPreview preview() {
		return IncidentPreview.newBuilder().setOrderCount(3).setOrganisationCount(2).setMaxOrders(10_000)
			.addOrganisations(AffectedOrganisation.newBuilder().setCustomerId("acme-retail").setCustomerName("Acme Retail")
				.setOrderCount(2).addOrderNumbers("ACME-1001").addOrderNumbers("ACME-1002"))
			.addOrganisations(AffectedOrganisation.newBuilder().setCustomerId("globex-trading").setOrderCount(1)
				.addOrderNumbers("GLX-7"))
			.build();
	}

	@Test
	void theFormOffersTheThreeWaysToChooseOrdersAndTheTexts() throws Exception {
		Document page = page(mvc.perform(get("/console/incidents/new").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("New incident notice");
		assertThat(page.select("form.incident-form input[name=kind]").eachAttr("value"))
			.containsExactly("SKU", "PLACED", "ORDER_NUMBERS");
		assertThat(page.select("form.incident-form input[name=kind][value=SKU]").hasAttr("checked")).isTrue();
		assertThat(page.select("form.incident-form").attr("action")).isEqualTo("/console/incidents/preview");
		assertThat(page.select("form.incident-form input[name=_csrf]")).isNotEmpty();
		assertThat(page.select("#sku, #from, #to, #numbers, #cause, #action")).hasSize(6);
		assertThat(page.select("a.nav-incidents").attr("href")).isEqualTo("/console/incidents");
	}

	@Test
	void aManagerPreviewsWhoWouldBeToldAndConfirmsWithTheTextsCarriedAlong() throws Exception {
		given(incidents.preview(any())).willReturn(preview());

		Document page = page(mvc.perform(post("/console/incidents/preview").with(csrf())
			.with(as(TestTokens.staff("manager"))).param("kind", "SKU").param("sku", " CHAIR-ERG-01 ")
			.param("from", "2026-11-01").param("to", "2026-11-30").param("cause", "Gas lifts may sink")
			.param("action", "We replace them")).andExpect(status().isOk()));

		assertThat(page.select(".incident-counts").text()).isEqualTo("3 orders of 2 organisations");
		assertThat(page.select("tr.incident-organisation").eachAttr("data-organisation"))
			.containsExactly("acme-retail", "globex-trading");
		assertThat(page.select("tr.incident-organisation").get(0).text()).contains("Acme Retail", "2", "ACME-1001, ACME-1002");
		assertThat(page.select("tr.incident-organisation").get(1).text()).as("no name: the id").contains("globex-trading");
		assertThat(page.select("tr.incident-organisation td").eachAttr("data-label")).contains("Organisation", "Orders");
		assertThat(page.select("form.incident-confirm").attr("action")).isEqualTo("/console/incidents");
		assertThat(page.select("form.incident-confirm input[name=noticeId]").val()).isNotBlank();
		assertThat(page.select("form.incident-confirm input[name=cause]").val()).isEqualTo("Gas lifts may sink");
		assertThat(page.select("form.incident-confirm input[name=sku]").val()).isEqualTo("CHAIR-ERG-01");
		assertThat(page.select("button.incident-send").text()).isEqualTo("Send to 2 organisations");

		ArgumentCaptor<IncidentSelection> selection = ArgumentCaptor.forClass(IncidentSelection.class);
		verify(incidents).preview(selection.capture());
		assertThat(selection.getValue().getKind()).isEqualTo(IncidentSelectionKind.INCIDENT_SELECTION_KIND_SKU);
		assertThat(selection.getValue().getSku()).isEqualTo("CHAIR-ERG-01");
		// Days in the viewer's zone (Shanghai), the last one included.
		assertThat(selection.getValue().getPlacedFrom().getSeconds()).isEqualTo(1_793_462_400L);
		assertThat(selection.getValue().getPlacedBefore().getSeconds()).isEqualTo(AT.getSeconds());
	}

	@Test
	void anAgentPreviewsButIsToldAManagerSends() throws Exception {
		given(incidents.preview(any())).willReturn(preview());

		Document page = page(mvc.perform(post("/console/incidents/preview").with(csrf())
			.with(as(TestTokens.staff("agent"))).param("kind", "SKU").param("sku", "CHAIR-ERG-01"))
			.andExpect(status().isOk()));

		assertThat(page.select("form.incident-confirm")).isEmpty();
		assertThat(page.select(".incident-managers-send").text()).isEqualTo("A manager or an admin sends the notice.");
		mvc.perform(post("/console/incidents").with(csrf()).with(as(TestTokens.staff("agent"))).param("kind", "SKU")
			.param("sku", "CHAIR-ERG-01").param("noticeId", "n-1")).andExpect(status().isForbidden());
		verify(incidents).preview(any());
	}

	@Test
	void anEmptyPreviewSaysNobodyWouldBeToldAndOffersNoSend() throws Exception {
		given(incidents.preview(any())).willReturn(IncidentPreview.newBuilder().setMaxOrders(10_000).build());

		Document page = page(mvc.perform(post("/console/incidents/preview").with(csrf())
			.with(as(TestTokens.staff("manager"))).param("kind", "SKU").param("sku", "NO-SUCH"))
			.andExpect(status().isOk()));

		assertThat(page.select(".incident-none").text()).isEqualTo("No order matches: nobody would be told.");
		assertThat(page.select("form.incident-confirm")).isEmpty();
	}

	@Test
	void aRefusalComesBackOnTheFormInTheReadersLanguageWithWhatWasTyped() throws Exception {
		given(incidents.preview(any())).willThrow(new UnprocessableException(Message.of("incidents.range.reversed"),
				Map.of("placed_before", Message.of("incidents.range.end-before-start"))));

		Document page = page(mvc.perform(post("/console/incidents/preview").with(csrf()).header("Accept-Language", "zh-CN")
			.with(as(TestTokens.staff("manager"))).param("kind", "PLACED").param("from", "2026-11-30")
			.param("to", "2026-11-01").param("cause", "原因")).andExpect(status().is(422)));

		assertThat(page.select(".form-error").text()).isEqualTo("时间范围的结束必须晚于开始。");
		assertThat(page.select(".field-error[data-field=to]").text()).contains("必须晚于开始时间");
		assertThat(page.select("input#from").val()).isEqualTo("2026-11-30");
		assertThat(page.select("textarea#cause").text()).isEqualTo("原因");
		assertThat(page.select("input[name=kind][value=PLACED]").hasAttr("checked")).isTrue();
	}

	@Test
	void aDayThatIsNotADateIsNamedAndNothingIsAsked() throws Exception {
		Document page = page(mvc.perform(post("/console/incidents/preview").with(csrf())
			.with(as(TestTokens.staff("manager"))).param("kind", "PLACED").param("from", "30/11/2026"))
			.andExpect(status().is(422)));

		assertThat(page.select(".field-error[data-field=from]").text()).isEqualTo("Check this field: a date such as 2026-12-01");
		verifyNoInteractions(incidents);
	}

	@Test
	void sendingGoesBackToTheListWithWhatWasSent() throws Exception {
		IncidentNotice sent = IncidentNotice.newBuilder().setId("n-1").setCause("Gas lifts may sink").setCreatedBy("manager.wang")
			.setCreatedAt(AT).setOrderCount(3).setOrganisationCount(2)
			.setSelection(IncidentSelection.newBuilder().setKind(IncidentSelectionKind.INCIDENT_SELECTION_KIND_SKU)
				.setSku("CHAIR-ERG-01"))
			.build();
		given(incidents.send(eq("n-1"), any(), eq("Gas lifts may sink"), eq("We replace them"))).willReturn(sent);
		given(incidents.notices("", 20)).willReturn(ListIncidentNoticesResponse.newBuilder().addNotices(sent).build());

		mvc.perform(post("/console/incidents").with(csrf()).with(as(TestTokens.staff("manager"))).param("kind", "SKU")
			.param("sku", "CHAIR-ERG-01").param("noticeId", "n-1").param("cause", " Gas lifts may sink ")
			.param("action", "We replace them")).andExpect(redirectedUrl("/console/incidents?sent=n-1"));
		Document page = page(mvc.perform(get("/console/incidents").param("sent", "n-1")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()));

		assertThat(page.select(".incident-sent").text()).isEqualTo("The notice is sent to 2 organisations about 3 orders.");
		assertThat(page.select("tr.incident-row").eachAttr("data-notice")).containsExactly("n-1");
		assertThat(page.select("tr.incident-row .incident-selection").text()).isEqualTo("By SKU CHAIR-ERG-01");
		assertThat(page.select("tr.incident-row .incident-orders").text()).isEqualTo("3");
		assertThat(page.select("tr.incident-row a.incident-deliveries").attr("href"))
			.isEqualTo("/console/incidents/n-1/deliveries");
		assertThat(page.select("tr.incident-row td").eachAttr("data-label")).contains("Sent", "By", "What happened");
	}

	@Test
	void aRefusedSendKeepsTheFormAndStoresNothing() throws Exception {
		given(incidents.send(anyString(), any(), anyString(), anyString())).willThrow(new UnprocessableException(
				Message.of("incidents.too-many-orders", 10_000),
				Map.of("selection", Message.of("incidents.too-many-orders.field", 10_000))));

		Document page = page(mvc.perform(post("/console/incidents").with(csrf()).with(as(TestTokens.staff("admin")))
			.param("kind", "PLACED").param("from", "2020-01-01").param("to", "2026-11-30").param("noticeId", "n-2")
			.param("cause", "c").param("action", "a")).andExpect(status().is(422)));

		assertThat(page.select(".form-error").text()).contains("more than 10000 orders");
		assertThat(page.select(".selection-error").text()).contains("narrow the selection");
	}

	@Test
	void theListAndTheFormAreNotForCustomers() throws Exception {
		mvc.perform(get("/console/incidents").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		mvc.perform(get("/console/incidents/new").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(incidents);
	}
}
