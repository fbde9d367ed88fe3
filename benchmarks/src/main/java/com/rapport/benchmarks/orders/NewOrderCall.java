package com.rapport.benchmarks.orders;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.PartnerToken;

/**
 * A partner's {@code POST /api/orders/v1/orders} to {@code orders}: a new order a call, numbered
 * {@code <prefix>-<index>}, placed now, with its own {@code Idempotency-Key} as partners are asked to send; a
 * call counts when it answers {@code 201}.
 */
public record NewOrderCall(Http http, PartnerToken partner, URI orders, String customerId, String prefix)
		implements Load.Call {

	@Override
	public HttpResponse<String> send(int index) {
		String number = prefix + "-" + index;
		String body = Json.write(PartnerOrders.body(customerId, number, Instant.now(), PartnerOrders.Stage.PLACED, index));
		return http.send(Http.request(orders).header("Authorization", partner.authorization())
			.header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + number)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	@Override
	public String check(int index, HttpResponse<String> response) {
		return response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
	}
}
