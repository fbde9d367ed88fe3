package com.rapport.benchmarks.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.rapport.benchmarks.harness.ClientAnswer;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.PartnerToken;
import com.rapport.partner.orders.ApiClient;
import com.rapport.partner.orders.ApiException;
import com.rapport.partner.orders.ApiResponse;
import com.rapport.partner.orders.api.OrdersApi;
import com.rapport.partner.orders.model.FirstMilestone;
import com.rapport.partner.orders.model.LineRequest;
import com.rapport.partner.orders.model.MoneyRequest;
import com.rapport.partner.orders.model.OrderRequest;

/**
 * The scenario's three requests made as a partner makes them: through the typed client generated from the order
 * API's OpenAPI document (partner-client, JDK HTTP client), one client per address, keeping its connections open.
 * Timed is the whole call: the request built from the model, sent, and the answer read into the model.
 */
final class ClientCalls {

	private final OrdersApi orders;

	private final URI base;

	ClientCalls(URI base, PartnerToken partner) {
		this.base = base;
		ApiClient client = new ApiClient();
		client.updateBaseUri(base.toString().replaceAll("/$", ""));
		// HTTP/1.1 as partners' ERPs and the harness's own client speak it (no h2c upgrade on each new connection)
		client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)));
		client.setReadTimeout(Duration.ofSeconds(60));
		client.setRequestInterceptor(request -> request.header("Authorization", partner.authorization()));
		this.orders = new OrdersApi(client);
	}

	/** {@code listOrders(customerId, 0, 5)}: answers 200. */
	Load.Call read(String customerId) {
		return expecting(200, index -> orders.listOrdersWithHttpInfo(customerId, 0, 5));
	}

	/** {@code listOrders(customerId)}: the API's default page (20 orders), as the partner asked; 200. */
	Load.Call list(String customerId) {
		return expecting(200, index -> orders.listOrdersWithHttpInfo(customerId, null, null));
	}

	/** {@code createOrder}: a new order a call, {@code <prefix>-<index>}, with its own Idempotency-Key; 201. */
	Load.Call create(String customerId, String prefix) {
		return expecting(201, index -> {
			String number = prefix + "-" + index;
			return orders.createOrderWithHttpInfo(order(customerId, number, index), "bench-" + number);
		});
	}

	/** {@code getOrder} of an order that does not exist: 404 after one indexed look-up. */
	Load.Call unknown(String id) {
		return expecting(404, index -> orders.getOrderWithHttpInfo(id));
	}

	static OrderRequest order(String customerId, String number, int variant) {
		Instant placed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String[][] catalogue = { { "CHAIR-ERG-01", "Ergonomic chair" }, { "DESK-ADJ-02", "Height-adjustable desk" },
				{ "LAMP-LED-03", "LED desk lamp" } };
		OrderRequest order = new OrderRequest().customerId(customerId)
			.orderNumber(number)
			.placedAt(OffsetDateTime.ofInstant(placed, ZoneOffset.UTC))
			.promisedDate(placed.plus(Duration.ofDays(14)).atZone(ZoneOffset.UTC).toLocalDate())
			.total(new MoneyRequest().currency("CNY").amount(new BigDecimal((1200 + 37 * (variant % 1000)) + ".50")))
			.milestones(List.of(new FirstMilestone().code(FirstMilestone.CodeEnum.PLACED)
				.occurredAt(OffsetDateTime.ofInstant(placed, ZoneOffset.UTC))));
		for (int i = 0; i <= variant % 3; i++) {
			order.addLinesItem(new LineRequest().sku(catalogue[i][0]).description(catalogue[i][1])
				.quantity(5 + (variant + i) % 40));
		}
		return order;
	}

	private interface Request {

		ApiResponse<?> send(int index) throws ApiException;
	}

	private Load.Call expecting(int expected, Request request) {
		return new Load.Call() {
			@Override
			public HttpResponse<String> send(int index) {
				try {
					return new ClientAnswer(request.send(index).getStatusCode(), "", base);
				}
				catch (ApiException ex) {
					if (ex.getCode() == 0) {
						// no answer at all (refused, timed out): counted by its kind, as the harness's own calls are
						throw new IllegalStateException(ex.getCause() != null ? ex.getCause() : ex);
					}
					return new ClientAnswer(ex.getCode(), ex.getResponseBody(), base);
				}
			}

			@Override
			public String check(int index, HttpResponse<String> response) {
				return response.statusCode() == expected ? null : "HTTP " + response.statusCode();
			}
		};
	}
}
