package com.rapport.ticket.ticket.web;

import java.util.Optional;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import com.rapport.support.security.Caller;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Author;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.TicketConversation;
import com.rapport.ticket.ticket.TicketDeskTest;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketStatus;
import com.rapport.ticket.ticket.TicketWorkflow;
import com.rapport.ticket.ticket.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The partner API of tickets through MockMvc, with the real security, rules and (embedded) store. */
@TicketDeskTest
class TicketControllerMvcTests {

	static final String WRITER = TestTokens.partner("tickets.write");

	static final String READER = TestTokens.partner("tickets.read");

	static final String BODY = """
			{"customerId": "acme-retail", "subject": "Pallet 3 wet", "body": "Pallet 3 of ACME-1015 arrived wet",
			 "kind": "COMPLAINT", "category": "DELIVERY", "severity": "MAJOR", "orderNumber": "ACME-1015",
			 "requester": {"contactId": "contact-alice", "name": "Alice Chen", "email": "alice.chen@acme-retail.example"}}""";

	static final String NOTE = "Carrier admits the truck leaked";

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(),
			"rapport-gateway", "");

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketRepository tickets;

	@Autowired
	TicketConversation conversation;

	@Autowired
	TicketWorkflow workflow;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		given(customers.tierOf(anyString())).willReturn(Tier.NORMAL);
	}

	private MockHttpServletRequestBuilder open(String body, String key) {
		MockHttpServletRequestBuilder request = post("/api/tickets/v1/tickets").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON).content(body);
		return key == null ? request : request.header("Idempotency-Key", key);
	}

	private String opened() throws Exception {
		String answer = mvc.perform(open(BODY, null)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString();
		return JsonPath.read(answer, "$.id");
	}

	@Test
	void aPartnerOpensATicketOnceForOneIdempotencyKey() throws Exception {
		String first = mvc.perform(open(BODY, "erp-4711"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("PARTNER"))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.severity").value("MAJOR"))
			.andExpect(jsonPath("$.orderNumber").value("ACME-1015"))
			.andExpect(jsonPath("$.messages[0].authorName").value("Alice Chen"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(first, "$.id");
		String number = JsonPath.read(first, "$.number");
		mvc.perform(open(BODY, "erp-4711"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.number").value(number));
		mvc.perform(open(BODY.replace("arrived wet", "arrived soaked"), "erp-4711"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.reason").value("ticket.idempotency-key-reused"))
			.andExpect(jsonPath("$.fieldCodes.Idempotency-Key").value("idempotency.other-request"));
		mvc.perform(open(BODY, "erp-4712")).andExpect(status().isCreated());
		mvc.perform(open(BODY, "bad key")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.Idempotency-Key").value("ticket.idempotency-key.format"));
		assertThat(tickets.count()).isEqualTo(2);
	}

	@Test
	void aPartnerRelaysAReplyOnceForOneIdempotencyKey() throws Exception {
		String id = opened();
		String reply = "{\"body\": \"Any news on pallet 3?\", \"authorName\": \"ERP desk\"}";
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER)).header("Idempotency-Key", "r-1")
			.contentType(MediaType.APPLICATION_JSON).content(reply))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(jsonPath("$.messages.length()").value(2));
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER)).header("Idempotency-Key", "r-1")
			.contentType(MediaType.APPLICATION_JSON).content(reply))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.messages.length()").value(2));
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER)).header("Idempotency-Key", "r-1")
			.contentType(MediaType.APPLICATION_JSON).content(reply.replace("pallet 3", "pallet 4")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("ticket.idempotency-key-reused"))
			.andExpect(jsonPath("$.fieldCodes.Idempotency-Key").value("idempotency.other-request"));
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER)).header("Idempotency-Key", "r-2")
			.contentType(MediaType.APPLICATION_JSON).content(reply))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.messages.length()").value(3));
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER)).header("Idempotency-Key", "bad key")
			.contentType(MediaType.APPLICATION_JSON).content(reply))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.Idempotency-Key").value("ticket.idempotency-key.format"));
		// Without a key, each reply is one more, as before.
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON).content(reply))
			.andExpect(jsonPath("$.messages.length()").value(4));
	}

	@Test
	void aPartnerNeverReadsAnInternalNote() throws Exception {
		String id = opened();
		conversation.addNote(AGENT, id, NOTE);
		conversation.reply(id, new Author(AuthorKind.STAFF, "agent.li", "Li Na"), "We sent a new pallet.",
				java.time.Instant.now());
		String one = mvc.perform(get("/api/tickets/v1/tickets/" + id).with(as(READER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages.length()").value(2))
			.andReturn().getResponse().getContentAsString();
		String replied = mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Thanks!\", \"authorName\": \"Alice (ERP)\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.messages[2].authorKind").value("CUSTOMER"))
			.andExpect(jsonPath("$.messages[2].authorName").value("Alice (ERP)"))
			.andReturn().getResponse().getContentAsString();
		String list = mvc.perform(get("/api/tickets/v1/tickets").param("customerId", "acme-retail").with(as(READER)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
			.andReturn().getResponse().getContentAsString();
		for (String answer : new String[] { one, replied, list }) {
			assertThat(answer).doesNotContain("Carrier admits").doesNotContain("internal");
		}
		assertThat(conversation.get(AGENT, id).messages()).hasSize(4);
	}

	@Test
	void aPartnersReplyReopensAResolvedTicketAndIsSanitised() throws Exception {
		String id = opened();
		workflow.change(id, Transition.RESOLVE, java.time.Instant.now());
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\": \"<b>Still</b> wet<script>alert(1)</script>\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/tickets/v1/tickets/" + id))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.messages[1].body").value("<b>Still</b> wet"))
			.andExpect(jsonPath("$.messages[1].authorName").value("partner-test"));
		assertThat(tickets.findById(id).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void anOrganisationsTicketsArePagedNewestFirstAndFilteredByStatus() throws Exception {
		String first = opened();
		String second = opened();
		opened();
		workflow.change(first, Transition.RESOLVE, java.time.Instant.now());
		mvc.perform(get("/api/tickets/v1/tickets").param("customerId", "acme-retail").param("size", "2")
			.with(as(READER)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items.length()").value(2)).andExpect(jsonPath("$.items[0].messages").doesNotExist());
		mvc.perform(get("/api/tickets/v1/tickets").param("customerId", "acme-retail").param("status", "closed")
			.with(as(READER)))
			.andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(first));
		mvc.perform(get("/api/tickets/v1/tickets").param("customerId", "globex-trading").with(as(READER)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/tickets/v1/tickets").param("status", "maybe").with(as(READER)))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fieldCodes.status").value("field.unknown-choice"));
		mvc.perform(get("/api/tickets/v1/tickets").param("size", "0").with(as(READER)))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fieldCodes.size").value("ticket.page-size.range"));
		mvc.perform(get("/api/tickets/v1/tickets").param("page", "-1").with(as(READER)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/tickets/v1/tickets/" + second).with(as(READER))).andExpect(status().isOk());
	}

	@Test
	void badInputIsAProblemDocumentNeverA5xx() throws Exception {
		mvc.perform(open("{not json", null)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(open(BODY.replace("\"DELIVERY\"", "\"WEATHER\""), null)).andExpect(status().isBadRequest());
		mvc.perform(post("/api/tickets/v1/tickets").with(as(WRITER)).contentType(MediaType.TEXT_PLAIN).content(BODY))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(open("{\"customerId\": \"acme-retail\", \"kind\": \"REQUEST\", \"severity\": \"MINOR\"}", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("ticket.cannot-open"))
			.andExpect(jsonPath("$.fieldCodes.subject").value("field.required"))
			.andExpect(jsonPath("$.fieldCodes.body").value("field.required"))
			.andExpect(jsonPath("$.fieldCodes.category").value("ticket.category.required"))
			.andExpect(jsonPath("$.fieldCodes.severity").value("ticket.severity.complaints-only"))
			.andExpect(jsonPath("$.fieldCodes.requester").value("ticket.requester.required"));
		mvc.perform(open(BODY.replace("Pallet 3 of ACME-1015 arrived wet", "x".repeat(20_001)), null))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fieldCodes.body").value("field.too-long"));
		mvc.perform(open(BODY.replace("Pallet 3 of ACME-1015 arrived wet", "x".repeat(300_000)), null))
			.andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("too-large"));
		mvc.perform(get("/api/tickets/v1/tickets/T-424242").with(as(READER))).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("ticket.not-found"));
		mvc.perform(post("/api/tickets/v1/tickets/T-424242/replies").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"hi\"}")).andExpect(status().isNotFound());
		String id = opened();
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"<p></p>\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.reason").value("ticket.cannot-reply"));
		workflow.change(id, Transition.RESOLVE, java.time.Instant.now());
		workflow.change(id, Transition.CLOSE, java.time.Instant.now());
		mvc.perform(post("/api/tickets/v1/tickets/" + id + "/replies").with(as(WRITER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"hello?\"}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("ticket.closed-already"));
	}

	@Test
	void aPartnerWithoutTheScopeIsRefusedWhateverItSends() throws Exception {
		mvc.perform(post("/api/tickets/v1/tickets").with(as(READER)).contentType(MediaType.APPLICATION_JSON)
			.content("{not json")).andExpect(status().isForbidden());
		mvc.perform(get("/api/tickets/v1/tickets/whatever").with(as(WRITER))).andExpect(status().isForbidden());
		mvc.perform(get("/api/tickets/v1/tickets").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
	}
}
