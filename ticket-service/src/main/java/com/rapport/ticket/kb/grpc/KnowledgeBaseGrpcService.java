package com.rapport.ticket.kb.grpc;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.GetArticleRequest;
import com.rapport.contracts.ticket.v1.KbArticleContent;
import com.rapport.contracts.ticket.v1.ListArticlesRequest;
import com.rapport.contracts.ticket.v1.ListArticlesResponse;
import com.rapport.contracts.ticket.v1.PublishArticleRequest;
import com.rapport.contracts.ticket.v1.RecordHelpfulRequest;
import com.rapport.contracts.ticket.v1.RecordHelpfulResponse;
import com.rapport.contracts.ticket.v1.SaveArticleDraftRequest;
import com.rapport.contracts.ticket.v1.SearchArticlesRequest;
import com.rapport.contracts.ticket.v1.SearchArticlesResponse;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketKnowledgeBaseServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.kb.ArticleContent;
import com.rapport.ticket.kb.KbArticle;
import com.rapport.ticket.kb.KnowledgeBase;
import com.rapport.ticket.ticket.Category;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The knowledge base over gRPC; the rules are {@link KnowledgeBase}'s. Drafts go to staff only. */
@GrpcService
class KnowledgeBaseGrpcService extends TicketKnowledgeBaseServiceGrpc.TicketKnowledgeBaseServiceImplBase {

	private static final String CATEGORY_PREFIX = "TICKET_CATEGORY_";

	private final KnowledgeBase knowledgeBase;

	KnowledgeBaseGrpcService(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@Override
	public void listArticles(ListArticlesRequest request, StreamObserver<ListArticlesResponse> response) {
		Caller caller = Caller.current();
		ListArticlesResponse.Builder answer = ListArticlesResponse.newBuilder();
		knowledgeBase.list(caller, category(request.getCategory()))
			.forEach(article -> answer.addArticles(proto(article, caller)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void getArticle(GetArticleRequest request,
			StreamObserver<com.rapport.contracts.ticket.v1.KbArticle> response) {
		Caller caller = Caller.current();
		response.onNext(proto(knowledgeBase.get(caller, request.getArticleId()), caller));
		response.onCompleted();
	}

	@Override
	public void searchArticles(SearchArticlesRequest request, StreamObserver<SearchArticlesResponse> response) {
		Caller caller = Caller.current();
		SearchArticlesResponse.Builder answer = SearchArticlesResponse.newBuilder();
		// A search answers what the portal shows: the published versions, never a draft.
		knowledgeBase.search(caller, request.getQuery(), request.getLimit())
			.forEach(article -> answer.addArticles(proto(article, null)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void saveDraft(SaveArticleDraftRequest request,
			StreamObserver<com.rapport.contracts.ticket.v1.KbArticle> response) {
		Caller caller = Caller.current();
		KbArticleContent draft = request.getDraft();
		response.onNext(proto(knowledgeBase.saveDraft(caller, request.getId(), category(request.getCategory()),
				new ArticleContent(draft.getTitleEn(), draft.getTitleZh(), draft.getBodyEn(), draft.getBodyZh())),
				caller));
		response.onCompleted();
	}

	@Override
	public void publishArticle(PublishArticleRequest request,
			StreamObserver<com.rapport.contracts.ticket.v1.KbArticle> response) {
		Caller caller = Caller.current();
		response.onNext(proto(knowledgeBase.publish(caller, request.getArticleId(), request.getWithdraw()), caller));
		response.onCompleted();
	}

	@Override
	public void recordHelpful(RecordHelpfulRequest request, StreamObserver<RecordHelpfulResponse> response) {
		KnowledgeBase.VoteOutcome outcome = knowledgeBase.vote(Caller.current(), request.getArticleId(),
				request.getHelpful(), request.getVisitorId());
		response.onNext(RecordHelpfulResponse.newBuilder().setCounted(outcome.counted())
			.setHelpfulCount(outcome.helpful()).setNotHelpfulCount(outcome.notHelpful()).build());
		response.onCompleted();
	}

	private static Category category(TicketCategory category) {
		if (category == TicketCategory.TICKET_CATEGORY_UNSPECIFIED || category == TicketCategory.UNRECOGNIZED) {
			return null;
		}
		return Category.valueOf(category.name().substring(CATEGORY_PREFIX.length()));
	}

	/** {@code caller} null or not staff: without the draft. */
	private static com.rapport.contracts.ticket.v1.KbArticle proto(KbArticle article, Caller caller) {
		boolean staff = caller != null && (caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER)
				|| caller.hasRole(Caller.ADMIN));
		var builder = com.rapport.contracts.ticket.v1.KbArticle.newBuilder().setId(article.id())
			.setCategory(TicketCategory.valueOf(CATEGORY_PREFIX + article.category().name()))
			.setIsPublished(article.isPublished()).setPublishedVersion(article.publishedVersion())
			.setHelpfulCount(article.helpfulCount()).setNotHelpfulCount(article.notHelpfulCount());
		if (article.isPublished()) {
			builder.setPublished(content(article.published()));
		}
		if (article.publishedAt() != null) {
			builder.setPublishedAt(timestamp(article.publishedAt()));
		}
		if (staff) {
			builder.setDraft(content(article.draft())).setDraftPending(article.draftPending());
			if (article.publishedBy() != null) {
				builder.setPublishedBy(article.publishedBy());
			}
			if (article.updatedAt() != null) {
				builder.setUpdatedAt(timestamp(article.updatedAt()));
			}
			if (article.updatedBy() != null) {
				builder.setUpdatedBy(article.updatedBy());
			}
		}
		return builder.build();
	}

	private static KbArticleContent content(ArticleContent content) {
		return KbArticleContent.newBuilder().setTitleEn(content.titleEn()).setTitleZh(content.titleZh())
			.setBodyEn(content.bodyEn()).setBodyZh(content.bodyZh()).build();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
