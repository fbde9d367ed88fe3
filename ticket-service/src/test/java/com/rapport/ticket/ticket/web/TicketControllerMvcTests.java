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

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@Autowired
	com.rapport.ticket.attachment.Attachments attachments;

	private static String file(String name, byte[] content) {
		return "{\"fileName\": \"" + name + "\", \"content\": \"" + java.util.Base64.getEncoder().encodeToString(content)
				+ "\"}";
	}

	private MockHttpServletRequestBuilder upload(String ticket, String body, String key) {
		MockHttpServletRequestBuilder request = post("/api/tickets/v1/tickets/" + ticket + "/attachments")
			.with(as(WRITER)).contentType(MediaType.APPLICATION_JSON).content(body);
		return key == null ? request : request.header("Idempotency-Key", key);
	}

	private long chunks() {
		return mongo.getCollection("ticket_attachment_chunks").countDocuments();
	}

	@Test
	void aPartnerSendsAFileOnceForTheCustomerAndDownloadsIt() throws Exception {
		String id = opened();
		long before = chunks();
		workflow.change(id, Transition.RESOLVE, java.time.Instant.now());
		String number = tickets.findById(id).orElseThrow().number();
		String sent = mvc.perform(upload(number, file("C:\\\\scans\\\\delivery-note.pdf", PDF), "file-1"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(jsonPath("$.fileName").value("delivery-note.pdf"))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.size").value(PDF.length))
			.andReturn().getResponse().getContentAsString();
		String file = JsonPath.read(sent, "$.id");
		assertThat(mvc.perform(upload(number, file("delivery-note.pdf", PDF), "file-1")).andReturn().getResponse()
			.getHeader("Location")).isEqualTo("/api/tickets/v1/tickets/" + id + "/attachments/" + file);
		// The same key again: the same file, nothing new; with another file: refused.
		mvc.perform(upload(number, file("delivery-note.pdf", PDF), "file-1"))
			.andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(file));
		byte[] other = java.util.Arrays.copyOf(PDF, PDF.length + 1);
		mvc.perform(upload(number, file("delivery-note.pdf", other), "file-1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("ticket.idempotency-key-reused"))
			.andExpect(jsonPath("$.fieldCodes.Idempotency-Key").value("idempotency.other-request"));
		assertThat(chunks() - before).as("one file kept").isEqualTo(1);
		// The customer's message carries it, with a customer's reply's effects: the resolved ticket is open again.
		mvc.perform(get("/api/tickets/v1/tickets/" + number).with(as(READER)))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.messages.length()").value(2))
			.andExpect(jsonPath("$.messages[1].authorKind").value("CUSTOMER"))
			.andExpect(jsonPath("$.messages[1].body").value("delivery-note.pdf"))
			.andExpect(jsonPath("$.messages[1].attachments[0].id").value(file))
			.andExpect(jsonPath("$.messages[1].attachments[0].contentType").value("application/pdf"))
			.andExpect(jsonPath("$.messages[0].attachments.length()").value(0));
		var download = mvc.perform(get("/api/tickets/v1/tickets/" + id + "/attachments/" + file).with(as(READER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("delivery-note.pdf")))
			.andReturn().getResponse();
		assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getHeader("Cache-Control")).contains("no-store");
		// With words and an author of their own; without a key each file is one more.
		mvc.perform(upload(id, "{\"fileName\": \"pallets.csv\", \"content\": \""
				+ java.util.Base64.getEncoder().encodeToString("pallet,state\n3,wet\n".getBytes())
				+ "\", \"comment\": \"Our list <script>x</script>of pallets\", \"authorName\": \"ERP desk\"}", null))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("text/csv"));
		mvc.perform(get("/api/tickets/v1/tickets/" + id).with(as(READER)))
			.andExpect(jsonPath("$.messages[2].body").value("Our list of pallets"))
			.andExpect(jsonPath("$.messages[2].authorName").value("ERP desk"));
		assertThat(chunks() - before).isEqualTo(2);
	}

	@Test
	void aFileIsRefusedAsThePortalRefusesItAndNothingIsKept() throws Exception {
		String id = opened();
		long before = chunks();
		byte[] big = java.util.Arrays.copyOf(PDF, 3 * 1024 * 1024 + 1);
		mvc.perform(upload(id, file("scan.pdf", big), null))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("too-large"))
			.andExpect(jsonPath("$.reason").value("attachment.too-large"))
			.andExpect(jsonPath("$.fieldCodes.content").value("attachment.file-too-large"));
		// Far larger than any file in base64: refused before it is read.
		mvc.perform(upload(id, file("scan.pdf", new byte[5 * 1024 * 1024]), null))
			.andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("too-large"));
		mvc.perform(upload(id, file("invoice.pdf", "<html><body><script>alert(1)</script></body></html>".getBytes()), null))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("unsupported-media-type"))
			.andExpect(jsonPath("$.reason").value("attachment.type-not-allowed"))
			.andExpect(jsonPath("$.fieldCodes.content").value("attachment.file-type-not-allowed"));
		mvc.perform(upload(id, "{\"fileName\": \" \", \"content\": \"\"}", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("attachment.cannot-attach"))
			.andExpect(jsonPath("$.fieldCodes.fileName").value("field.required"))
			.andExpect(jsonPath("$.fieldCodes.content").value("field.required"));
		mvc.perform(upload(id, "{\"fileName\": \"a.pdf\", \"content\": \"not base64!\"}", null))
			.andExpect(status().isBadRequest());
		mvc.perform(upload(id, file("a.pdf", PDF), "bad key"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fieldCodes.Idempotency-Key").value("ticket.idempotency-key.format"));
		mvc.perform(upload("T-424242", file("a.pdf", PDF), null)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("ticket.not-found"));
		workflow.change(id, Transition.RESOLVE, java.time.Instant.now());
		workflow.change(id, Transition.CLOSE, java.time.Instant.now());
		mvc.perform(upload(id, file("a.pdf", PDF), "late")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("ticket.closed-already"));
		assertThat(chunks() - before).as("nothing kept of a refused file").isZero();
		assertThat(tickets.findById(id).orElseThrow().messages()).hasSize(1);
		mvc.perform(upload(id, file("a.pdf", PDF), null).with(as(READER))).andExpect(status().isForbidden());
	}

	@Test
	void anInternalNotesFileIsNeverReachableForAPartner() throws Exception {
		String id = opened();
		var stored = attachments.store(java.util.List.of(new com.rapport.ticket.attachment.AttachmentUpload(
				"carrier-claim.pdf", PDF)));
		mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
				new org.springframework.data.mongodb.core.query.Update().push("messages",
						new com.rapport.ticket.ticket.TicketMessage("note-1", AuthorKind.STAFF, "agent.li", "Li Na", true,
								NOTE, java.time.Instant.now(), stored)),
				com.rapport.ticket.ticket.Ticket.class);
		assertThat(conversation.get(AGENT, id).messages()).hasSize(2);
		mvc.perform(get("/api/tickets/v1/tickets/" + id + "/attachments/" + stored.get(0).id()).with(as(READER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.reason").value("attachment.not-found"));
		mvc.perform(get("/api/tickets/v1/tickets/" + id + "/attachments/no-such-file").with(as(READER)))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.reason").value("attachment.not-found"));
		mvc.perform(get("/api/tickets/v1/tickets/T-424242/attachments/" + stored.get(0).id()).with(as(READER)))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.reason").value("ticket.not-found"));
		String read = mvc.perform(get("/api/tickets/v1/tickets/" + id).with(as(READER))).andReturn().getResponse()
			.getContentAsString();
		assertThat(read).doesNotContain(stored.get(0).id()).doesNotContain("carrier-claim");
		mvc.perform(get("/api/tickets/v1/tickets/" + id + "/attachments/" + stored.get(0).id()).with(as(WRITER)))
			.andExpect(status().isForbidden());
	}
}
