package com.rapport.ordertracking.draft.web;

import java.util.List;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.draft.DraftOrder;
import com.rapport.ordertracking.draft.DraftOrders;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A draft order as customer-service makes it ("reorder as last time") and a partner system reads and confirms it,
 * through the whole service on the embedded store (customer-service stood in for): one draft per request, the
 * confirmation's placed order, its replay under the same Idempotency-Key, and every refusal's problem document.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=draft-order-api" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class DraftOrderApiTests {

	static final String REQUEST = "reorder:acme-retail:CHAIR-ERG-01:2026-12-16";

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftOrders drafts;

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		mongo.remove(new Query(), DraftOrder.class);
		mongo.remove(new Query(), "idempotency_keys");
		given(customers.exists("acme-retail")).willReturn(true);
		given(customers.exists("nobody")).willReturn(false);
	}

	private static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	private DraftOrders.Made draft(String requestId) {
		return drafts.create(caller(TestTokens.service()), new DraftOrders.Request("acme-retail", requestId,
				List.of(new OrderLine("CHAIR-ERG-01", "Ergonomic chair", 120)), "Alice Chen"));
	}

	private ResultActions confirm(String draftNumber, String body, String key) throws Exception {
		var request = post("/api/orders/v1/drafts/" + draftNumber + "/confirmation")
			.with(as(TestTokens.partner("orders.write"))).contentType(MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	@Test
	void theSameRequestMakesOneDraftHoweverOftenItIsAsked() {
		DraftOrders.Made first = draft(REQUEST);
		DraftOrders.Made again = draft(REQUEST);

		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.draft().draftNumber()).isEqualTo(first.draft().draftNumber());
		assertThat(first.draft().draftNumber()).matches("RO-\\d{8}-\\d{6}");
		assertThat(mongo.count(new Query(), DraftOrder.class)).isEqualTo(1);
	}

	@Test
	void onlyServicesMakeDraftsAndAnUnknownOrganisationOrNoLineIsRefused() {
		assertThatThrownBy(() -> drafts.create(caller(TestTokens.customer("acme-retail")),
				new DraftOrders.Request("acme-retail", REQUEST, List.of(new OrderLine("X", "x", 1)), "me")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> drafts.create(caller(TestTokens.service()),
				new DraftOrders.Request("nobody", REQUEST, List.of(new OrderLine("X", "x", 1)), "me")))
			.isInstanceOf(UnprocessableException.class);
		assertThatThrownBy(() -> drafts.create(caller(TestTokens.service()),
				new DraftOrders.Request("acme-retail", REQUEST, List.of(new OrderLine("X", "x", 0)), "me")))
			.isInstanceOf(UnprocessableException.class)
			.satisfies(ex -> assertThat(((UnprocessableException) ex).fieldMessages()).containsKey("lines[0].quantity"));
		assertThat(mongo.count(new Query(), DraftOrder.class)).isZero();
	}

	@Test
	void aPartnerSeesTheWaitingDraftAndItsConfirmationPlacesTheOrderOnce() throws Exception {
		String number = draft(REQUEST).draft().draftNumber();

		mvc.perform(get("/api/orders/v1/drafts").param("customerId", "acme-retail").param("status", "draft")
			.with(as(TestTokens.partner("orders.read"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].draftNumber").value(number))
			.andExpect(jsonPath("$.items[0].status").value("DRAFT"))
			.andExpect(jsonPath("$.items[0].lines[0].sku").value("CHAIR-ERG-01"))
			.andExpect(jsonPath("$.items[0].lines[0].quantity").value(120))
			.andExpect(jsonPath("$.items[0].requestedBy").value("Alice Chen"));

		String body = """
				{"orderNumber": "PO-2026-0077", "promisedDate": "2026-12-28"}""";
		String first = confirm(number, body, "confirm-1").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.orderNumber").value("PO-2026-0077"))
			.andReturn().getResponse().getContentAsString();
		confirm(number, body, "confirm-1").andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true")).andExpect(content().json(first));

		List<Order> placed = orders.findAll();
		assertThat(placed).hasSize(1);
		assertThat(placed.get(0).orderNumber()).isEqualTo("PO-2026-0077");
		assertThat(placed.get(0).lines()).containsExactly(new OrderLine("CHAIR-ERG-01", "Ergonomic chair", 120));
		assertThat(placed.get(0).promisedDate()).hasToString("2026-12-28");

		mvc.perform(get("/api/orders/v1/drafts").param("customerId", "acme-retail").param("status", "DRAFT")
			.with(as(TestTokens.partner("orders.read")))).andExpect(jsonPath("$.items").isEmpty());
		mvc.perform(get("/api/orders/v1/drafts/" + number).with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.orderId").value(placed.get(0).id()));
	}

	@Test
	void aDraftConfirmedAlreadyIs409UnderAnotherKeyAndNothingMoreIsPlaced() throws Exception {
		String number = draft(REQUEST).draft().draftNumber();
		confirm(number, "{}", "confirm-1").andExpect(status().isOk()).andExpect(jsonPath("$.orderNumber").value(number));

		confirm(number, "{}", "confirm-2").andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("drafts.already-confirmed"));
		confirm(number, "{}", null).andExpect(status().isConflict());
		assertThat(orders.count()).isEqualTo(1);
	}

	@Test
	void unknownDraftsOtherOrganisationsAndBadInputAnswerProblemsAndPlaceNothing() throws Exception {
		String number = draft(REQUEST).draft().draftNumber();

		confirm("RO-19990101-000000", "{}", "k").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("drafts.not-found"));
		mvc.perform(get("/api/orders/v1/drafts/" + number).with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/orders/v1/drafts").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
		confirm(number, "{}", "bad key with spaces").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes['Idempotency-Key']").value("orders.idempotency-key.format"));
		confirm(number, "{\"orderNumber\": \"PO\\u0000-1\"}", "k-2").andExpect(status().isUnprocessableContent());
		confirm(number, "{\"promisedDate\": \"soon\"}", "k-3").andExpect(status().isBadRequest());
		mvc.perform(get("/api/orders/v1/drafts").param("status", "SHIPPED").with(as(TestTokens.partner("orders.read"))))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fieldCodes.status").value("drafts.status.one-of"));
		mvc.perform(post("/api/orders/v1/drafts/" + number + "/confirmation").with(as(TestTokens.partner("orders.read")))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());

		assertThat(orders.count()).isZero();
	}
}
