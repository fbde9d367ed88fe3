package com.rapport.ticket.kb;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import com.rapport.support.migration.OnceAtStart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keys the published articles again with the current {@link SearchKeys} (session 17: English stemmed), once: at
 * start, unless the marker {@value #MARKER} in {@code migrations} says it was done. Only articles with a published
 * version are read and only their {@code searchKeys} are written, and only while the published version is the one
 * read (a publication meanwhile stored its own keys). A failure is logged and tried again at the next start.
 */
@Component
class SearchKeysReindex implements ApplicationRunner {

	static final String MARKER = "kb-search-keys-v2";

	private static final Logger log = LoggerFactory.getLogger(SearchKeysReindex.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	SearchKeysReindex(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		OnceAtStart.run(mongo, clock, MARKER, log, "the knowledge base's stemmed search keys", this::reindex);
	}

	/** Stores the keys of every published article whose keys differ; answers how many it wrote. */
	int reindex() {
		int stored = 0;
		for (KbArticle article : mongo.find(Query.query(Criteria.where("published").ne(null)), KbArticle.class)) {
			List<String> keys = KnowledgeBase.keys(article.published());
			if (Objects.equals(keys, article.searchKeys())) {
				continue;
			}
			Criteria unchanged = Criteria.where("_id").is(article.id()).and("publishedVersion").is(article.publishedVersion());
			stored += (int) mongo.updateFirst(Query.query(unchanged), Update.update("searchKeys", keys), KbArticle.class)
				.getModifiedCount();
		}
		return stored;
	}
}
