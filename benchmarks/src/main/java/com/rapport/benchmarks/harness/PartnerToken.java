package com.rapport.benchmarks.harness;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A partner system's client-credentials token from Keycloak, fetched again shortly before it expires (the
 * realm's tokens live five minutes; seeding takes longer).
 */
public final class PartnerToken {

	private static final Duration MARGIN = Duration.ofSeconds(30);

	private final Http http;

	private final URI tokenEndpoint;

	private final String form;

	private String token;

	private Instant renewAt = Instant.MIN;

	public PartnerToken(Http http, URI keycloak, String clientId, String secret) {
		this.http = http;
		this.tokenEndpoint = keycloak.resolve("/realms/rapport/protocol/openid-connect/token");
		this.form = "grant_type=client_credentials&client_id=" + Http.encode(clientId) + "&client_secret="
				+ Http.encode(secret);
	}

	/** {@code Bearer <token>}, for the {@code Authorization} header. */
	public synchronized String authorization() {
		if (Instant.now().isAfter(renewAt)) {
			HttpResponse<String> response = http.send(Http.request(tokenEndpoint)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Keycloak refused the client-credentials token (" + response.statusCode()
						+ "): " + response.body());
			}
			JsonNode answer = Json.read(response.body());
			token = answer.path("access_token").asString();
			renewAt = Instant.now().plusSeconds(answer.path("expires_in").asLong(60)).minus(MARGIN);
		}
		return "Bearer " + token;
	}
}
