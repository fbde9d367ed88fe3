package com.rapport.portal.kb;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ticket.v1.KbArticle;
import com.rapport.contracts.ticket.v1.KbArticleContent;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.portal.remote.KnowledgeBaseClient;
import com.rapport.portal.web.TicketChoices;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The knowledge base in the console: staff list the articles (published or a draft, with the helpful counts) and
 * write drafts; managers and admins publish a draft or withdraw an article. ticket-service checks every permission
 * again, validates and audits.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class KbConsoleController {

	private final KnowledgeBaseClient knowledgeBase;

	private final TicketPages pages;

	KbConsoleController(KnowledgeBaseClient knowledgeBase, TicketPages pages) {
		this.knowledgeBase = knowledgeBase;
		this.pages = pages;
	}

	@GetMapping("/console/kb")
	String list(@RequestParam(required = false) String notice, Model model) {
		model.addAttribute("articles", knowledgeBase.articles());
		model.addAttribute("notice",
				"saved".equals(notice) || "published".equals(notice) || "withdrawn".equals(notice) ? notice : null);
		return "console/kb";
	}

	@GetMapping("/console/kb/new")
	String newArticle(Model model) {
		return form(model, KbArticle.getDefaultInstance(), Map.of());
	}

	@GetMapping("/console/kb/{id}")
	String edit(@PathVariable String id, Model model) {
		return form(model, knowledgeBase.article(id), Map.of());
	}

	@PostMapping("/console/kb")
	String save(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String category,
			@RequestParam(defaultValue = "") String titleEn, @RequestParam(defaultValue = "") String titleZh,
			@RequestParam(defaultValue = "") String bodyEn, @RequestParam(defaultValue = "") String bodyZh,
			Model model, HttpServletResponse response) {
		TicketCategory chosen = TicketChoices.chosen(TicketChoices.CATEGORIES, category)
			.orElse(TicketCategory.TICKET_CATEGORY_UNSPECIFIED);
		KbArticleContent draft = KbArticleContent.newBuilder().setTitleEn(titleEn).setTitleZh(titleZh)
			.setBodyEn(bodyEn).setBodyZh(bodyZh).build();
		try {
			KbArticle saved = knowledgeBase.saveDraft(id.strip(), chosen, draft);
			return "redirect:/console/kb/" + UriUtils.encodePathSegment(saved.getId(), "UTF-8") + "?saved";
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			KbArticle.Builder typed = (id.isBlank() ? KbArticle.newBuilder() : knowledgeBase.article(id.strip())
				.toBuilder()).setCategory(chosen).setDraft(draft);
			return form(model, typed.build(), pages.errors(ex));
		}
	}

	@PostMapping("/console/kb/{id}/publish")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String publish(@PathVariable String id) {
		knowledgeBase.publish(id, false);
		return "redirect:/console/kb?notice=published";
	}

	@PostMapping("/console/kb/{id}/withdraw")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String withdraw(@PathVariable String id) {
		knowledgeBase.publish(id, true);
		return "redirect:/console/kb?notice=withdrawn";
	}

	private static String form(Model model, KbArticle article, Map<String, String> errors) {
		model.addAttribute("article", article);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", TicketChoices.CATEGORIES);
		return "console/kb-form";
	}
}
