package com.rapport.ticket.kb;

/** One version of an article: its title and text in English and in Chinese (plain text, paragraphs by blank lines). */
public record ArticleContent(String titleEn, String titleZh, String bodyEn, String bodyZh) {

	/** The title in the reader's language: Chinese for {@code zh*}, else English. */
	public String title(String language) {
		return language != null && language.startsWith("zh") ? titleZh : titleEn;
	}
}
