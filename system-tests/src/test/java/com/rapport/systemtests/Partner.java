package com.rapport.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

/** A partner system as it really calls Rapport: a client-credentials token from Keycloak, REST through the gateway. */
final class Partner {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final String token;

	/** Where its requests go: the gateway, or straight to one instance of a service (its own partner API). */
	private final String base;

	private Partner(String token) {
		this(token, RunningPlatform.GATEWAY);
	}

	private Partner(String token, String base) {
		this.token = token;
		this.base = base;
	}

	/** The same partner, with the same token, sending its requests to {@code base} (such as http://localhost:18084). */
	Partner at(String base) {
		return new Partner(token, base);
	}

	static Partner login(String clientId, String secret) {
		String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(RunningPlatform.KEYCLOAK + "/realms/rapport/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused " + clientId + ": " + response.body());
		}
		return new Partner(JsonPath.read(response.body(), "$.access_token"));
	}

	static Partner demo() {
		return login("partner-demo", "partner-demo-secret");
	}

	String token() {
		return token;
	}

	HttpResponse<String> postOrder(String json, String idempotencyKey) {
		return post("/api/orders/v1/orders", json, idempotencyKey);
	}

	/** Opens a ticket through the gateway's {@code /api/tickets/v1/tickets}, with an Idempotency-Key if given. */
	HttpResponse<String> postTicket(String json, String idempotencyKey) {
		return post("/api/tickets/v1/tickets", json, idempotencyKey);
	}

	/** A partner write through the gateway, with an Idempotency-Key when one is given. */
	HttpResponse<String> post(String path, String json, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request);
	}

	/** A JSON request with the partner's token through the gateway: {@code POST}, {@code PUT}. */
	HttpResponse<String> send(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
				"Bearer " + token));
	}

	static HttpResponse<String> anonymous(HttpRequest.Builder request) {
		return send(request);
	}

	/** A fresh order number, so that runs never collide. */
	static String newOrderNumber() {
		return "SYS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	/**
	 * An order for an organisation with two milestones, placed yesterday. Its product is one no demo organisation
	 * buys, so that the demo's buying rhythms (Acme's chairs due to reorder) stay as the demo made them.
	 */
	static String orderJson(String customerId, String orderNumber) {
		Instant placed = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		return """
				{"customerId": "%s", "orderNumber": "%s", "promisedDate": "2030-01-15",
				 "total": {"currency": "CNY", "amount": "12500.00"},
				 "lines": [{"sku": "STOOL-SYS-01", "description": "System-test stool", "quantity": 25}],
				 "milestones": [
				   {"code": "PLACED", "occurredAt": "%s"},
				   {"code": "CONFIRMED", "occurredAt": "%s", "note": "Confirmed by the plant"}]}
				""".formatted(customerId, orderNumber, placed, placed.plus(3, ChronoUnit.HOURS));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
