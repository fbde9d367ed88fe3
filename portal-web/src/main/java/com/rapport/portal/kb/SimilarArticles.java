package com.rapport.portal.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.portal.remote.KnowledgeBaseClient;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.web.util.UriUtils;

/**
 * The published articles like a request's subject: for the script as the contact types, and for the form shown
 * again without a script. Never in the way of raising the request: ticket-service unavailable gives none.
 */
public final class SimilarArticles {

	static final int MIN_SUBJECT = 3;

	static final int MAX_SUBJECT = 200;

	private SimilarArticles() {
	}

	/** Each article's title in the reader's language ({@code title}) and its address ({@code url}). */
	public static List<Map<String, String>> find(KnowledgeBaseClient knowledgeBase, String subject, boolean chinese) {
		String asked = subject == null ? "" : subject.strip();
		if (asked.length() < MIN_SUBJECT || asked.length() > MAX_SUBJECT) {
			return List.of();
		}
		try {
			return knowledgeBase.suggestions(asked, KbSuggestionsController.LIMIT).stream()
				.map(a -> {
					// In this order in the JSON: title, then url.
					Map<String, String> shown = new LinkedHashMap<>();
					shown.put("title", chinese ? a.getPublished().getTitleZh() : a.getPublished().getTitleEn());
					shown.put("url", "/kb/" + UriUtils.encodePathSegment(a.getId(), "UTF-8"));
					return shown;
				})
				.toList();
		}
		catch (RemoteUnavailableException ex) {
			return List.of();
		}
	}
}
