package com.rapport.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner system pushing orders through the gateway, with every kind of bad request it can make. */
@ExtendWith(RunningPlatform.class)
class PartnerOrderApiSystemTests {

	private final Partner partner = Partner.demo();

	@Test
	void partnerPushesAnOrderAndARepeatWithTheSameKeyReplaysTheFirstAnswer() {
		String number = Partner.newOrderNumber();
		// One body sent twice: the body carries times of now, and a repeat is the same request, byte for byte.
		String order = Partner.orderJson("acme-retail", number);
		HttpResponse<String> first = partner.postOrder(order, "key-" + number);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String id = JsonPath.read(first.body(), "$.id");
		assertThat(first.headers().firstValue("Location")).hasValue("/api/orders/v1/orders/" + id);
		assertThat((String) JsonPath.read(first.body(), "$.status")).isEqualTo("CONFIRMED");
		assertThat((List<String>) JsonPath.read(first.body(), "$.milestones[*].code"))
			.containsExactly("PLACED", "CONFIRMED");

		HttpResponse<String> repeat = partner.postOrder(order, "key-" + number);
		assertThat(repeat.statusCode()).isEqualTo(201);
		assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(repeat.headers().firstValue("Location")).hasValue("/api/orders/v1/orders/" + id);
		assertThat((String) JsonPath.read(repeat.body(), "$.id")).isEqualTo(id);

		HttpResponse<String> otherOrder = partner.postOrder(Partner.orderJson("acme-retail", number + "-B"),
				"key-" + number);
		assertProblem(otherOrder, 422);
		assertNotStored(number + "-B");

		HttpResponse<String> read = partner.get("/api/orders/v1/orders/" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(read.body(), "$.orderNumber")).isEqualTo(number);
	}

	@Test
	void partnerKeepsTheOrderCurrentAndARepeatedMilestoneIsKeptOnce() {
		String number = Partner.newOrderNumber();
		assertThat(partner.postOrder(Partner.orderJson("acme-retail", number), null).statusCode()).isEqualTo(201);
		String milestone = """
				{"customerId": "acme-retail", "eventId": "ship-%s", "code": "SHIPPED", "occurredAt": "%s",
				 "carrier": "SF Express", "trackingNumber": "SF1", "trackingLink": "https://sf.example/SF1"}"""
			.formatted(number, java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		String path = "/api/orders/v1/orders/" + number + "/milestones";
		HttpResponse<String> first = partner.post(path, milestone, "ms-" + number);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> replay = partner.post(path, milestone, "ms-" + number);
		assertThat(replay.statusCode()).isEqualTo(201);
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(partner.post(path, milestone, null).statusCode()).as("the same event again").isEqualTo(200);
		assertProblem(partner.post(path, milestone.replace("SHIPPED", "TELEPORTED"), null), 422);

		String id = JsonPath.read(first.body(), "$.id");
		HttpResponse<String> read = partner.get("/api/orders/v1/orders/" + id);
		assertThat((List<String>) JsonPath.read(read.body(), "$.milestones[*].code"))
			.containsExactly("PLACED", "CONFIRMED", "SHIPPED");
		assertThat((String) JsonPath.read(read.body(), "$.status")).isEqualTo("SHIPPED");
	}

	@Test
	void sameOrderNumberWithoutAKeyIsAConflict() {
		String number = Partner.newOrderNumber();
		assertThat(partner.postOrder(Partner.orderJson("acme-retail", number), null).statusCode()).isEqualTo(201);
		HttpResponse<String> again = partner.postOrder(Partner.orderJson("acme-retail", number), null);
		assertProblem(again, 409);
	}

	@Test
	void malformedBodyAnswers400AndStoresNothing() {
		String number = Partner.newOrderNumber();
		HttpResponse<String> response = partner.postOrder("{\"customerId\": \"acme-retail\", \"orderNumber\": \""
				+ number + "\", \"milestones\": [", null);
		assertProblem(response, 400);
		assertNotStored(number);
	}

	@Test
	void invalidFieldsAnswer422NamingEachField() {
		String number = Partner.newOrderNumber();
		HttpResponse<String> response = partner.postOrder("""
				{"customerId": "acme-retail", "orderNumber": "%s",
				 "lines": [{"sku": "", "quantity": 0}]}""".formatted(number), null);
		assertProblem(response, 422);
		assertThat((String) JsonPath.read(response.body(), "$.errors['lines[0].sku']")).isNotBlank();
		assertThat((String) JsonPath.read(response.body(), "$.errors['lines[0].quantity']")).isNotBlank();
		assertNotStored(number);
	}

	@Test
	void unknownOrganisationAnswers422AndStoresNothing() {
		String number = Partner.newOrderNumber();
		HttpResponse<String> response = partner.postOrder(Partner.orderJson("no-such-organisation", number), null);
		assertProblem(response, 422);
		assertThat((String) JsonPath.read(response.body(), "$.errors.customerId")).contains("no-such-organisation");
		assertNotStored(number);
	}

	@Test
	void missingTokenAnswers401() {
		String number = Partner.newOrderNumber();
		HttpResponse<String> response = Partner.anonymous(HttpRequest
			.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/orders/v1/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Partner.orderJson("acme-retail", number))));
		assertProblem(response, 401);
		assertNotStored(number);
	}

	@Test
	void tokenWithoutOrdersWriteAnswers403() {
		String number = Partner.newOrderNumber();
		Partner readOnly = Partner.login("partner-readonly", "partner-readonly-secret");
		HttpResponse<String> response = readOnly.postOrder(Partner.orderJson("acme-retail", number), null);
		assertProblem(response, 403);
		assertNotStored(number);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private void assertNotStored(String orderNumber) {
		HttpResponse<String> all = partner.get("/api/orders/v1/orders?customerId=acme-retail&size=100");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(all.body(), "$.items[*].orderNumber")).doesNotContain(orderNumber);
	}
}
