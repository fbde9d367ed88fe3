package com.rapport.ticket.kb;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.Category;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The knowledge base's rules. Staff write drafts (agents too) and read everything; managers and admins publish and
 * withdraw; customers and services (portal-web for a visitor without a login) read, search and vote on published
 * articles only; partners nothing. Every change a person makes is audited ({@code kb.article-created},
 * {@code kb.draft-saved}, {@code kb.published}, {@code kb.withdrawn}; never the text). A vote is not audited:
 * visitors have no name.
 */
@Service
public class KnowledgeBase {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 20_000;

	static final int MAX_QUERY = 200;

	static final int DEFAULT_LIMIT = 5;

	static final int MAX_LIMIT = 10;

	/** How many matching articles a search ranks at most (read from the index). */
	static final int SEARCH_WINDOW = 200;

	private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	KnowledgeBase(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a vote did: counted (or not, as a repeat) and the counts after it. */
	public record VoteOutcome(boolean counted, long helpful, long notHelpful) {
	}

	/** Staff: every article; others: the published ones. {@code category} null: every category. */
	public List<KbArticle> list(Caller caller, Category category) {
		requireReader(caller);
		Query query = category == null ? new Query() : Query.query(Criteria.where("category").is(category));
		return mongo.find(query, KbArticle.class).stream()
			.filter(a -> isStaff(caller) || a.isPublished())
			.sorted(Comparator.comparing(KbArticle::category).thenComparing(a -> title(a, caller)))
			.toList();
	}

	public KbArticle get(Caller caller, String id) {
		requireReader(caller);
		KbArticle article = find(id);
		if (!isStaff(caller) && !article.isPublished()) {
			throw notFound(id);
		}
		return article;
	}

	/** Published articles sharing the most keys with the query, the most helpful first among equals. */
	public List<KbArticle> search(Caller caller, String text, int limit) {
		requireReader(caller);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "search");
		if (text != null && text.length() > MAX_QUERY) {
			errors.rejectValue("query", "field.too-long", new Object[] { MAX_QUERY }, null);
		}
		if (limit < 0 || limit > MAX_LIMIT) {
			errors.rejectValue("limit", "kb.search.limit", new Object[] { MAX_LIMIT }, null);
		}
		UnprocessableException.throwIfAny(Message.of("kb.cannot-search"), errors);
		List<String> keys = SearchKeys.of(text);
		if (keys.isEmpty()) {
			return List.of();
		}
		List<String> asked = keys.subList(0, Math.min(keys.size(), SearchKeys.MAX_QUERY_KEYS));
		return mongo.find(searchQuery(asked), KbArticle.class).stream()
			.filter(KbArticle::isPublished)
			.sorted(Comparator.comparingLong((KbArticle a) -> -matched(a, asked))
				.thenComparingLong(a -> -(a.helpfulCount() - a.notHelpfulCount()))
				.thenComparing(a -> a.published().titleEn()))
			.limit(limit == 0 ? DEFAULT_LIMIT : limit)
			.toList();
	}

	/** The read behind a search: the multikey index {@code search_keys} answers it whole. */
	static Query searchQuery(List<String> keys) {
		return Query.query(Criteria.where("searchKeys").in(keys)).limit(SEARCH_WINDOW);
	}

	private static long matched(KbArticle article, List<String> keys) {
		return keys.stream().filter(article.searchKeys()::contains).count();
	}

	/** Creates ({@code id} empty) or changes an article's draft. */
	public KbArticle saveDraft(Caller caller, String id, Category category, ArticleContent draft) {
		requireStaff(caller);
		String given = id == null ? "" : id.strip();
		KbArticle before = given.isEmpty() ? null : find(given);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "article");
		if (category == null) {
			errors.rejectValue("category", "field.required");
		}
		ArticleContent content = draft == null ? new ArticleContent(null, null, null, null) : draft;
		check(errors, "titleEn", content.titleEn(), MAX_TITLE);
		check(errors, "titleZh", content.titleZh(), MAX_TITLE);
		check(errors, "bodyEn", content.bodyEn(), MAX_BODY);
		check(errors, "bodyZh", content.bodyZh(), MAX_BODY);
		UnprocessableException.throwIfAny(Message.of("kb.cannot-save"), errors);
		ArticleContent stripped = new ArticleContent(content.titleEn().strip(), content.titleZh().strip(),
				content.bodyEn().strip(), content.bodyZh().strip());
		Instant now = clock.instant();
		KbArticle saved;
		if (before == null) {
			saved = mongo.insert(new KbArticle(UUID.randomUUID().toString(), category, stripped, null, 0, null, null,
					now, caller.name(), 0, 0, List.of()));
		}
		else {
			// Only the draft and the category: the published version, its keys and the counts stay as they are.
			mongo.updateFirst(Query.query(Criteria.where("_id").is(before.id())), new Update().set("category", category)
				.set("draft", stripped).set("updatedAt", now).set("updatedBy", caller.name()), KbArticle.class);
			saved = find(before.id());
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("category", before == null || before.category() == category ? category.name()
				: before.category() + " -> " + category);
		details.put("title", before == null || before.draft().titleEn().equals(stripped.titleEn()) ? stripped.titleEn()
				: before.draft().titleEn() + " -> " + stripped.titleEn());
		audit.record(caller, before == null ? "kb.article-created" : "kb.draft-saved", "kb-article", saved.id(), null,
				details);
		return saved;
	}

	/** Publishes the draft as it stands, or withdraws the article from the portal. */
	public KbArticle publish(Caller caller, String id, boolean withdraw) {
		requireManager(caller);
		KbArticle article = find(id == null ? "" : id.strip());
		Instant now = clock.instant();
		Update update = withdraw ? new Update().set("published", null).set("searchKeys", List.of())
				: new Update().set("published", article.draft()).inc("publishedVersion", 1).set("publishedAt", now)
					.set("publishedBy", caller.name()).set("searchKeys", keys(article.draft()));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(article.id())), update, KbArticle.class);
		KbArticle after = find(article.id());
		audit.record(caller, withdraw ? "kb.withdrawn" : "kb.published", "kb-article", article.id(), null,
				withdraw ? Map.of("title", article.draft().titleEn())
						: Map.of("title", article.draft().titleEn(), "version", String.valueOf(after.publishedVersion())));
		return after;
	}

	/** Counts one visitor's "was this helpful" once; a repeat counts nothing. */
	public VoteOutcome vote(Caller caller, String id, boolean helpful, String visitorId) {
		if (!caller.hasRole(Caller.CUSTOMER) && !caller.hasRole(Caller.INTERNAL) || isStaff(caller)) {
			throw new AccessDeniedException("Visitors and customers say whether an article helped");
		}
		if (visitorId == null || !VISITOR.matcher(visitorId).matches()) {
			throw UnprocessableException.field(Message.of("kb.cannot-vote"), "visitorId",
					Message.of("kb.visitor.format"));
		}
		KbArticle article = get(caller, id);
		try {
			mongo.insert(new KbVote(article.id() + ":" + visitorId, article.id(), helpful, clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			return new VoteOutcome(false, article.helpfulCount(), article.notHelpfulCount());
		}
		KbArticle after = mongo.findAndModify(Query.query(Criteria.where("_id").is(article.id())),
				new Update().inc(helpful ? "helpfulCount" : "notHelpfulCount", 1),
				FindAndModifyOptions.options().returnNew(true), KbArticle.class);
		return new VoteOutcome(true, after.helpfulCount(), after.notHelpfulCount());
	}

	/** Stores the article, published, unless one of its id is stored: the platform's own work (the demo), not audited. */
	public void storePublishedIfAbsent(String id, Category category, ArticleContent content, Instant at) {
		if (!mongo.exists(Query.query(Criteria.where("_id").is(id)), KbArticle.class)) {
			mongo.insert(new KbArticle(id, category, content, content, 1, at, "demo", at, "demo", 0, 0, keys(content)));
		}
	}

	/** Stores the article as a draft only, unless one of its id is stored (the demo). */
	public void storeDraftIfAbsent(String id, Category category, ArticleContent content, Instant at) {
		if (!mongo.exists(Query.query(Criteria.where("_id").is(id)), KbArticle.class)) {
			mongo.insert(new KbArticle(id, category, content, null, 0, null, null, at, "demo", 0, 0, List.of()));
		}
	}

	static List<String> keys(ArticleContent content) {
		return SearchKeys.of(content.titleEn(), content.titleZh(), content.bodyEn(), content.bodyZh());
	}

	private KbArticle find(String id) {
		KbArticle article = id.isEmpty() ? null : mongo.findById(id, KbArticle.class);
		if (article == null) {
			throw notFound(id);
		}
		return article;
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException(Message.of("kb.article-not-found", id));
	}

	private static String title(KbArticle article, Caller caller) {
		return (isStaff(caller) || article.published() == null ? article.draft() : article.published()).titleEn();
	}

	private static void check(Errors errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "field.required");
		}
		else if (value.strip().length() > max) {
			errors.rejectValue(field, "field.too-long", new Object[] { max }, null);
		}
	}

	static boolean isStaff(Caller caller) {
		return caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	private static void requireReader(Caller caller) {
		if (!isStaff(caller) && !caller.hasRole(Caller.CUSTOMER) && !caller.hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("The knowledge base is for people and services, not partners");
		}
	}

	private static void requireStaff(Caller caller) {
		if (!isStaff(caller)) {
			throw new AccessDeniedException("Articles are written by staff");
		}
	}

	private static void requireManager(Caller caller) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Managers publish articles");
		}
	}
}
