package com.rapport.portal.kb;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.portal.remote.KnowledgeBaseClient;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /portal/tickets/suggestions?subject=}: the published articles matching what a contact is typing as a
 * new request's subject (at most {@value #LIMIT}), for {@code js/kb-suggest.js}: JSON, each with its title in the
 * reader's language and its address. A subject under three characters or over 200 asks nothing and gets none.
 */
@RestController
@PreAuthorize("hasRole('customer')")
class KbSuggestionsController {

	static final int LIMIT = 5;

	private final KnowledgeBaseClient knowledgeBase;

	KbSuggestionsController(KnowledgeBaseClient knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@GetMapping(path = "/portal/tickets/suggestions", produces = "application/json")
	ResponseEntity<List<Map<String, String>>> suggestions(@RequestParam(defaultValue = "") String subject,
			Locale locale) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(SimilarArticles.find(knowledgeBase, subject, KnowledgeBasePageController.chinese(locale)));
	}
}
