package com.rapport.systemtests;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner system raising and answering tickets through the gateway with real Keycloak tokens: the scopes of
 * the demo realm's partner clients, idempotent opening, replies, lists, and the size limit.
 */
@ExtendWith(RunningPlatform.class)
class PartnerTicketApiSystemTests {

	private final Partner writer = Partner.demo();

	private final Partner reader = Partner.login("partner-readonly", "partner-readonly-secret");

	private static String ticketJson(String subject) {
		return """
				{"customerId": "acme-retail", "subject": "%s", "body": "Pallet 3 arrived <b>wet</b><script>x()</script>",
				 "kind": "COMPLAINT", "category": "DELIVERY", "severity": "MAJOR", "orderNumber": "ACME-1015",
				 "requester": {"name": "Alice Chen", "email": "alice.chen@acme-retail.example"}}""".formatted(subject);
	}

	@Test
	void aPartnerOpensATicketOnceRepliesAndAReadOnlyPartnerReadsIt() {
		String key = "sys-" + UUID.randomUUID();
		String subject = "System test " + key;
		HttpResponse<String> opened = writer.postTicket(ticketJson(subject), key);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String id = JsonPath.read(opened.body(), "$.id");
		assertThat(opened.headers().firstValue("Location")).hasValue("/api/tickets/v1/tickets/" + id);
		assertThat((String) JsonPath.read(opened.body(), "$.channel")).isEqualTo("PARTNER");
		assertThat((String) JsonPath.read(opened.body(), "$.messages[0].body")).isEqualTo("Pallet 3 arrived <b>wet</b>");

		HttpResponse<String> repeat = writer.postTicket(ticketJson(subject), key);
		assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(201);
		assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat((String) JsonPath.read(repeat.body(), "$.id")).isEqualTo(id);
		HttpResponse<String> reused = writer.postTicket(ticketJson(subject + " (changed)"), key);
		assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
		assertThat((String) JsonPath.read(reused.body(), "$.reason")).isEqualTo("ticket.idempotency-key-reused");

		HttpResponse<String> replied = writer.send("POST", "/api/tickets/v1/tickets/" + id + "/replies",
				"{\"body\": \"Photos follow by mail\", \"authorName\": \"Alice (ERP)\"}");
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);

		HttpResponse<String> read = reader.get("/api/tickets/v1/tickets/" + id);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(read.body(), "$.messages[*].authorName"))
			.containsExactly("Alice Chen", "Alice (ERP)");
		HttpResponse<String> listed = reader.get("/api/tickets/v1/tickets?customerId=acme-retail&status=open&size=100");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(listed.body(), "$.items[*].id")).contains(id);

		assertThat(reader.postTicket(ticketJson(subject), null).statusCode()).isEqualTo(403);
	}

	@Test
	void tooLargeOrBadRequestsAreProblemDocumentsAndOpenNothing() {
		HttpResponse<String> large = writer.postTicket(ticketJson("x".repeat(300_000)), null);
		assertThat(large.statusCode()).isEqualTo(413);
		HttpResponse<String> invalid = writer.postTicket("{\"customerId\": \"acme-retail\"}", null);
		assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(422);
		assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> unknown = reader.get("/api/tickets/v1/tickets/T-99999999");
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	/** Session 16 (issue 9): files through the partner API, the portal's limits, and the download of a public one. */
	@Test
	void aPartnerSendsAFileForTheCustomerOnceAndAReadOnlyPartnerDownloadsIt() {
		HttpResponse<String> opened = writer.postTicket(ticketJson("System test file " + UUID.randomUUID()), null);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String id = JsonPath.read(opened.body(), "$.id");
		String pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
		String file = "{\"fileName\": \"delivery-note.pdf\", \"content\": \""
				+ java.util.Base64.getEncoder().encodeToString(pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
				+ "\", \"comment\": \"The signed delivery note\"}";
		String key = "sys-file-" + UUID.randomUUID();
		HttpResponse<String> sent = writer.post("/api/tickets/v1/tickets/" + id + "/attachments", file, key);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(sent.body(), "$.contentType")).isEqualTo("application/pdf");
		String location = sent.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> repeat = writer.post("/api/tickets/v1/tickets/" + id + "/attachments", file, key);
		assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat((String) JsonPath.read(repeat.body(), "$.id")).isEqualTo(JsonPath.read(sent.body(), "$.id"));

		HttpResponse<String> refused = writer.post("/api/tickets/v1/tickets/" + id + "/attachments",
				"{\"fileName\": \"invoice.pdf\", \"content\": \"" + java.util.Base64.getEncoder()
					.encodeToString("<html><script>x()</script></html>".getBytes()) + "\"}", null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(415);
		assertThat((String) JsonPath.read(refused.body(), "$.reason")).isEqualTo("attachment.type-not-allowed");

		HttpResponse<String> download = reader.get(location);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.body()).isEqualTo(pdf);
		HttpResponse<String> read = reader.get("/api/tickets/v1/tickets/" + id);
		assertThat((List<String>) JsonPath.read(read.body(), "$.messages[1].attachments[*].fileName"))
			.containsExactly("delivery-note.pdf");
		assertThat(Partner.anonymous(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(RunningPlatform.GATEWAY + location))).statusCode()).as("no token, no file")
			.isEqualTo(401);
	}
}
