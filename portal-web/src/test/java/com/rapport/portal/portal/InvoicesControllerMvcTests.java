package com.rapport.portal.portal;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.Invoice;
import com.rapport.portal.remote.InboxClient;
import com.rapport.portal.remote.ReceivablesClient;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A contact's open invoices in the portal, as it reads them (pages parsed as HTML), in both languages. */
@WebMvcTest(InvoicesController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class InvoicesControllerMvcTests {

	static final String ALICE = TestTokens.customer("acme-retail");

	static final Invoice DUE_SOON = Invoice.newBuilder().setId("acme-retail|INV-2026-1014").setCustomerId("acme-retail")
		.setInvoiceNumber("INV-2026-1014").setOrderNumber("ACME-1014").setCurrency("CNY").setAmount("128000.00")
		.setDueDate("2026-12-09").setStatus("OPEN").setDaysOverdue(-2).setCadenceState("ACTIVE").build();

	static final Invoice PROMISED = Invoice.newBuilder().setId("acme-retail|INV-2026-1013").setCustomerId("acme-retail")
		.setInvoiceNumber("INV-2026-1013").setOrderNumber("ACME-1013").setCurrency("CNY").setAmount("23800.50")
		.setDueDate("2026-11-27").setStatus("OPEN").setDaysOverdue(10).setCadenceState("PAUSED_PROMISE")
		.setPromisedPayBy("2026-12-12").build();

	static final Invoice OVERDUE = Invoice.newBuilder().setId("acme-retail|INV-2026-0900").setCustomerId("acme-retail")
		.setInvoiceNumber("INV-2026-0900").setCurrency("CNY").setAmount("100.00").setDueDate("2026-12-01")
		.setStatus("OPEN").setDaysOverdue(6).setCadenceState("ACTIVE").build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReceivablesClient receivables;

	@MockitoBean
	InboxClient inbox;

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void aContactSeesItsOpenInvoicesWithWhatIsDueOverdueOrPromised() throws Exception {
		given(receivables.invoices("", true)).willReturn(List.of(DUE_SOON, PROMISED, OVERDUE));
		Document page = page(mvc.perform(get("/portal/invoices").with(as(ALICE))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Open invoices");
		assertThat(page.select(".invoice-number").eachText()).containsExactly("INV-2026-1014", "INV-2026-1013",
				"INV-2026-0900");
		assertThat(page.select(".invoice-amount").eachText()).containsExactly("CNY 128,000.00", "CNY 23,800.50",
				"CNY 100.00");
		assertThat(page.select(".invoice-order").eachText()).containsExactly("ACME-1014", "ACME-1013", "—");
		assertThat(page.select(".invoice-state").eachText()).containsExactly("Due in 2 days",
				"Payment promised by Dec 12, 2026", "6 days overdue");
		assertThat(page.select("tr.invoice-row.overdue")).hasSize(2);
		assertThat(page.select("table.stacked td[data-label]")).as("rows stack on a phone").hasSize(15);
		assertThat(page.select("a.nav-invoices").attr("href")).isEqualTo("/portal/invoices");
	}

	@Test
	void inChineseAndWithNothingOpen() throws Exception {
		given(receivables.invoices("", true)).willReturn(List.of(DUE_SOON));
		Document page = page(mvc.perform(get("/portal/invoices").param("lang", "zh-CN").with(as(ALICE)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("h1").text()).isEqualTo("未结发票");
		assertThat(page.select(".invoice-state").text()).isEqualTo("2 天后到期");

		given(receivables.invoices("", true)).willReturn(List.of());
		Document empty = page(mvc.perform(get("/portal/invoices").with(as(ALICE))).andExpect(status().isOk()).andReturn());
		assertThat(empty.select("#invoices-empty").text()).isEqualTo("No open invoice: everything is paid.");
		assertThat(empty.select("table")).isEmpty();
	}

	@Test
	void staffAreRefusedTheContactsPageAndTheServiceDownIsTheUnavailablePage() throws Exception {
		mvc.perform(get("/portal/invoices").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		verifyNoInteractions(receivables);
		given(receivables.invoices("", true)).willThrow(new RemoteUnavailableException("order-tracking-service",
				Status.UNAVAILABLE.asRuntimeException()));
		mvc.perform(get("/portal/invoices").with(as(ALICE))).andExpect(status().isServiceUnavailable());
	}
}
