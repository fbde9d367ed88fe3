package com.rapport.portal.console;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.Instalment;
import com.rapport.contracts.ordertracking.v1.Invoice;
import com.rapport.contracts.ordertracking.v1.ReminderCadence;
import com.rapport.contracts.ordertracking.v1.ReminderStep;
import com.rapport.portal.remote.ReceivablesClient;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's receivables with their reminder cadence, and staff recording promises and plans (pages parsed). */
@WebMvcTest(ReceivablesController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ReceivablesControllerMvcTests {

	static final String AGENT = TestTokens.staff("agent");

	static final String MANAGER = TestTokens.staff("manager");

	static ReminderStep step(int offset, String tone, String date, boolean sent) {
		return ReminderStep.newBuilder().setOffsetDays(offset).setTone(tone).setDate(date).setSent(sent).build();
	}

	static final Invoice ACTIVE = Invoice.newBuilder().setId("acme-retail|INV-2026-1014").setCustomerId("acme-retail")
		.setCustomerName("Acme Retail").setInvoiceNumber("INV-2026-1014").setOrderNumber("ACME-1014").setCurrency("CNY")
		.setAmount("128000.00").setDueDate("2026-12-09").setStatus("OPEN").setDaysOverdue(-2).setStyle("FORMAL")
		.setCadenceState("ACTIVE").setNextReminderDate("2026-12-09")
		.addReminders(step(-3, "COURTEOUS", "2026-12-06", true)).addReminders(step(0, "POLITE", "2026-12-09", false))
		.addReminders(step(7, "FIRM", "2026-12-16", false)).addReminders(step(21, "FINAL", "2026-12-30", false))
		.build();

	static final Invoice PAUSED = Invoice.newBuilder().setId("initech-logistics|INV-2026-0907")
		.setCustomerId("initech-logistics").setCustomerName("Initech Logistics").setInvoiceNumber("INV-2026-0907")
		.setCurrency("EUR").setAmount("4800.00").setDueDate("2026-11-29").setStatus("OPEN").setDaysOverdue(8)
		.setStyle("WARM").setCadenceState("PAUSED_INSTALMENTS")
		.addInstalments(Instalment.newBuilder().setDueDate("2026-12-15").setAmount("2400.00"))
		.addInstalments(Instalment.newBuilder().setDueDate("2027-01-15").setAmount("2400.00")).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReceivablesClient receivables;

	@BeforeEach
	void cadence() {
		given(receivables.cadence()).willReturn(ReminderCadence.newBuilder().addAllOffsetsDays(List.of(-3, 0, 7, 21))
			.build());
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void anAgentSeesEachInvoiceWithItsCadenceAndWhatPausesIt() throws Exception {
		given(receivables.invoices("", true)).willReturn(List.of(ACTIVE, PAUSED));
		Document page = page(mvc.perform(get("/console/receivables").with(as(AGENT))).andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Receivables");
		assertThat(page.select("#cadence").text()).contains("-3, 0, 7, 21");
		assertThat(page.select("#cadence-form")).as("the cadence is the managers'").isEmpty();
		assertThat(page.select(".receivable-customer").eachText()).containsExactly("Acme Retail", "Initech Logistics");
		assertThat(page.select(".receivable-style").eachText()).containsExactly("formal wording", "warm wording");
		assertThat(page.select(".cadence-state").eachText()).containsExactly("Reminding", "Paused: instalment plan");
		assertThat(page.select("tr.receivable-row").first().select(".cadence-steps li").eachText()).containsExactly(
				"courteous, Dec 6, 2026: sent", "polite, Dec 9, 2026: to come", "firm, Dec 16, 2026: to come",
				"final, Dec 30, 2026: to come");
		assertThat(page.select(".next-reminder").text()).isEqualTo("Next reminder: Dec 9, 2026");
		assertThat(page.select(".instalments li").eachText()).containsExactly("Dec 15, 2026: EUR 2,400.00",
				"Jan 15, 2027: EUR 2,400.00");
		assertThat(page.select("form.promise-form input[name=invoiceId]").eachAttr("value"))
			.containsExactly("acme-retail|INV-2026-1014", "initech-logistics|INV-2026-0907");
		assertThat(page.select("a.nav-receivables")).hasSize(1);
	}

	@Test
	void aManagerChangesTheCadenceAndReadsThePageInChinese() throws Exception {
		given(receivables.invoices("acme-retail", false)).willReturn(List.of(ACTIVE));
		Document page = page(mvc.perform(get("/console/receivables").param("customerId", "acme-retail")
			.param("all", "true").param("lang", "zh-CN").with(as(MANAGER))).andExpect(status().isOk()).andReturn());
		assertThat(page.select("h1").text()).isEqualTo("应收账款");
		assertThat(page.select(".cadence-state").text()).isEqualTo("提醒中");
		assertThat(page.select("#offsets").val()).isEqualTo("-3, 0, 7, 21");

		mvc.perform(post("/console/receivables/cadence").param("offsets", "-5, 0, 10").with(as(MANAGER)))
			.andExpect(redirectedUrl("/console/receivables?notice=cadence-saved"));
		verify(receivables).updateCadence(List.of(-5, 0, 10));
		mvc.perform(post("/console/receivables/cadence").param("offsets", "soon").with(as(MANAGER)))
			.andExpect(redirectedUrl("/console/receivables?notice=invalid"));
		mvc.perform(post("/console/receivables/cadence").param("offsets", "1").with(as(AGENT)))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffRecordAPromiseAndAPlanAndARefusalIsSaid() throws Exception {
		mvc.perform(post("/console/receivables/promise").param("invoiceId", "acme-retail|INV-2026-1014")
			.param("payBy", "2026-12-20").param("note", " after month-end ").with(as(AGENT)))
			.andExpect(redirectedUrl("/console/receivables?notice=promise-saved"));
		verify(receivables).promise("acme-retail|INV-2026-1014", "2026-12-20", "after month-end");

		mvc.perform(post("/console/receivables/instalments").param("invoiceId", "initech-logistics|INV-2026-0907")
			.param("plan", "2026-12-15 2,400.00\n2027-01-15 2400.00").with(as(AGENT)))
			.andExpect(redirectedUrl("/console/receivables?notice=instalments-saved"));
		verify(receivables).instalments("initech-logistics|INV-2026-0907", List.of(
				Instalment.newBuilder().setDueDate("2026-12-15").setAmount("2400.00").build(),
				Instalment.newBuilder().setDueDate("2027-01-15").setAmount("2400.00").build()), "");

		given(receivables.promise(anyString(), anyString(), anyString())).willThrow(UnprocessableException
			.field(Message.of("receivables.promise.invalid"), "pay_by", Message.of("receivables.promise.past")));
		mvc.perform(post("/console/receivables/promise").param("invoiceId", "x").param("payBy", "2020-01-01")
			.with(as(AGENT))).andExpect(redirectedUrl("/console/receivables?notice=invalid"));
		given(receivables.instalments(anyString(), any(), anyString()))
			.willThrow(new ConflictException(Message.of("invoices.settled-already", "x")));
		mvc.perform(post("/console/receivables/instalments").param("invoiceId", "x").param("plan", "2027-01-01 1")
			.with(as(AGENT))).andExpect(redirectedUrl("/console/receivables?notice=settled"));

		given(receivables.invoices("", true)).willReturn(List.of());
		Document page = page(mvc.perform(get("/console/receivables").param("notice", "promise-saved").with(as(AGENT)))
			.andExpect(status().isOk()).andReturn());
		assertThat(page.select("#receivables-notice").text()).startsWith("The promise to pay is recorded");
		assertThat(page.select("#receivables-empty").text()).isEqualTo("No invoice to show.");
	}

	@Test
	void customersAreRefusedTheConsolePage() throws Exception {
		mvc.perform(get("/console/receivables").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/receivables/promise").param("invoiceId", "x").param("payBy", "2027-01-01")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
		verify(receivables, never()).invoices(anyString(), org.mockito.ArgumentMatchers.anyBoolean());
		verify(receivables, never()).promise(anyString(), anyString(), anyString());
	}
}
