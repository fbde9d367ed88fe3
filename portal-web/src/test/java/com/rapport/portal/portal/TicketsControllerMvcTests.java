package com.rapport.portal.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.AttachmentContent;
import com.rapport.contracts.ticket.v1.ComplaintSeverity;
import com.rapport.contracts.ticket.v1.TicketAttachment;
import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketAuthorKind;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketSort;
import com.rapport.contracts.ticket.v1.TicketStateFilter;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.portal.remote.TicketDeskClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TicketsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class TicketsControllerMvcTests {

	/** 2025-12-01 02:30 UTC: 10:30 in Shanghai, the default zone. */
	static final Timestamp OPENED = Timestamp.newBuilder().setSeconds(1_764_556_200L).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketDeskClient desk;

	@MockitoBean
	com.rapport.portal.remote.KnowledgeBaseClient knowledgeBase;

	@Test
	void fromAnOrdersPageTheOrderIsPresetAndTheRaisedIssueLandsOnItsPageWithTheAnswerBy() throws Exception {
		Document form = page(contact(get("/portal/tickets/new").param("order", "ACME-1015")));
		assertThat(form.select("input#orderNumber").val()).isEqualTo("ACME-1015");
		assertThat(form.select("select#category option").eachAttr("value")).contains("TICKET_CATEGORY_DELIVERY");

		given(desk.open(any())).willReturn(detail(ticket().build()));
		contact(post("/portal/tickets").with(csrf()).param("kind", "TICKET_KIND_COMPLAINT")
			.param("category", "TICKET_CATEGORY_DELIVERY").param("severity", "COMPLAINT_SEVERITY_MAJOR")
			.param("priority", "TICKET_PRIORITY_HIGH").param("subject", " Pallets arrived crushed ")
			.param("body", "Three of five pallets.").param("orderNumber", "ACME-1015"))
			.andExpect(redirectedUrl("/portal/tickets/T-1001?opened"));

		ArgumentCaptor<OpenTicketRequest> sent = ArgumentCaptor.forClass(OpenTicketRequest.class);
		verify(desk).open(sent.capture());
		assertThat(sent.getValue().getSubject()).isEqualTo("Pallets arrived crushed");
		assertThat(sent.getValue().getKind()).isEqualTo(TicketKind.TICKET_KIND_COMPLAINT);
		assertThat(sent.getValue().getSeverity()).isEqualTo(ComplaintSeverity.COMPLAINT_SEVERITY_MAJOR);
		assertThat(sent.getValue().getCategory()).isEqualTo(TicketCategory.TICKET_CATEGORY_DELIVERY);
		assertThat(sent.getValue().getPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_HIGH);
		assertThat(sent.getValue().getOrderNumber()).isEqualTo("ACME-1015");
		assertThat(sent.getValue().getCustomerId()).as("the organisation is the token's, decided by ticket-service")
			.isEmpty();

		given(desk.ticket("T-1001")).willReturn(detail(ticket().build()));
		Document opened = page(contact(get("/portal/tickets/T-1001").param("opened", "")));
		assertThat(opened.select(".ticket-opened").text())
			.isEqualTo("We have your request T-1001. We will answer by Dec 2, 2025, 10:30 AM.");
	}

	@Test
	void aRefusedIssueComesBackWithWhatWasTypedAndEachFieldSaidInTheReadersLanguage() throws Exception {
		Map<String, Message> fields = new LinkedHashMap<>();
		fields.put("subject", Message.of("field.required"));
		given(desk.open(any())).willThrow(new UnprocessableException(Message.of("problem.invalid-fields"), fields));

		Document page = page(followRefusal(contact(post("/portal/tickets").with(csrf()).header("Accept-Language", "zh-CN")
			.param("kind", "TICKET_KIND_REQUEST").param("category", "TICKET_CATEGORY_BILLING").param("subject", "")
			.param("body", "Invoice 77 is charged twice.")), "zh-CN")
			.andExpect(status().isUnprocessableContent()));

		assertThat(page.select("textarea#body").text()).isEqualTo("Invoice 77 is charged twice.");
		assertThat(page.select("select#category option[selected]").val()).isEqualTo("TICKET_CATEGORY_BILLING");
		assertThat(page.select(".field-error").text()).isNotBlank().doesNotContain("field.required")
			.doesNotContainPattern("[A-Za-z]{4,}");
	}

	/** Without a script nobody saw suggestions while typing: the refused form shows the similar articles. */
	@Test
	void aRefusedIssueShowsTheArticlesLikeItsSubjectAndTheFormLoadsTheSuggestionScript() throws Exception {
		Document blank = page(contact(get("/portal/tickets/new")));
		assertThat(blank.select("#kb-suggestions").hasAttr("hidden")).isTrue();
		assertThat(blank.select("#kb-suggestions").attr("data-url")).isEqualTo("/portal/tickets/suggestions");
		assertThat(blank.select("script[src]").eachAttr("src")).contains("/js/kb-suggest.js");
		assertThat(blank.select("script:not([src])")).as("no inline script (CSP)").isEmpty();

		given(desk.open(any())).willThrow(new UnprocessableException(Message.of("problem.invalid-fields"),
				Map.of("category", Message.of("ticket.category.required"))));
		given(knowledgeBase.suggestions("Lamps flicker", 5)).willReturn(java.util.List.of(
				com.rapport.contracts.ticket.v1.KbArticle.newBuilder().setId("kb-lamp-flicker")
					.setPublished(com.rapport.contracts.ticket.v1.KbArticleContent.newBuilder()
						.setTitleEn("LED lamps flicker after an hour").setTitleZh("LED 灯使用一小时后闪烁"))
					.build()));

		Document page = page(followRefusal(contact(post("/portal/tickets").with(csrf()).header("Accept-Language", "zh-CN")
			.param("kind", "TICKET_KIND_REQUEST").param("subject", "Lamps flicker").param("body", "After an hour.")),
				"zh-CN").andExpect(status().isUnprocessableContent()));

		assertThat(page.select("#kb-suggestions").hasAttr("hidden")).isFalse();
		assertThat(page.select("#kb-suggestions h2").text()).isEqualTo("这些文章也许已经能解答您的问题");
		assertThat(page.select("#kb-suggestions a").text()).isEqualTo("LED 灯使用一小时后闪烁");
		assertThat(page.select("#kb-suggestions a").attr("href")).isEqualTo("/kb/kb-lamp-flicker");
	}

	@Test
	void theConversationIsShownCleanedAndOnlyTheMovesTheServiceAllowsAreOffered() throws Exception {
		TicketDetail detail = detail(ticket().setStatus(TicketStatus.TICKET_STATUS_RESOLVED).build()).toBuilder()
			.addMessages(TicketMessage.newBuilder().setId("m2").setAuthorKind(TicketAuthorKind.TICKET_AUTHOR_KIND_STAFF)
				.setAuthorName("Li Na").setBody("<p>Replaced. <img src=x onerror=alert(1)><script>alert(2)</script></p>")
				.setAt(OPENED))
			.addAllowedTransitions(TicketTransition.TICKET_TRANSITION_CLOSE)
			.addAllowedTransitions(TicketTransition.TICKET_TRANSITION_REOPEN)
			.build();
		given(desk.ticket("T-1001")).willReturn(detail);

		Document page = page(contact(get("/portal/tickets/T-1001")));

		assertThat(page.select("ol.conversation li.message")).hasSize(2);
		assertThat(page.select("li.message.by-staff .message-body").html()).isEqualTo("<p>Replaced.</p>");
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.select("[onerror]")).isEmpty();
		assertThat(page.select(".ticket-actions button").eachAttr("value"))
			.containsExactly("TICKET_TRANSITION_CLOSE", "TICKET_TRANSITION_REOPEN");
		assertThat(page.select("form.reply-form")).hasSize(1);
		assertThat(page.select(".ticket-answer-by")).as("answered already").isEmpty();
	}

	@Test
	void aReplyOnAClosedTicketIsRefusedWithTheReasonAndTheDraftKept() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail(ticket().setStatus(TicketStatus.TICKET_STATUS_CLOSED).build()));
		given(desk.reply("T-1001", "Still broken", java.util.List.of())).willThrow(new ConflictException(Message.of("problem.conflict")));

		Document page = page(contact(post("/portal/tickets/T-1001/replies").with(csrf()).param("body", "Still broken"))
			.andExpect(status().isConflict()));

		assertThat(page.select(".notice.error").text()).isNotBlank();
		assertThat(page.select("form.reply-form")).as("a closed ticket takes no reply").isEmpty();
	}

	@Test
	void aReplyGoesToTheTicketAndLandsOnItsLatestMessage() throws Exception {
		given(desk.reply("T-1001", "Here are the photos.", java.util.List.of())).willReturn(detail(ticket().build()));
		contact(post("/portal/tickets/T-1001/replies").with(csrf()).param("body", "Here are the photos."))
			.andExpect(redirectedUrl("/portal/tickets/T-1001#latest"));
	}

	@Test
	void aChangeNoButtonOffersIsRefusedWithoutAskingTheService() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail(ticket().build()));
		contact(post("/portal/tickets/T-1001/status").with(csrf()).param("transition", "DELETE_EVERYTHING"))
			.andExpect(status().isUnprocessableContent());
		verify(desk, never()).changeStatus(anyString(), any(), anyString());
	}

	@Test
	void theIssueFormSendsFilesWithItsTokenInTheAddressAndTheFilesReachTheService() throws Exception {
		Document form = page(contact(get("/portal/tickets/new").cookie(new jakarta.servlet.http.Cookie("XSRF-TOKEN", "tok-1"))));
		assertThat(form.select("form.ticket-form").attr("enctype")).isEqualTo("multipart/form-data");
		assertThat(form.select("form.ticket-form").attr("action")).isEqualTo("/portal/tickets?_csrf=tok-1");
		assertThat(form.select("form.ticket-form input[type=file][name=attachments][multiple]")).hasSize(1);

		given(desk.open(any())).willReturn(detail(ticket().build()));
		contact(multipart("/portal/tickets").file(new MockMultipartFile("attachments", "delivery note.pdf",
				"application/pdf", PDF)).file(new MockMultipartFile("attachments", "", "application/octet-stream", new byte[0]))
			.with(csrf()).param("kind", "TICKET_KIND_REQUEST").param("category", "TICKET_CATEGORY_DELIVERY")
			.param("subject", "Pallet wet").param("body", "See the note."))
			.andExpect(redirectedUrl("/portal/tickets/T-1001?opened"));

		ArgumentCaptor<OpenTicketRequest> sent = ArgumentCaptor.forClass(OpenTicketRequest.class);
		verify(desk).open(sent.capture());
		assertThat(sent.getValue().getAttachmentsList()).as("the empty part of no file chosen is no file").hasSize(1);
		assertThat(sent.getValue().getAttachments(0).getFileName()).isEqualTo("delivery note.pdf");
		assertThat(sent.getValue().getAttachments(0).getContent().toByteArray()).isEqualTo(PDF);
	}

	@Test
	void aTooLargeFileIs413AndAForbiddenType415WithTheReasonInTheReadersLanguageAndTheTextKept() throws Exception {
		given(desk.open(any())).willThrow(new UnprocessableException(Message.of("attachment.too-large", "3 MB"),
				Map.of("attachments[0]", Message.of("attachment.file-too-large", "scan.pdf", "3 MB"))));
		Document tooLarge = page(followRefusal(contact(multipart("/portal/tickets")
			.file(new MockMultipartFile("attachments", "scan.pdf", "application/pdf", PDF)).with(csrf())
			.header("Accept-Language", "zh-CN").param("kind", "TICKET_KIND_REQUEST").param("subject", "Pallet wet")
			.param("body", "See the scan.")), "zh-CN").andExpect(status().isPayloadTooLarge()));
		assertThat(tooLarge.select("textarea#body").text()).isEqualTo("See the scan.");
		assertThat(tooLarge.select(".notice.error").text()).contains("3 MB").contains("文件过大");
		assertThat(tooLarge.select(".attachments-error").text()).isEqualTo("scan.pdf 超过 3 MB。");

		given(desk.reply(anyString(), anyString(), any())).willThrow(new UnprocessableException(
				Message.of("attachment.type-not-allowed"),
				Map.of("attachments[0]", Message.of("attachment.file-type-not-allowed", "invoice.pdf",
						"application/x-msdownload"))));
		given(desk.ticket("T-1001")).willReturn(detail(ticket().build()));
		Document refused = page(contact(multipart("/portal/tickets/T-1001/replies")
			.file(new MockMultipartFile("attachments", "invoice.pdf", "application/pdf", PDF)).with(csrf())
			.param("body", "The invoice")).andExpect(status().isUnsupportedMediaType()));
		assertThat(refused.select("form.reply-form textarea#body").text()).isEqualTo("The invoice");
		assertThat(refused.select(".attachments-error").text())
			.isEqualTo("invoice.pdf is application/x-msdownload, which we do not accept.");
		assertThat(refused.select(".notice.error").text()).startsWith("A file is of a type we do not accept");
	}

	@Test
	void aFileOfTheConversationIsListedAndDownloadedAsAnAttachmentNeverSniffed() throws Exception {
		TicketAttachment file = TicketAttachment.newBuilder().setId("a1").setFileName("交货单 1.pdf")
			.setContentType("application/pdf").setSize(PDF.length).build();
		TicketDetail detail = detail(ticket().build());
		detail = detail.toBuilder().setMessages(0, detail.getMessages(0).toBuilder().addAttachments(file)).build();
		given(desk.ticket("T-1001")).willReturn(detail);
		Document page = page(contact(get("/portal/tickets/T-1001")));
		assertThat(page.select("li.message ul.attachments a.attachment-link").attr("href"))
			.isEqualTo("/portal/tickets/T-1001/attachments/a1");
		assertThat(page.select("a.attachment-link").text()).isEqualTo("交货单 1.pdf");

		given(desk.attachment("T-1001", "a1")).willReturn(AttachmentContent.newBuilder().setAttachment(file)
			.setContent(com.google.protobuf.ByteString.copyFrom(PDF)).build());
		var answer = contact(get("/portal/tickets/T-1001/attachments/a1")).andExpect(status().isOk()).andReturn()
			.getResponse();
		assertThat(answer.getContentType()).isEqualTo("application/pdf");
		assertThat(answer.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''%E4%BA%A4%E8%B4%A7%E5%8D%95%201.pdf");
		assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.getContentAsByteArray()).isEqualTo(PDF);

		given(desk.attachment("T-1001", "other")).willThrow(new NotFoundException(Message.of("attachment.not-found", "other")));
		contact(get("/portal/tickets/T-1001/attachments/other")).andExpect(status().isNotFound());
	}

	@Test
	void aMergedRequestSaysInTheReadersLanguageWhereItGoesOn() throws Exception {
		given(desk.ticket("T-1001")).willReturn(detail(ticket().setStatus(TicketStatus.TICKET_STATUS_CLOSED)
			.setMergedIntoNumber("T-1002").build()));
		Document page = page(contact(get("/portal/tickets/T-1001").header("Accept-Language", "zh-CN")));
		assertThat(page.select(".ticket-merged").text()).isEqualTo("此请求已合并到 T-1002");
		assertThat(page.select(".ticket-merged a").attr("href")).isEqualTo("/portal/tickets/T-1002");
	}

	@Test
	void theListAsksForTheOrganisationsOpenOrClosedTicketsNewestFirst() throws Exception {
		given(desk.list(any())).willReturn(ListTicketsResponse.newBuilder().addTickets(ticket()).setTotalCount(1).build());

		Document page = page(contact(get("/portal/tickets").param("state", "closed")));

		ArgumentCaptor<ListTicketsRequest> asked = ArgumentCaptor.forClass(ListTicketsRequest.class);
		verify(desk).list(asked.capture());
		assertThat(asked.getValue().getState()).isEqualTo(TicketStateFilter.TICKET_STATE_FILTER_CLOSED);
		assertThat(asked.getValue().getSort()).isEqualTo(TicketSort.TICKET_SORT_NEWEST);
		assertThat(page.select("tr.ticket-row a").attr("href")).isEqualTo("/portal/tickets/T-1001");
		assertThat(page.select("nav.tabs a.current").text()).isEqualTo("Resolved and closed");
	}

	@Test
	void staffAndPartnersDoNotUseThePortalsDesk() throws Exception {
		mvc.perform(get("/portal/tickets").with(as(TestTokens.staff("agent")))).andExpect(status().isForbidden());
		mvc.perform(post("/portal/tickets").with(csrf()).param("subject", "x").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(desk);
	}

	static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static Ticket.Builder ticket() {
		return Ticket.newBuilder().setId("t1").setNumber("T-1001").setCustomerId("acme-retail")
			.setSubject("Pallets arrived crushed").setKind(TicketKind.TICKET_KIND_COMPLAINT)
			.setSeverity(ComplaintSeverity.COMPLAINT_SEVERITY_MAJOR).setCategory(TicketCategory.TICKET_CATEGORY_DELIVERY)
			.setPriority(TicketPriority.TICKET_PRIORITY_HIGH).setStatus(TicketStatus.TICKET_STATUS_NEW)
			.setOpenedAt(OPENED).setFirstResponseDue(Timestamp.newBuilder().setSeconds(OPENED.getSeconds() + 86_400))
			.setResolutionDue(Timestamp.newBuilder().setSeconds(OPENED.getSeconds() + 172_800))
			.setSlaState(SlaState.SLA_STATE_ON_TRACK).setTier(SlaTier.SLA_TIER_KEY).setOrderNumber("ACME-1015");
	}

	@Test
	void theContactSeesWhatWeStillOweThemWithTheDueTimeInTheirZoneAndOverdueOnesMarked() throws Exception {
		// ticket-service sends a customer the open promises only, without who made them, reminders or cancellations.
		given(desk.ticket("T-1001")).willReturn(detail(ticket().build()).toBuilder()
			.addCommitments(com.rapport.contracts.ticket.v1.Commitment.newBuilder().setId("c1")
				.setKind(com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CALL_BACK)
				.setWhat("We call you back about the pallets").setOwnerName("Li Na").setDueAt(OPENED)
				.setStatus(com.rapport.contracts.ticket.v1.CommitmentStatus.COMMITMENT_STATUS_OPEN))
			.addCommitments(com.rapport.contracts.ticket.v1.Commitment.newBuilder().setId("c2")
				.setKind(com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CREDIT_NOTE)
				.setWhat("A credit note for the crushed pallets").setOwnerName("Li Na").setDueAt(OPENED).setBroken(true)
				.setStatus(com.rapport.contracts.ticket.v1.CommitmentStatus.COMMITMENT_STATUS_OPEN))
			.build());

		Document en = page(contact(get("/portal/tickets/T-1001")).andExpect(status().isOk()));
		assertThat(en.select("#commitments h2").text()).isEqualTo("What we promised you");
		assertThat(en.select("li.commitment")).extracting(e -> e.attr("data-state")).containsExactly("open", "overdue");
		assertThat(en.select("li[data-commitment=c1] .commitment-what").text())
			.isEqualTo("We call you back about the pallets");
		assertThat(en.select("li[data-commitment=c1] .commitment-due").text()).startsWith("Li Na · by ").contains("10:30");
		assertThat(en.select("li[data-commitment=c1] .commitment-overdue")).isEmpty();
		assertThat(en.select("li[data-commitment=c2] .commitment-overdue").text()).isEqualTo("overdue");
		assertThat(en.select("form.keep-commitment, form.cancel-commitment, form.commitment-form")).isEmpty();

		Document zh = page(contact(get("/portal/tickets/T-1001").header("Accept-Language", "zh-CN")));
		assertThat(zh.select("#commitments h2").text()).isEqualTo("我们对您的承诺");
		assertThat(zh.select("li[data-commitment=c2] .commitment-kind").text()).isEqualTo("贷项通知单");

		given(desk.ticket("T-1002")).willReturn(detail(ticket().setNumber("T-1002").build()));
		assertThat(page(contact(get("/portal/tickets/T-1002"))).select("#commitments")).as("none owed: no section")
			.isEmpty();
	}

	static TicketDetail detail(Ticket ticket) {
		return TicketDetail.newBuilder().setTicket(ticket)
			.addMessages(TicketMessage.newBuilder().setId("m1").setAuthorKind(TicketAuthorKind.TICKET_AUTHOR_KIND_CUSTOMER)
				.setAuthorName("Alice Chen").setBody("<p>Three of five pallets.</p>").setAt(OPENED))
			.setCanReply(ticket.getStatus() != TicketStatus.TICKET_STATUS_CLOSED)
			.build();
	}

	private ResultActions contact(
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.with(as(TestTokens.customer("acme-retail"))));
	}

	/**
	 * A refused form is answered with a redirect to the form (the token leaves the address), what was typed following
	 * in a short-lived cookie: the form's page as the browser then gets it.
	 */
	private ResultActions followRefusal(ResultActions posted, String language) throws Exception {
		var result = posted.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/portal/tickets/new?refused")).andReturn();
		jakarta.servlet.http.Cookie draft = result.getResponse().getCookie("rapport-ticket-draft");
		assertThat(draft.getMaxAge()).isEqualTo(120);
		assertThat(draft.isHttpOnly()).isTrue();
		assertThat(draft.getPath()).isEqualTo("/portal/tickets/new");
		ResultActions shown = contact(get("/portal/tickets/new").param("refused", "").cookie(draft)
			.header("Accept-Language", language));
		assertThat(shown.andReturn().getResponse().getCookie("rapport-ticket-draft").getMaxAge())
			.as("read once").isZero();
		return shown;
	}

	/** The address of the refused form has no token; a description too long for a cookie is answered in place. */
	@Test
	void aRefusedFormLeavesTheTokenOutOfTheAddressAndAVeryLongDraftIsAnsweredInPlace() throws Exception {
		given(desk.open(any())).willThrow(new UnprocessableException(Message.of("problem.invalid-fields"),
				Map.of("category", Message.of("ticket.category.required"))));
		String location = contact(multipart("/portal/tickets").queryParam("_csrf", "tok-1").with(csrf())
			.param("subject", "发票金额不对").param("body", "发票 77 重复收费。"))
			.andExpect(status().isSeeOther()).andReturn().getResponse().getHeader("Location");
		assertThat(location).isEqualTo("/portal/tickets/new?refused").doesNotContain("tok-1");

		// Reloaded once the draft is read (or after two minutes): a fresh form, nothing refused.
		Document fresh = page(contact(get("/portal/tickets/new").param("refused", "")).andExpect(status().isOk()));
		assertThat(fresh.select("input#subject").val()).isEmpty();
		assertThat(fresh.select(".notice.error")).isEmpty();

		String longText = "发票金额不对。".repeat(400);
		Document inPlace = page(contact(post("/portal/tickets").with(csrf()).param("subject", "Invoice")
			.param("body", longText)).andExpect(status().isUnprocessableContent()));
		assertThat(inPlace.select("textarea#body").text()).isEqualTo(longText);
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
