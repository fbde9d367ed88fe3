package com.rapport.ticket.kb;

import java.util.List;

import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.GetArticleRequest;
import com.rapport.contracts.ticket.v1.KbArticleContent;
import com.rapport.contracts.ticket.v1.ListArticlesRequest;
import com.rapport.contracts.ticket.v1.PublishArticleRequest;
import com.rapport.contracts.ticket.v1.RecordHelpfulRequest;
import com.rapport.contracts.ticket.v1.RecordHelpfulResponse;
import com.rapport.contracts.ticket.v1.SaveArticleDraftRequest;
import com.rapport.contracts.ticket.v1.SearchArticlesRequest;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketKnowledgeBaseServiceGrpc;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.ticket.TicketDeskTest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.rapport.ticket.GrpcProblems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The knowledge base over gRPC, in process (the same context as the macros' tests): agents draft, managers publish,
 * the portal reads, searches and counts votes on published articles only.
 */
@TicketDeskTest
class KnowledgeBaseGrpcTests {

	static final ManagedChannel channel = InProcessChannelBuilder.forName(TicketDeskTest.SERVER).directExecutor()
		.build();

	static final String AGENT = TestTokens.staff("agent");

	static final String MANAGER = TestTokens.staff("manager");

	static final String ALICE = TestTokens.customer("acme-retail");

	/** portal-web for a visitor without a login. */
	static final String PORTAL = TestTokens.service();

	static final KbArticleContent LAMPS = KbArticleContent.newBuilder()
		.setTitleEn("LED lamps flicker after an hour").setTitleZh("LED 灯使用一小时后闪烁")
		.setBodyEn("Check the dimmer and the driver.").setBodyZh("请检查调光器和驱动器。").build();

	static final KbArticleContent INVOICES = KbArticleContent.newBuilder()
		.setTitleEn("Invoices and instalments").setTitleZh("发票与分期付款")
		.setBodyEn("Ask for an instalment plan when an invoice is due.").setBodyZh("发票到期时可以申请分期付款。").build();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail audit;

	@MockitoBean
	CustomerDirectory customers;

	@MockitoBean
	ContactDirectory contacts;

	@BeforeEach
	void setUp() {
		mongo.remove(new Query(), KbArticle.class);
		mongo.remove(new Query(), KbVote.class);
	}

	private static TicketKnowledgeBaseServiceGrpc.TicketKnowledgeBaseServiceBlockingStub kb(String token) {
		return TicketKnowledgeBaseServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static com.rapport.contracts.ticket.v1.KbArticle draft(String token, String id, TicketCategory category,
			KbArticleContent content) {
		return kb(token).saveDraft(SaveArticleDraftRequest.newBuilder().setId(id).setCategory(category)
			.setDraft(content).build());
	}

	private static com.rapport.contracts.ticket.v1.KbArticle published(TicketCategory category,
			KbArticleContent content) {
		String id = draft(AGENT, "", category, content).getId();
		return kb(MANAGER).publishArticle(PublishArticleRequest.newBuilder().setArticleId(id).build());
	}

	private static List<String> search(String token, String query) {
		return kb(token).searchArticles(SearchArticlesRequest.newBuilder().setQuery(query).build()).getArticlesList()
			.stream().map(a -> a.getPublished().getTitleEn()).toList();
	}

	@Test
	void anAgentDraftsAManagerPublishesAndThePortalSeesOnlyWhatIsPublished() throws Exception {
		NewAuditEntries mark = NewAuditEntries.since(audit);
		var drafted = draft(AGENT, "", TicketCategory.TICKET_CATEGORY_TECHNICAL, LAMPS);
		assertThat(drafted.getIsPublished()).isFalse();
		assertThat(drafted.getUpdatedBy()).isEqualTo("staff-agent");

		// Not published yet: the portal and a contact find nothing, as for an unknown article.
		StatusRuntimeException unpublished = assertThrows(StatusRuntimeException.class, () -> kb(ALICE)
			.getArticle(GetArticleRequest.newBuilder().setArticleId(drafted.getId()).build()));
		assertThat(unpublished.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(problem(unpublished).getCode()).isEqualTo("kb.article-not-found");
		assertThat(kb(PORTAL).listArticles(ListArticlesRequest.getDefaultInstance()).getArticlesList()).isEmpty();
		assertThat(kb(AGENT).listArticles(ListArticlesRequest.getDefaultInstance()).getArticlesList()).hasSize(1);

		StatusRuntimeException agent = assertThrows(StatusRuntimeException.class, () -> kb(AGENT)
			.publishArticle(PublishArticleRequest.newBuilder().setArticleId(drafted.getId()).build()));
		assertThat(agent.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

		var published = kb(MANAGER).publishArticle(PublishArticleRequest.newBuilder().setArticleId(drafted.getId())
			.build());
		assertThat(published.getPublishedVersion()).isEqualTo(1);
		assertThat(published.getDraftPending()).isFalse();

		// A new draft: staff see it pending, the portal still reads the published words, never the draft.
		draft(AGENT, drafted.getId(), TicketCategory.TICKET_CATEGORY_TECHNICAL,
				LAMPS.toBuilder().setTitleEn("LED lamps flicker: dimmers").build());
		var forPortal = kb(PORTAL).getArticle(GetArticleRequest.newBuilder().setArticleId(drafted.getId()).build());
		assertThat(forPortal.getPublished().getTitleEn()).isEqualTo("LED lamps flicker after an hour");
		assertThat(forPortal.hasDraft()).isFalse();
		assertThat(forPortal.getUpdatedBy()).isEmpty();
		var forStaff = kb(AGENT).getArticle(GetArticleRequest.newBuilder().setArticleId(drafted.getId()).build());
		assertThat(forStaff.getDraftPending()).isTrue();
		assertThat(forStaff.getDraft().getTitleEn()).isEqualTo("LED lamps flicker: dimmers");

		// Withdrawn: gone from the portal and from searches.
		kb(MANAGER).publishArticle(PublishArticleRequest.newBuilder().setArticleId(drafted.getId()).setWithdraw(true)
			.build());
		assertThat(kb(ALICE).listArticles(ListArticlesRequest.getDefaultInstance()).getArticlesList()).isEmpty();
		assertThat(search(ALICE, "flicker")).isEmpty();

		List<AuditEvent> events = mark.events();
		assertThat(events).extracting(AuditEvent::action, AuditEvent::actor).containsExactly(
				tuple("kb.article-created", "staff-agent"), tuple("kb.published", "staff-manager"),
				tuple("kb.draft-saved", "staff-agent"), tuple("kb.withdrawn", "staff-manager"));
		assertThat(events.get(2).details()).containsEntry("title",
				"LED lamps flicker after an hour -> LED lamps flicker: dimmers");
		assertThat(events).allSatisfy(e -> assertThat(e.details().toString()).doesNotContain("driver"));
	}

	@Test
	void everyBadFieldIsNamedAndOnlyStaffWrite() throws Exception {
		StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
				() -> draft(AGENT, "", TicketCategory.TICKET_CATEGORY_UNSPECIFIED, KbArticleContent.newBuilder()
					.setTitleEn(" ").setTitleZh("长".repeat(201)).setBodyEn("ok").build()));
		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		Problem problem = problem(refused);
		assertThat(problem.getCode()).isEqualTo("kb.cannot-save");
		assertThat(problem.getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode).containsExactly(
				tuple("category", "field.required"), tuple("titleEn", "field.required"),
				tuple("titleZh", "field.too-long"), tuple("bodyZh", "field.required"));
		assertThat(problem.getFields(2).getArgsList()).containsExactly("200");

		StatusRuntimeException tooLong = assertThrows(StatusRuntimeException.class,
				() -> draft(AGENT, "", TicketCategory.TICKET_CATEGORY_QUALITY,
						LAMPS.toBuilder().setBodyEn("x".repeat(20_001)).build()));
		assertThat(problem(tooLong).getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode)
			.containsExactly(tuple("bodyEn", "field.too-long"));

		StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
				() -> draft(AGENT, "nope", TicketCategory.TICKET_CATEGORY_QUALITY, LAMPS));
		assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		StatusRuntimeException unknownPublish = assertThrows(StatusRuntimeException.class,
				() -> kb(MANAGER).publishArticle(PublishArticleRequest.newBuilder().setArticleId("nope").build()));
		assertThat(unknownPublish.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

		for (String token : List.of(ALICE, PORTAL, TestTokens.partner("tickets.read tickets.write"))) {
			StatusRuntimeException denied = assertThrows(StatusRuntimeException.class,
					() -> draft(token, "", TicketCategory.TICKET_CATEGORY_QUALITY, LAMPS));
			assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		}
		assertThat(mongo.count(new Query(), KbArticle.class)).isZero();
	}

	@Autowired
	SearchKeysReindex reindex;

	/**
	 * Session 17: English is stemmed on both sides, so "shipping" finds an article about shipments and "shipments"
	 * one about shipping; an article published under the earlier keys (a plural s cut only) is keyed again once at
	 * start and then found the same way.
	 */
	@Test
	void aSearchFindsOtherFormsOfAWordAndArticlesKeyedBeforeAreKeyedAgainOnceAtStart() {
		KbArticleContent shipments = KbArticleContent.newBuilder().setTitleEn("Partial shipments")
			.setTitleZh("分批发货").setBodyEn("Large orders leave in several shipments.").setBodyZh("大订单分几批发出。").build();
		KbArticleContent shipping = KbArticleContent.newBuilder().setTitleEn("Shipping to Hong Kong")
			.setTitleZh("发往香港").setBodyEn("Goods shipped by sea take a week.").setBodyZh("海运需要一周。").build();
		var partial = published(TicketCategory.TICKET_CATEGORY_DELIVERY, shipments);
		published(TicketCategory.TICKET_CATEGORY_DELIVERY, shipping);

		assertThat(search(ALICE, "shipping")).containsExactlyInAnyOrder("Partial shipments", "Shipping to Hong Kong");
		assertThat(search(PORTAL, "when was it shipped?")).containsExactlyInAnyOrder("Partial shipments",
				"Shipping to Hong Kong");
		assertThat(search(PORTAL, "shipments to Hong Kong")).first().isEqualTo("Shipping to Hong Kong");

		// As an earlier version keyed it: a plural s cut, nothing stemmed.
		mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id")
			.is(partial.getId())), org.springframework.data.mongodb.core.query.Update.update("searchKeys",
					List.of("partial", "shipment", "large", "order", "leave", "several")), KbArticle.class);
		mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id")
			.is(SearchKeysReindex.MARKER)), "migrations");
		assertThat(search(ALICE, "shipping")).containsExactly("Shipping to Hong Kong");

		reindex.run(null);

		assertThat(search(ALICE, "shipping")).containsExactlyInAnyOrder("Partial shipments", "Shipping to Hong Kong");
		assertThat(reindex.reindex()).as("nothing left to key").isZero();
		assertThat(mongo.exists(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id")
			.is(SearchKeysReindex.MARKER)), "migrations")).isTrue();
	}

	@Test
	void aSearchFindsPublishedArticlesByTheirWordsInEitherLanguageMostWordsFirst() throws Exception {
		published(TicketCategory.TICKET_CATEGORY_TECHNICAL, LAMPS);
		published(TicketCategory.TICKET_CATEGORY_BILLING, INVOICES);
		draft(AGENT, "", TicketCategory.TICKET_CATEGORY_TECHNICAL, KbArticleContent.newBuilder()
			.setTitleEn("Lamps hum (draft)").setTitleZh("灯有嗡嗡声").setBodyEn("Draft").setBodyZh("草稿").build());

		assertThat(search(ALICE, "Our lamps flicker")).containsExactly("LED lamps flicker after an hour");
		assertThat(search(PORTAL, "灯闪烁")).containsExactly("LED lamps flicker after an hour");
		assertThat(search(AGENT, "invoice is due, lamps")).containsExactly("Invoices and instalments",
				"LED lamps flicker after an hour");
		assertThat(search(ALICE, "the and of")).isEmpty();
		assertThat(search(ALICE, "conveyor belt")).isEmpty();

		StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> kb(ALICE)
			.searchArticles(SearchArticlesRequest.newBuilder().setQuery("x".repeat(201)).setLimit(11).build()));
		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(problem(refused).getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode)
			.containsExactly(tuple("query", "field.too-long"), tuple("limit", "kb.search.limit"));
	}

	@Test
	void aSearchIsAnsweredFromTheSearchKeysIndex() {
		published(TicketCategory.TICKET_CATEGORY_TECHNICAL, LAMPS);
		published(TicketCategory.TICKET_CATEGORY_BILLING, INVOICES);
		Query query = KnowledgeBase.searchQuery(SearchKeys.of("lamps flicker 发票"));
		Document explain = mongo.getDb().runCommand(new Document("explain",
				new Document("find", "kb_articles").append("filter", query.getQueryObject())
					.append("limit", query.getLimit())));
		QueryPlans.Plan.of("find", explain).assertScansOnly("search_keys");
	}

	@Test
	void aVisitorsHelpfulIsCountedOnce() throws Exception {
		String id = published(TicketCategory.TICKET_CATEGORY_TECHNICAL, LAMPS).getId();
		RecordHelpfulResponse first = vote(PORTAL, id, true, "visitor-0001");
		assertThat(first.getCounted()).isTrue();
		assertThat(first.getHelpfulCount()).isEqualTo(1);
		RecordHelpfulResponse again = vote(PORTAL, id, false, "visitor-0001");
		assertThat(again.getCounted()).isFalse();
		assertThat(again.getHelpfulCount()).isEqualTo(1);
		assertThat(again.getNotHelpfulCount()).isZero();
		RecordHelpfulResponse other = vote(ALICE, id, false, "visitor-0002");
		assertThat(other.getCounted()).isTrue();
		assertThat(kb(AGENT).getArticle(GetArticleRequest.newBuilder().setArticleId(id).build()))
			.extracting(a -> a.getHelpfulCount(), a -> a.getNotHelpfulCount()).containsExactly(1L, 1L);

		StatusRuntimeException badVisitor = assertThrows(StatusRuntimeException.class,
				() -> vote(PORTAL, id, true, "x<script>"));
		assertThat(badVisitor.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(problem(badVisitor).getFields(0).getCode()).isEqualTo("kb.visitor.format");
		StatusRuntimeException staff = assertThrows(StatusRuntimeException.class,
				() -> vote(AGENT, id, true, "visitor-0003"));
		assertThat(staff.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		String draftOnly = draft(AGENT, "", TicketCategory.TICKET_CATEGORY_QUALITY, INVOICES).getId();
		StatusRuntimeException unpublished = assertThrows(StatusRuntimeException.class,
				() -> vote(PORTAL, draftOnly, true, "visitor-0004"));
		assertThat(unpublished.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(mongo.count(new Query(), KbVote.class)).isEqualTo(2);
	}

	private static RecordHelpfulResponse vote(String token, String id, boolean helpful, String visitor) {
		return kb(token).recordHelpful(RecordHelpfulRequest.newBuilder().setArticleId(id).setHelpful(helpful)
			.setVisitorId(visitor).build());
	}
}
