package com.rapport.ordertracking.order.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderRepository;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner keeping its orders current over REST, through the whole service on the embedded store (only
 * customer-service stood in for): what each write answers, its Idempotency-Key, and every bad request answering
 * its problem document with nothing stored.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-progress-api", "rapport.orders.max-request-body=16KB" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, OrderProgressApiTests.WriteConcerns.class })
class OrderProgressApiTests {

	static final String MILESTONES = "/api/orders/v1/orders/PO-7/milestones";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	private String orderId;

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		mongo.remove(new Query(), "idempotency_keys");
		given(customers.exists("acme-retail")).willReturn(true);
		given(customers.exists("nobody")).willReturn(false);
		Instant placed = Instant.now().minusSeconds(86_400);
		orderId = orders.insert(new Order(null, "acme-retail", "PO-7", placed, LocalDate.now().plusDays(10), null,
				List.of(), List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null)).id();
	}

	private ResultActions write(String path, String body, String key) throws Exception {
		var request = post(path).with(as(TestTokens.partner("orders.write"))).contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private static String shipped(String eventId, Instant at) {
		return """
				{"customerId": "acme-retail", "eventId": "%s", "code": "shipped", "occurredAt": "%s",
				 "place": "Shenzhen", "carrier": "SF Express", "trackingNumber": "SF1", "trackingLink": "https://sf.example/SF1"}"""
			.formatted(eventId, at);
	}

	private List<Milestone> milestones() {
		return orders.findById(orderId).orElseThrow().milestones();
	}

	/** Every write command sent to the store, with whether it asked not to wait for the store's sync. */
	@TestConfiguration(proxyBeanMethods = false)
	static class WriteConcerns {

		record Sent(String collection, String command, boolean unsynced, org.bson.BsonDocument body) {
		}

		static final List<Sent> SENT = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		MongoClientSettingsBuilderCustomizer recordWrites() {
			return settings -> settings.addCommandListener(new CommandListener() {

				@Override
				public void commandStarted(CommandStartedEvent event) {
					String name = event.getCommandName();
					if (List.of("insert", "update", "findAndModify", "delete").contains(name)) {
						org.bson.BsonDocument command = event.getCommand().clone();
						boolean unsynced = command.containsKey("writeConcern")
								&& !command.getDocument("writeConcern").getBoolean("j", org.bson.BsonBoolean.TRUE).getValue();
						SENT.add(new Sent(command.getString(name).getValue(), name, unsynced, command));
					}
				}
			});
		}
	}

	/**
	 * Session 14: a milestone under an Idempotency-Key waits for one sync, the kept answer's, which commits the key's
	 * claim and the order's write sent before it on the same request; without a key the order's write is synced itself.
	 */
	@Test
	void aMilestoneUnderAKeyWaitsForOneSyncTheKeptAnswersWhichCommitsTheOrdersWrite() throws Exception {
		WriteConcerns.SENT.clear();
		write(MILESTONES, shipped("e-sync", Instant.now().minusSeconds(60)), "k-sync").andExpect(status().isCreated());
		List<WriteConcerns.Sent> request = WriteConcerns.SENT.stream()
			.filter(w -> w.collection().equals("idempotency_keys") || (w.collection().equals("orders")
					&& w.body().toJson().contains("\"milestones\"")))
			.toList();
		assertThat(request).extracting(WriteConcerns.Sent::collection, WriteConcerns.Sent::command,
				WriteConcerns.Sent::unsynced)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("idempotency_keys", "insert", true),
					org.assertj.core.groups.Tuple.tuple("orders", "update", true),
					org.assertj.core.groups.Tuple.tuple("idempotency_keys", "update", false));
		assertThat(milestones()).extracting(Milestone::code).containsExactly(MilestoneCode.PLACED, MilestoneCode.SHIPPED);

		WriteConcerns.SENT.clear();
		write(MILESTONES, shipped("e-sync-2", Instant.now().minusSeconds(30)).replace("shipped", "out for delivery"),
				null).andExpect(status().isCreated());
		assertThat(WriteConcerns.SENT).filteredOn(w -> w.collection().equals("orders")
				&& w.body().toJson().contains("\"milestones\""))
			.singleElement().satisfies(w -> assertThat(w.unsynced()).as("the order's write without a key").isFalse());
	}

	@Test
	void aNewMilestoneAnswers201WithTheOrderAndTheSameEventAgain200() throws Exception {
		String body = shipped("e-1", Instant.now().minusSeconds(60));
		write(MILESTONES, body, null).andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/orders/v1/orders/" + orderId))
			.andExpect(jsonPath("$.status").value("SHIPPED"))
			.andExpect(jsonPath("$.milestones[1].trackingLink").value("https://sf.example/SF1"));
		write(MILESTONES, body, null).andExpect(status().isOk());
		assertThat(milestones()).hasSize(2);
	}

	@Test
	void theSameKeyAndBodyReplaysTheFirstAnswerAndAnotherBodyIs422() throws Exception {
		String body = shipped("e-1", Instant.now().minusSeconds(60));
		String first = write(MILESTONES, body, "k-1").andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString();
		write(MILESTONES, body, "k-1").andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string("Location", "/api/orders/v1/orders/" + orderId))
			.andExpect(content().json(first));

		write(MILESTONES, shipped("e-2", Instant.now().minusSeconds(30)), "k-1")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("idempotency.key-reused"))
			.andExpect(jsonPath("$.fieldCodes['Idempotency-Key']").value("idempotency.other-request"));
		assertThat(milestones()).hasSize(2);
	}

	@Test
	void theOrderSubmissionReplaysItsFirstAnswerTooAndAnotherOrderWithTheKeyIs422() throws Exception {
		String order = """
				{"customerId": "acme-retail", "orderNumber": "PO-NEW"}""";
		String first = write("/api/orders/v1/orders", order, "k-order").andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString();
		write("/api/orders/v1/orders", order, "k-order").andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true")).andExpect(content().json(first));
		write("/api/orders/v1/orders", order.replace("PO-NEW", "PO-OTHER"), "k-order")
			.andExpect(status().isUnprocessableContent());
		assertThat(orders.findByCustomerIdAndOrderNumber("acme-retail", "PO-OTHER")).isEmpty();
	}

	@Test
	void anUnknownMilestoneCodeIs422NamingTheFieldAndStoresNothing() throws Exception {
		write(MILESTONES, shipped("e-1", Instant.now()).replace("\"shipped\"", "\"teleported\""), "k-bad")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("validation"))
			.andExpect(jsonPath("$.reason").value("orders.milestone.unknown-code"))
			.andExpect(jsonPath("$.fieldCodes.code").value("orders.milestone.code"));
		assertThat(milestones()).hasSize(1);
		// A refused request keeps nothing of its key: the partner may send the corrected one with it.
		write(MILESTONES, shipped("e-1", Instant.now().minusSeconds(5)), "k-bad").andExpect(status().isCreated());
	}

	@Test
	void aTimeFarInTheFutureIs422NamingTheField() throws Exception {
		write(MILESTONES, shipped("e-1", Instant.now().plusSeconds(3 * 86_400)), null)
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fieldCodes.occurredAt").value("orders.time.future"));
		assertThat(milestones()).hasSize(1);
	}

	@Test
	void anUnknownOrderIs404AndAnUnknownOrganisation422() throws Exception {
		write("/api/orders/v1/orders/PO-404/milestones", shipped("e-1", Instant.now()), null)
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.reason").value("orders.number-not-found"));
		write(MILESTONES, shipped("e-1", Instant.now()).replace("acme-retail", "nobody"), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.customerId").value("field.no-such-organisation"));
		assertThat(milestones()).hasSize(1);
	}

	@Test
	void aBadTrackingLinkIs422() throws Exception {
		write(MILESTONES, shipped("e-1", Instant.now()).replace("https://sf.example/SF1", "javascript:alert(1)"), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.trackingLink").value("orders.tracking-link.format"));
	}

	@Test
	void aBodyOverTheLimitIs413AndStoresNothing() throws Exception {
		String huge = shipped("e-1", Instant.now()).replace("\"place\": \"Shenzhen\"",
				"\"place\": \"" + "x".repeat(20_000) + "\"");
		write(MILESTONES, huge, "k-big").andExpect(status().is(413)).andExpect(jsonPath("$.code").value("too-large"))
			.andExpect(jsonPath("$.reason").value("problem.too-large.limit"));
		assertThat(milestones()).hasSize(1);
		assertThat(mongo.count(new Query(), "idempotency_keys")).isZero();
	}

	@Test
	void withoutOrdersWriteTheAnswerIs403AndWithoutATokenIs401() throws Exception {
		mvc.perform(post(MILESTONES).with(as(TestTokens.partner("orders.read"))).contentType(MediaType.APPLICATION_JSON)
			.content(shipped("e-1", Instant.now()))).andExpect(status().isForbidden());
		mvc.perform(post(MILESTONES).contentType(MediaType.APPLICATION_JSON).content(shipped("e-1", Instant.now())))
			.andExpect(status().isUnauthorized());
		assertThat(milestones()).hasSize(1);
	}

	@Test
	void aPartnerChangesTheEtaAndPromiseRecordsADelayAndCancels() throws Exception {
		String late = LocalDate.now().plusDays(14).toString();
		write("/api/orders/v1/orders/PO-7/changes", """
				{"customerId": "acme-retail", "eta": "%s"}""".formatted(late), "k-eta").andExpect(status().isOk())
			.andExpect(jsonPath("$.eta").value(late)).andExpect(jsonPath("$.atRisk").value(true))
			.andExpect(jsonPath("$.delay.cause").value("ETA_PAST_PROMISE"));
		write("/api/orders/v1/orders/PO-7/changes", """
				{"customerId": "acme-retail", "promisedDate": "%s"}""".formatted(late), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.promisedDateReason").value("field.required"));
		write("/api/orders/v1/orders/PO-7/delay", """
				{"customerId": "acme-retail", "reason": "Paint line down", "remedy": "discount",
				 "remedyNote": "5 % off the invoice"}""", "k-delay").andExpect(status().isOk())
			.andExpect(jsonPath("$.delay.reason").value("Paint line down"))
			.andExpect(jsonPath("$.delay.remedy").value("DISCOUNT"));
		write("/api/orders/v1/orders/PO-7/delay", """
				{"customerId": "acme-retail", "reason": "x", "remedy": "NEW_DATE"}""", null)
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fieldCodes.newDate").value("field.required"));
		write("/api/orders/v1/orders/PO-7/cancellation", """
				{"customerId": "acme-retail", "reason": "Customer withdrew"}""", "k-cancel").andExpect(status().isOk())
			.andExpect(jsonPath("$.cancelReason").value("Customer withdrew")).andExpect(jsonPath("$.atRisk").value(false));
		write("/api/orders/v1/orders/PO-7/changes", """
				{"customerId": "acme-retail", "eta": "%s"}""".formatted(late), null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("orders.cancelled-already"));
	}
}
