package com.rapport.portal.kb;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ticket.v1.RecordHelpfulResponse;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.portal.remote.KnowledgeBaseClient;
import com.rapport.portal.web.TicketChoices;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.WebUtils;

/**
 * The public knowledge base: {@code /kb} (the published articles by category, or those matching {@code ?q=}),
 * {@code /kb/<id>} (one, in the reader's language) and {@code POST /kb/<id>/helpful} ("was this helpful",
 * counted once per visitor: the visitor cookie {@value #VISITOR_COOKIE}, made on the first vote). Public: the
 * gateway and this application let {@code /kb/**} through without a login; ticket-service is asked as this
 * application and answers published articles only.
 */
@Controller
class KnowledgeBasePageController {

	static final String VISITOR_COOKIE = "rapport-kb-visitor";

	static final int MAX_QUERY = 200;

	private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private final KnowledgeBaseClient knowledgeBase;

	KnowledgeBasePageController(KnowledgeBaseClient knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@GetMapping("/kb")
	String articles(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String category,
			Model model, Locale locale, HttpServletResponse response) {
		boolean chinese = chinese(locale);
		String query = q.strip();
		model.addAttribute("q", query);
		model.addAttribute("categories", TicketChoices.CATEGORIES);
		if (query.length() > MAX_QUERY) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("searchInvalid", true);
			model.addAttribute("articles", List.of());
			return "kb/articles";
		}
		TicketCategory chosen = TicketChoices.chosen(TicketChoices.CATEGORIES, category)
			.orElse(TicketCategory.TICKET_CATEGORY_UNSPECIFIED);
		model.addAttribute("category", chosen == TicketCategory.TICKET_CATEGORY_UNSPECIFIED ? "" : chosen.name());
		var found = query.isEmpty() ? knowledgeBase.publishedArticles(chosen) : knowledgeBase.search(query, 10);
		model.addAttribute("articles", found.stream().map(a -> ArticleView.published(a, chinese)).toList());
		return "kb/articles";
	}

	@GetMapping("/kb/{id}")
	String article(@PathVariable String id, @RequestParam(required = false) String voted, Model model,
			Locale locale) {
		model.addAttribute("article", ArticleView.published(knowledgeBase.publishedArticle(id), chinese(locale)));
		model.addAttribute("voted", "counted".equals(voted) || "again".equals(voted) ? voted : null);
		return "kb/article";
	}

	@PostMapping("/kb/{id}/helpful")
	String helpful(@PathVariable String id, @RequestParam(defaultValue = "") String helpful,
			HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = WebUtils.getCookie(request, VISITOR_COOKIE);
		String visitor = cookie != null && VISITOR.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
		if (visitor == null) {
			visitor = UUID.randomUUID().toString();
			Cookie made = new Cookie(VISITOR_COOKIE, visitor);
			made.setHttpOnly(true);
			made.setPath("/kb");
			made.setMaxAge(60 * 60 * 24 * 365);
			made.setSecure(request.isSecure());
			made.setAttribute("SameSite", "Lax");
			response.addCookie(made);
		}
		RecordHelpfulResponse answer = knowledgeBase.vote(id, "yes".equals(helpful), visitor);
		return "redirect:/kb/" + UriUtils.encodePathSegment(id, "UTF-8") + "?voted="
				+ (answer.getCounted() ? "counted" : "again") + "#helpful";
	}

	static boolean chinese(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage());
	}
}
