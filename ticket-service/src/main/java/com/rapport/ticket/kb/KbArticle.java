package com.rapport.ticket.kb;

import java.time.Instant;
import java.util.List;

import com.rapport.ticket.ticket.Category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A knowledge-base article ({@code kb_articles}): its category, the draft staff write and the version published
 * (null while never published or withdrawn) with how often and by whom, the helpful / not helpful counts, and
 * the search keys of its published version ({@link SearchKeys}; empty while unpublished, so the multikey index
 * {@code search_keys} holds published articles only).
 */
@Document("kb_articles")
public record KbArticle(@Id String id, Category category, ArticleContent draft, ArticleContent published,
		int publishedVersion, Instant publishedAt, String publishedBy, Instant updatedAt, String updatedBy,
		long helpfulCount, long notHelpfulCount, @Indexed(name = "search_keys") List<String> searchKeys) {

	public boolean isPublished() {
		return published != null;
	}

	/** Whether the draft says something the published version does not. */
	public boolean draftPending() {
		return !draft.equals(published);
	}
}
