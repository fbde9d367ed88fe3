package com.rapport.portal.console;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.ListTriageMailsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailRequest;
import com.rapport.contracts.ticket.v1.OpenTicketFromMailResponse;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TriageMail;
import com.rapport.portal.remote.MailTriageClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.FixedClock;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MailTriageController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class MailTriageControllerMvcTests {

	static final TriageMail STRANGER = TriageMail.newBuilder().setId("mail-1").setFromAddress("buyer@new-customer.example")
		.setFromName("New Buyer").setSubject("Price list")
		.setBody("<p>Please send your price list</p><script>alert(1)</script>")
		.setReceivedAt(Timestamp.newBuilder().setSeconds(FixedClock.NOW.getEpochSecond()))
		.setReason("mail.triage.unknown-sender").build();

	static final TriageMail INTRUDER = TriageMail.newBuilder().setId("mail-2").setFromAddress("someone@elsewhere.example")
		.setSubject("Re: [T-1001] Chairs").setBody("Let me in").setReason("mail.triage.not-a-contact-of-ticket")
		.setTicketNumber("T-1001").build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MailTriageClient triage;

	@BeforeEach
	void setUp() {
		given(triage.waiting()).willReturn(
				ListTriageMailsResponse.newBuilder().addMails(STRANGER).addMails(INTRUDER).setTotalCount(2).build());
	}

	private static Document page(ResultActions actions) throws Exception {
		return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
	}

	@Test
	void anAgentSeesEachWaitingMailWithWhyItWaitsItsTextCleanedAndAFormToFileIt() throws Exception {
		Document page = page(mvc.perform(get("/console/mail-triage").cookie(new Cookie("XSRF-TOKEN", "t0k3n"))
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()));

		assertThat(page.select(".topbar .nav-mail-triage").attr("href")).isEqualTo("/console/mail-triage");
		assertThat(page.select(".triage-total").text()).isEqualTo("2 mails wait");
		var first = page.select("article.triage-mail[data-mail-id=mail-1]");
		assertThat(first.select(".triage-subject").text()).isEqualTo("Price list");
		assertThat(first.select(".triage-from-address").text()).isEqualTo("<buyer@new-customer.example>");
		assertThat(first.select(".triage-reason").text()).isEqualTo("The sender is no contact of any organisation.");
		assertThat(first.select(".triage-body").html()).contains("Please send your price list").doesNotContain("script");
		assertThat(first.select("form.triage-open").attr("action")).isEqualTo("/console/mail-triage/mail-1/ticket");
		assertThat(first.select("form.triage-open input[name=_csrf]").val()).isEqualTo("t0k3n");
		assertThat(first.select("input[name=requesterName]").val()).isEqualTo("New Buyer");
		var second = page.select("article.triage-mail[data-mail-id=mail-2]");
		assertThat(second.select(".triage-ticket a").attr("href")).isEqualTo("/console/tickets/T-1001");
	}

	@Test
	void openingATicketFromAMailSendsTheChoiceAndShowsTheTicket() throws Exception {
		given(triage.openTicket(any())).willReturn(
				OpenTicketFromMailResponse.newBuilder().setTicketId("t-1").setTicketNumber("T-1042").build());

		mvc.perform(post("/console/mail-triage/mail-1/ticket").with(as(TestTokens.staff("agent")))
			.param("customerId", " globex-trading ").param("contactId", "").param("requesterName", "New Buyer")
			.param("kind", "TICKET_KIND_REQUEST").param("category", "TICKET_CATEGORY_BILLING"))
			.andExpect(redirectedUrl("/console/tickets/T-1042"));

		verify(triage).openTicket(OpenTicketFromMailRequest.newBuilder().setMailId("mail-1")
			.setCustomerId("globex-trading").setRequesterName("New Buyer").setKind(TicketKind.TICKET_KIND_REQUEST)
			.setCategory(TicketCategory.TICKET_CATEGORY_BILLING).build());
	}

	@Test
	void anUnknownOrganisationIsSaidBesideItsFieldAndTheFormKeepsWhatWasTyped() throws Exception {
		given(triage.openTicket(any())).willThrow(UnprocessableException.field(Message.of("ticket.unknown-organisation"),
				"customerId", Message.of("field.no-such-organisation", "nobody")));

		Document page = page(mvc.perform(post("/console/mail-triage/mail-1/ticket").with(as(TestTokens.staff("agent")))
			.param("customerId", "nobody").param("kind", "TICKET_KIND_REQUEST")
			.param("category", "TICKET_CATEGORY_QUESTION")).andExpect(status().isUnprocessableContent()));

		var form = page.select("article.triage-mail[data-mail-id=mail-1]");
		assertThat(form.select(".form-error").text()).isEqualTo("The ticket names an organisation that does not exist.");
		assertThat(form.select(".field-error").text()).isNotBlank();
		assertThat(form.select("input[name=customerId]").val()).isEqualTo("nobody");
		assertThat(page.select("article.triage-mail[data-mail-id=mail-2] .form-error")).isEmpty();
	}

	@Test
	void discardingAMailThatNoLongerWaitsSaysSo() throws Exception {
		mvc.perform(post("/console/mail-triage/mail-1/discard").with(as(TestTokens.staff("manager"))))
			.andExpect(redirectedUrl("/console/mail-triage?discarded"));
		verify(triage).discard("mail-1");

		willThrow(new NotFoundException(Message.of("mail.triage-not-found", "mail-9"))).given(triage).discard("mail-9");
		Document page = page(mvc.perform(post("/console/mail-triage/mail-9/discard").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound()));
		assertThat(page.select("#notice.error").text()).startsWith("That mail no longer waits");
	}

	@Test
	void thePageSpeaksChinese() throws Exception {
		Document page = page(mvc.perform(get("/console/mail-triage").param("lang", "zh-CN")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("待分拣邮件");
		assertThat(page.select("article.triage-mail[data-mail-id=mail-1] .triage-reason").text())
			.isEqualTo("发件人不是任何客户组织的联系人。");
	}

	@Test
	void customersHaveNoTriage() throws Exception {
		mvc.perform(get("/console/mail-triage").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/mail-triage/mail-1/discard").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		verify(triage, never()).waiting();
		verify(triage, never()).discard(any());
	}
}
