package com.rapport.portal.kb;

import java.util.Arrays;
import java.util.List;

import com.rapport.contracts.ticket.v1.KbArticle;
import com.rapport.contracts.ticket.v1.KbArticleContent;

/**
 * An article as a reader sees it, in the reader's language (Chinese for {@code zh*}, else English): its title and
 * its text as paragraphs (split at blank lines; each shown as text, never as markup).
 */
record ArticleView(String id, String category, String title, List<String> paragraphs, long helpful,
		long notHelpful) {

	static ArticleView of(KbArticle article, KbArticleContent content, boolean chinese) {
		String body = chinese ? content.getBodyZh() : content.getBodyEn();
		return new ArticleView(article.getId(), article.getCategory().name(),
				chinese ? content.getTitleZh() : content.getTitleEn(),
				Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList(),
				article.getHelpfulCount(), article.getNotHelpfulCount());
	}

	/** The published version, as the portal shows it. */
	static ArticleView published(KbArticle article, boolean chinese) {
		return of(article, article.getPublished(), chinese);
	}
}
