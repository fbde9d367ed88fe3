package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ticket.v1.GetArticleRequest;
import com.rapport.contracts.ticket.v1.KbArticle;
import com.rapport.contracts.ticket.v1.KbArticleContent;
import com.rapport.contracts.ticket.v1.ListArticlesRequest;
import com.rapport.contracts.ticket.v1.PublishArticleRequest;
import com.rapport.contracts.ticket.v1.RecordHelpfulRequest;
import com.rapport.contracts.ticket.v1.RecordHelpfulResponse;
import com.rapport.contracts.ticket.v1.SaveArticleDraftRequest;
import com.rapport.contracts.ticket.v1.SearchArticlesRequest;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketKnowledgeBaseServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketKnowledgeBaseServiceGrpc.TicketKnowledgeBaseServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * ticket-service's knowledge base. The public pages ask as this application (client {@code portal-web}, role
 * internal: a visitor may have no login, and ticket-service answers services the published articles only); the
 * console and a contact's suggestions ask with the signed-in user's token. ticket-service decides who may
 * (staff draft, managers publish), validates and audits. Writes and votes are never retried.
 */
@Component
public class KnowledgeBaseClient {

	private final TicketKnowledgeBaseServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	KnowledgeBaseClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = TicketKnowledgeBaseServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Published articles, for anyone (asked as this application). */
	public List<KbArticle> publishedArticles(TicketCategory category) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.listArticles(ListArticlesRequest.newBuilder().setCategory(category).build())).getArticlesList();
	}

	/** A published article, for anyone; NotFoundException for an unknown or unpublished one. */
	public KbArticle publishedArticle(String id) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.getArticle(GetArticleRequest.newBuilder().setArticleId(id).build()));
	}

	/** Published articles matching the words, for anyone. */
	public List<KbArticle> search(String query, int limit) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.searchArticles(SearchArticlesRequest.newBuilder().setQuery(query).setLimit(limit).build()))
			.getArticlesList();
	}

	/** A visitor's "was this helpful", counted once per visitor by ticket-service. */
	public RecordHelpfulResponse vote(String id, boolean helpful, String visitorId) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.recordHelpful(RecordHelpfulRequest.newBuilder().setArticleId(id).setHelpful(helpful)
				.setVisitorId(visitorId).build()));
	}

	/** Published articles matching the words, asked with the signed-in contact's token (the suggestions). */
	public List<KbArticle> suggestions(String subject, int limit) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.searchArticles(SearchArticlesRequest.newBuilder().setQuery(subject).setLimit(limit).build()))
			.getArticlesList();
	}

	/** Every article with its draft (staff). */
	public List<KbArticle> articles() {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listArticles(ListArticlesRequest.getDefaultInstance())).getArticlesList();
	}

	/** One article with its draft (staff). */
	public KbArticle article(String id) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getArticle(GetArticleRequest.newBuilder().setArticleId(id).build()));
	}

	/** Creates (id empty) or changes an article's draft. */
	public KbArticle saveDraft(String id, TicketCategory category, KbArticleContent draft) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.saveDraft(SaveArticleDraftRequest.newBuilder().setId(id).setCategory(category).setDraft(draft).build()));
	}

	/** Publishes the draft, or withdraws the article. */
	public KbArticle publish(String id, boolean withdraw) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.publishArticle(PublishArticleRequest.newBuilder().setArticleId(id).setWithdraw(withdraw).build()));
	}
}
