package com.rapport.portal.kb;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import com.rapport.contracts.ticket.v1.KbArticle;
import com.rapport.contracts.ticket.v1.KbArticleContent;
import com.rapport.contracts.ticket.v1.RecordHelpfulResponse;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.portal.remote.KnowledgeBaseClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The knowledge base's pages: public reading and voting, a contact's suggestions, the console's articles. */
@WebMvcTest({ KnowledgeBasePageController.class, KbSuggestionsController.class, KbConsoleController.class })
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class KnowledgeBasePagesMvcTests {

	static final KbArticleContent LAMPS = KbArticleContent.newBuilder()
		.setTitleEn("LED lamps flicker after an hour").setTitleZh("LED 灯使用一小时后闪烁")
		.setBodyEn("Check the <b>dimmer</b>.\n\nKeep air around the driver.").setBodyZh("请检查调光器。\n\n驱动器周围要留出空间。")
		.build();

	static final KbArticle PUBLISHED = KbArticle.newBuilder().setId("kb-lamps")
		.setCategory(TicketCategory.TICKET_CATEGORY_TECHNICAL).setPublished(LAMPS).setIsPublished(true)
		.setPublishedVersion(2).setHelpfulCount(3).setNotHelpfulCount(1).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	KnowledgeBaseClient knowledgeBase;

	private static Document page(ResultActions result) throws Exception {
		return page(result.andReturn());
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private ResultActions by(String role, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(as(TestTokens.staff(role))));
	}

	@Test
	void anyoneReadsThePublishedArticlesWithoutSigningInInTheirLanguage() throws Exception {
		given(knowledgeBase.publishedArticles(TicketCategory.TICKET_CATEGORY_UNSPECIFIED)).willReturn(List.of(PUBLISHED));

		Document english = page(mvc.perform(get("/kb")).andExpect(status().isOk()));
		assertThat(english.select("li.kb-article a").text()).isEqualTo("LED lamps flicker after an hour");
		assertThat(english.select("li.kb-article a").attr("href")).isEqualTo("/kb/kb-lamps");
		assertThat(english.select(".topbar .sign-in").attr("href")).isEqualTo("/");
		assertThat(english.select(".topbar form.logout")).isEmpty();

		Document chinese = page(mvc.perform(get("/kb").header("Accept-Language", "zh-CN")).andExpect(status().isOk()));
		assertThat(chinese.select("li.kb-article a").text()).isEqualTo("LED 灯使用一小时后闪烁");
		assertThat(chinese.select("li.kb-article .muted").text()).isEqualTo("技术");

		given(knowledgeBase.publishedArticles(TicketCategory.TICKET_CATEGORY_BILLING)).willReturn(List.of());
		Document billing = page(mvc.perform(get("/kb").param("category", "TICKET_CATEGORY_BILLING")));
		assertThat(billing.select(".kb-categories a.current").text()).isEqualTo("Billing");
		assertThat(billing.select("p.empty").text()).isEqualTo("No article yet.");
	}

	@Test
	void anArticleIsShownAsTextInParagraphsWithTheHelpfulQuestion() throws Exception {
		given(knowledgeBase.publishedArticle("kb-lamps")).willReturn(PUBLISHED);

		Document page = page(mvc.perform(get("/kb/kb-lamps").cookie(new Cookie("XSRF-TOKEN", "t0k3n")))
			.andExpect(status().isOk()));

		assertThat(page.select("article h1").text()).isEqualTo("LED lamps flicker after an hour");
		assertThat(page.select("article p:not(.muted)").eachText()).containsExactly("Check the <b>dimmer</b>.",
				"Keep air around the driver.");
		assertThat(page.select("article b")).as("an article's text is never markup").isEmpty();
		assertThat(page.select("#helpful form").attr("action")).isEqualTo("/kb/kb-lamps/helpful");
		assertThat(page.select("#helpful input[name=_csrf]").val()).isEqualTo("t0k3n");
		assertThat(page.select("#helpful-count").text()).isEqualTo("3 people found this helpful.");

		given(knowledgeBase.publishedArticle("kb-draft")).willThrow(new NotFoundException(
				Message.of("kb.article-not-found", "kb-draft")));
		mvc.perform(get("/kb/kb-draft")).andExpect(status().isNotFound());
	}

	@Test
	void aVisitorsVoteIsCountedOnceByTheVisitorCookie() throws Exception {
		given(knowledgeBase.vote(eq("kb-lamps"), eq(true), anyString()))
			.willReturn(RecordHelpfulResponse.newBuilder().setCounted(true).setHelpfulCount(4).build());
		MvcResult first = mvc.perform(post("/kb/kb-lamps/helpful").with(csrf()).param("helpful", "yes"))
			.andExpect(redirectedUrl("/kb/kb-lamps?voted=counted#helpful")).andReturn();
		Cookie visitor = first.getResponse().getCookie(KnowledgeBasePageController.VISITOR_COOKIE);
		assertThat(visitor.getValue()).matches("[0-9a-f-]{36}");
		assertThat(visitor.isHttpOnly()).isTrue();
		assertThat(visitor.getPath()).isEqualTo("/kb");
		verify(knowledgeBase).vote("kb-lamps", true, visitor.getValue());

		given(knowledgeBase.vote("kb-lamps", false, visitor.getValue()))
			.willReturn(RecordHelpfulResponse.newBuilder().setCounted(false).setHelpfulCount(4).build());
		MvcResult again = mvc.perform(post("/kb/kb-lamps/helpful").with(csrf()).param("helpful", "no").cookie(visitor))
			.andExpect(redirectedUrl("/kb/kb-lamps?voted=again#helpful")).andReturn();
		assertThat(again.getResponse().getCookie(KnowledgeBasePageController.VISITOR_COOKIE)).isNull();

		given(knowledgeBase.publishedArticle("kb-lamps")).willReturn(PUBLISHED);
		Document told = page(mvc.perform(get("/kb/kb-lamps").param("voted", "again").header("Accept-Language", "zh-CN")));
		assertThat(told.select("#voted-again").text()).isEqualTo("您已经反馈过了：每位访客只计一次。");
		assertThat(told.select("#helpful form")).isEmpty();

		// A cookie that is not ours is replaced, never passed on.
		given(knowledgeBase.vote(eq("kb-lamps"), eq(true), anyString()))
			.willReturn(RecordHelpfulResponse.newBuilder().setCounted(true).build());
		MvcResult forged = mvc.perform(post("/kb/kb-lamps/helpful").with(csrf()).param("helpful", "yes")
			.cookie(new Cookie(KnowledgeBasePageController.VISITOR_COOKIE, "x\"<script>"))).andReturn();
		String made = forged.getResponse().getCookie(KnowledgeBasePageController.VISITOR_COOKIE).getValue();
		verify(knowledgeBase).vote("kb-lamps", true, made);
		verify(knowledgeBase, never()).vote(any(), eq(true), eq("x\"<script>"));
	}

	@Test
	void aSearchSaysHowManyMatchAndATooLongOneIsNotSent() throws Exception {
		given(knowledgeBase.search("lamps flicker", 10)).willReturn(List.of(PUBLISHED));
		Document found = page(mvc.perform(get("/kb").param("q", " lamps flicker ")).andExpect(status().isOk()));
		assertThat(found.select("#search-count").text()).isEqualTo("1 article matches “lamps flicker”.");
		assertThat(found.select("input#q").val()).isEqualTo("lamps flicker");

		Document refused = page(mvc.perform(get("/kb").param("q", "x".repeat(201))).andExpect(status().isBadRequest()));
		assertThat(refused.select("#search-invalid").text()).startsWith("This search could not be run");
		verify(knowledgeBase, never()).search(eq("x".repeat(201)), anyInt());
	}

	@Test
	void aContactTypingASubjectGetsTheMatchingArticlesAsJson() throws Exception {
		given(knowledgeBase.suggestions("lamps flicker", KbSuggestionsController.LIMIT)).willReturn(List.of(PUBLISHED));

		String json = mvc.perform(get("/portal/tickets/suggestions").param("subject", "lamps flicker")
			.header("Accept-Language", "zh-CN").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).isEqualTo("[{\"title\":\"LED 灯使用一小时后闪烁\",\"url\":\"/kb/kb-lamps\"}]");

		String tooShort = mvc.perform(get("/portal/tickets/suggestions").param("subject", "la")
			.with(as(TestTokens.customer("acme-retail")))).andReturn().getResponse().getContentAsString();
		assertThat(tooShort).isEqualTo("[]");
		verify(knowledgeBase, never()).suggestions(eq("la"), anyInt());

		by("agent", get("/portal/tickets/suggestions").param("subject", "lamps")).andExpect(status().isForbidden());
		mvc.perform(get("/portal/tickets/suggestions").param("subject", "lamps")).andExpect(status().isUnauthorized());
	}

	@Test
	void staffListTheArticlesAndOnlyManagersPublish() throws Exception {
		KbArticle draft = KbArticle.newBuilder().setId("kb-new").setCategory(TicketCategory.TICKET_CATEGORY_DELIVERY)
			.setDraft(KbArticleContent.newBuilder().setTitleEn("Customs holds").setTitleZh("海关滞留")).setUpdatedBy("agent.li")
			.build();
		KbArticle pending = PUBLISHED.toBuilder().setDraft(LAMPS.toBuilder().setTitleEn("LED lamps flicker: dimmers"))
			.setDraftPending(true).build();
		given(knowledgeBase.articles()).willReturn(List.of(draft, pending));

		Document agent = page(by("agent", get("/console/kb")).andExpect(status().isOk()));
		assertThat(agent.select(".topbar .nav-kb-console").attr("href")).isEqualTo("/console/kb");
		assertThat(agent.select("tr.kb-article .kb-title").eachText()).containsExactly("Customs holds",
				"LED lamps flicker: dimmers");
		assertThat(agent.select("tr.kb-article .kb-state").eachText()).containsExactly("Draft, not in the portal",
				"Published (version 2) changes not published yet");
		assertThat(agent.select("tr.kb-article .kb-votes").eachText()).containsExactly("0 yes, 0 no", "3 yes, 1 no");
		assertThat(agent.select("button.publish, button.withdraw")).isEmpty();

		Document manager = page(by("manager", get("/console/kb").param("lang", "zh-CN")));
		assertThat(manager.select("tr[data-article=kb-new] button").eachText()).containsExactly("发布");
		assertThat(manager.select("tr[data-article=kb-lamps] button").eachText()).containsExactly("发布", "撤回");

		by("agent", post("/console/kb/kb-new/publish").with(csrf())).andExpect(status().isForbidden());
		verify(knowledgeBase, never()).publish(anyString(), any(Boolean.class));
		by("manager", post("/console/kb/kb-new/publish").with(csrf()))
			.andExpect(redirectedUrl("/console/kb?notice=published"));
		verify(knowledgeBase).publish("kb-new", false);
		by("manager", post("/console/kb/kb-lamps/withdraw").with(csrf()))
			.andExpect(redirectedUrl("/console/kb?notice=withdrawn"));
		verify(knowledgeBase).publish("kb-lamps", true);

		mvc.perform(get("/console/kb").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
	}

	@Test
	void aDraftIsSavedOrComesBackWithEachBadFieldInTheReadersLanguage() throws Exception {
		Map<String, Message> fields = new LinkedHashMap<>();
		fields.put("category", Message.of("field.required"));
		fields.put("titleZh", Message.of("field.too-long", 200));
		given(knowledgeBase.saveDraft(eq(""), any(), any()))
			.willThrow(new UnprocessableException(Message.of("kb.cannot-save"), fields));

		Document refused = page(by("agent", post("/console/kb").with(csrf()).header("Accept-Language", "zh-CN")
			.param("category", "NONSENSE").param("titleEn", "Customs holds").param("titleZh", "长".repeat(201))
			.param("bodyEn", "What a hold means.").param("bodyZh", "")).andExpect(status().isUnprocessableContent()));
		assertThat(refused.select(".notice.error").text()).isEqualTo("无法保存这篇文章。");
		assertThat(refused.select("#category + .field-error").text()).isEqualTo("为必填项");
		assertThat(refused.select("#titleZh + .field-error").text()).isEqualTo("最多 200 个字符");
		assertThat(refused.select("#titleEn").val()).isEqualTo("Customs holds");
		assertThat(refused.select("#bodyEn").text()).isEqualTo("What a hold means.");
		ArgumentCaptor<KbArticleContent> sent = ArgumentCaptor.forClass(KbArticleContent.class);
		verify(knowledgeBase).saveDraft(eq(""), eq(TicketCategory.TICKET_CATEGORY_UNSPECIFIED), sent.capture());
		assertThat(sent.getValue().getTitleEn()).isEqualTo("Customs holds");

		given(knowledgeBase.saveDraft(eq(""), eq(TicketCategory.TICKET_CATEGORY_DELIVERY), any()))
			.willReturn(KbArticle.newBuilder().setId("kb-9").build());
		by("agent", post("/console/kb").with(csrf()).param("category", "TICKET_CATEGORY_DELIVERY")
			.param("titleEn", "a").param("titleZh", "b").param("bodyEn", "c").param("bodyZh", "d"))
			.andExpect(redirectedUrl("/console/kb/kb-9?saved"));
		verifyNoInteractionsWithPublishing();
	}

	private void verifyNoInteractionsWithPublishing() {
		verify(knowledgeBase, never()).publish(anyString(), any(Boolean.class));
	}
}
