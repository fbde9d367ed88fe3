package com.rapport.systemtests;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.rapport.partner.customers.api.OrganisationsApi;
import com.rapport.partner.feedback.api.ResponsesApi;
import com.rapport.partner.feedback.api.ScoresApi;
import com.rapport.partner.feedback.model.NewResponse;
import com.rapport.partner.feedback.model.Response;
import com.rapport.partner.feedback.model.Scores;
import com.rapport.partner.orders.ApiException;
import com.rapport.partner.orders.api.OrdersApi;
import com.rapport.partner.orders.model.FirstMilestone;
import com.rapport.partner.orders.model.LineRequest;
import com.rapport.partner.orders.model.Milestone;
import com.rapport.partner.orders.model.MilestoneRequest;
import com.rapport.partner.orders.model.MoneyRequest;
import com.rapport.partner.orders.model.OrderRequest;
import com.rapport.partner.orders.model.OrderView;
import com.rapport.partner.tickets.api.TicketsApi;
import com.rapport.partner.tickets.model.NewTicket;
import com.rapport.partner.tickets.model.Requester;
import com.rapport.partner.tickets.model.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The contract as a partner's developer meets it: the OpenAPI documents and the reference page fetched from the
 * gateway without a token, and the typed client generated from the documents (partner-client) calling the
 * real services through the gateway with a real Keycloak token.
 */
@ExtendWith(RunningPlatform.class)
class PartnerClientSystemTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Partner partner = Partner.demo();

	@Test
	void everyApiPublishesItsDocumentAndThereIsAReferencePageWithoutAToken() throws Exception {
		for (String area : List.of("customers", "orders", "tickets", "feedback")) {
			HttpResponse<String> json = get("/api/" + area + "/v1/openapi.json");
			assertThat(json.statusCode()).as(area).isEqualTo(200);
			assertThat((String) JsonPath.read(json.body(), "$.openapi")).isEqualTo("3.1.0");
			Map<String, Object> paths = JsonPath.read(json.body(), "$.paths");
			assertThat(paths.keySet()).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/" + area + "/v1/"));
			HttpResponse<String> yaml = get("/api/" + area + "/v1/openapi.yaml");
			assertThat(yaml.statusCode()).as(area).isEqualTo(200);
			assertThat(yaml.body()).startsWith("openapi: 3.1.0");
		}
		HttpResponse<String> reference = get("/api/docs/");
		assertThat(reference.statusCode()).isEqualTo(200);
		assertThat(reference.body()).contains("swagger-ui/swagger-ui-bundle.js");
		assertThat(reference.headers().firstValue("Content-Security-Policy")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("script-src 'self';").doesNotContain("unsafe");
	}

	@Test
	void aPartnerSubmitsAnOrderKeepsItCurrentAndOpensATicketWithTheGeneratedClient() throws Exception {
		OrdersApi orders = new OrdersApi(ordersClient(partner.token()));
		String number = Partner.newOrderNumber();
		OffsetDateTime placed = OffsetDateTime.now().minusHours(2).truncatedTo(ChronoUnit.SECONDS);
		OrderView created = orders.createOrder(new OrderRequest().customerId("acme-retail").orderNumber(number)
			.promisedDate(LocalDate.now().plusDays(14))
			.total(new MoneyRequest().currency("CNY").amount(new BigDecimal("12500.00")))
			.addLinesItem(new LineRequest().sku("STOOL-SYS-01").description("System-test stool").quantity(25))
			.addMilestonesItem(new FirstMilestone().code(FirstMilestone.CodeEnum.PLACED).occurredAt(placed)),
				"client-" + number);
		assertThat(created.getOrderNumber()).isEqualTo(number);
		assertThat(created.getTotal().getAmount()).isEqualByComparingTo("12500.00");

		OrderView shipped = orders.recordMilestone(number, new MilestoneRequest().customerId("acme-retail")
			.eventId("ship-" + number).code("SHIPPED").occurredAt(placed.plusHours(1)).carrier("SF Express")
			.trackingNumber("SF1234567").trackingLink("https://sf.example/SF1234567"), "ship-" + number);
		assertThat(shipped.getMilestones()).extracting(Milestone::getCode).contains(Milestone.CodeEnum.SHIPPED);
		assertThat(orders.getOrder(created.getId()).getMilestones()).extracting(Milestone::getTrackingNumber)
			.contains("SF1234567");
		assertThat(orders.listOrders("acme-retail", 0, 100).getItems()).extracting(OrderView::getOrderNumber)
			.contains(number);

		TicketsApi tickets = new TicketsApi(ticketsClient(partner.token()));
		Ticket opened = tickets.openTicket(new NewTicket().customerId("acme-retail")
			.subject("Two chairs of " + number + " wobble").kind(NewTicket.KindEnum.COMPLAINT)
			.category(NewTicket.CategoryEnum.QUALITY).severity(NewTicket.SeverityEnum.MINOR).orderNumber(number)
			.body("Two of the 25 chairs wobble.")
			.requester(new Requester().name("Alice Chen").email("alice.chen@acme-retail.example")), "case-" + number);
		assertThat(tickets.getTicket(opened.getId()).getSubject()).isEqualTo("Two chairs of " + number + " wobble");

		OrganisationsApi organisations = new OrganisationsApi(customersClient(partner.token()));
		assertThat(organisations.getOrganisation("acme-retail").getName()).isEqualTo("Acme Retail");
	}

	/**
	 * A partner's call centre records the NPS it asked on the phone; its retry after a lost answer stores nothing
	 * new; the organisation's figures count it once; a read-only partner reads but cannot record.
	 */
	@Test
	void aPartnerRecordsASurveyAnswerOnceAndReadsTheOrganisationsScoresWithTheGeneratedClient() throws Exception {
		String id = "call-centre-" + Partner.newOrderNumber();
		ScoresApi scores = new ScoresApi(feedbackClient(partner.token()));
		Scores before = scores.getScores("globex-trading");
		int promotersBefore = before.getNps() == null || before.getNps().getPromoters() == null ? 0
				: before.getNps().getPromoters();
		ResponsesApi responses = new ResponsesApi(feedbackClient(partner.token()));
		NewResponse answer = new NewResponse().responseId(id).customerId("globex-trading")
			.kind(NewResponse.KindEnum.NPS).score(10).comment("Reliable as ever").channel(NewResponse.ChannelEnum.PHONE);

		Response recorded = responses.recordResponse(answer);
		Response again = responses.recordResponse(answer);

		assertThat(recorded.getId()).isEqualTo(id);
		assertThat(again.getRecordedAt()).isEqualTo(recorded.getRecordedAt());
		assertThat(responses.getResponse(id).getComment()).isEqualTo("Reliable as ever");
		assertThat(responses.listResponses("globex-trading", "NPS", 0, 100).getItems()).extracting(Response::getId)
			.containsOnlyOnce(id);
		assertThat(scores.getScores("globex-trading").getNps().getPromoters()).isEqualTo(promotersBefore + 1);

		Partner readOnly = Partner.login("partner-readonly", "partner-readonly-secret");
		ResponsesApi reader = new ResponsesApi(feedbackClient(readOnly.token()));
		assertThat(reader.getResponse(id).getScore()).isEqualTo(10);
		com.rapport.partner.feedback.ApiException refused = catchThrowableOfType(
				com.rapport.partner.feedback.ApiException.class,
				() -> reader.recordResponse(new NewResponse().responseId(id + "-b").customerId("globex-trading")
					.kind(NewResponse.KindEnum.CSAT).score(5)));
		assertThat(refused.getCode()).isEqualTo(403);
	}

	@Test
	void aRefusalReachesTheClientAsTheProblemDocumentTheContractDescribes() {
		Partner readOnly = Partner.login("partner-readonly", "partner-readonly-secret");
		OrdersApi orders = new OrdersApi(ordersClient(readOnly.token()));

		ApiException refused = catchThrowableOfType(ApiException.class, () -> orders.createOrder(
				new OrderRequest().customerId("acme-retail").orderNumber(Partner.newOrderNumber()), null));

		assertThat(refused.getCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(refused.getResponseBody(), "$.code")).isEqualTo("forbidden");
	}

	private static com.rapport.partner.orders.ApiClient ordersClient(String token) {
		com.rapport.partner.orders.ApiClient client = new com.rapport.partner.orders.ApiClient();
		client.updateBaseUri(RunningPlatform.GATEWAY);
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private static com.rapport.partner.tickets.ApiClient ticketsClient(String token) {
		com.rapport.partner.tickets.ApiClient client = new com.rapport.partner.tickets.ApiClient();
		client.updateBaseUri(RunningPlatform.GATEWAY);
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private static com.rapport.partner.feedback.ApiClient feedbackClient(String token) {
		com.rapport.partner.feedback.ApiClient client = new com.rapport.partner.feedback.ApiClient();
		client.updateBaseUri(RunningPlatform.GATEWAY);
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private static com.rapport.partner.customers.ApiClient customersClient(String token) {
		com.rapport.partner.customers.ApiClient client = new com.rapport.partner.customers.ApiClient();
		client.updateBaseUri(RunningPlatform.GATEWAY);
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(RunningPlatform.GATEWAY + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
