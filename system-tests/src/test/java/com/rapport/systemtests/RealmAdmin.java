package com.rapport.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

/**
 * Keycloak's admin REST API as the local master-realm admin (a demo credential of keycloak.sh), for tests
 * that need a client the demo realm does not have: one whose tokens live a second, or lack the audience.
 */
final class RealmAdmin {

	private static final String ADMIN = RunningPlatform.KEYCLOAK + "/admin/realms/rapport";

	private final String token;

	private RealmAdmin(String token) {
		this.token = token;
	}

	static RealmAdmin login() {
		HttpResponse<String> response = Partner.anonymous(HttpRequest
			.newBuilder(URI.create(RunningPlatform.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
					+ URLEncoder.encode("admin", StandardCharsets.UTF_8))));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak's master admin cannot sign in: " + response.body());
		}
		return new RealmAdmin(JsonPath.read(response.body(), "$.access_token"));
	}

	/** A confidential client of realm rapport with a service account; answers its client id (its secret is the same). */
	String createServiceClient(String prefix, String attributesJson, String... defaultScopes) {
		String clientId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		StringBuilder scopes = new StringBuilder();
		for (String scope : defaultScopes) {
			scopes.append(scopes.isEmpty() ? "" : ",").append('"').append(scope).append('"');
		}
		String json = """
				{"clientId": "%s", "secret": "%s", "enabled": true, "publicClient": false,
				 "serviceAccountsEnabled": true, "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
				 "attributes": %s, "defaultClientScopes": [%s], "optionalClientScopes": []}
				""".formatted(clientId, clientId, attributesJson, scopes);
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ADMIN + "/clients"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Keycloak refused client " + clientId + ": " + response.body());
		}
		return clientId;
	}

	void deleteClient(String clientId) {
		HttpResponse<String> found = send(HttpRequest
			.newBuilder(URI.create(ADMIN + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))));
		for (Object id : JsonPath.<java.util.List<Object>>read(found.body(), "$[*].id")) {
			send(HttpRequest.newBuilder(URI.create(ADMIN + "/clients/" + id)).DELETE());
		}
	}

	/** Gives the service account of a client made by {@link #createServiceClient} a realm role ({@code agent}, say). */
	void grantRealmRole(String clientId, String role) {
		HttpResponse<String> found = send(HttpRequest
			.newBuilder(URI.create(ADMIN + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))));
		String id = JsonPath.read(found.body(), "$[0].id");
		HttpResponse<String> account = send(HttpRequest.newBuilder(URI.create(ADMIN + "/clients/" + id + "/service-account-user")));
		String user = JsonPath.read(account.body(), "$.id");
		HttpResponse<String> realmRole = send(HttpRequest.newBuilder(URI.create(ADMIN + "/roles/" + role)));
		HttpResponse<String> granted = send(HttpRequest.newBuilder(URI.create(ADMIN + "/users/" + user + "/role-mappings/realm"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("[" + realmRole.body() + "]")));
		if (granted.statusCode() != 204) {
			throw new IllegalStateException("Keycloak refused role " + role + " to " + clientId + ": " + granted.body());
		}
	}

	/** Deletes the users of exactly this user name, if any (a previous run's, Keycloak keeps its users). */
	void deleteUser(String username) {
		HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(ADMIN + "/users?exact=true&username="
				+ URLEncoder.encode(username, StandardCharsets.UTF_8))));
		for (Object id : JsonPath.<java.util.List<Object>>read(found.body(), "$[*].id")) {
			send(HttpRequest.newBuilder(URI.create(ADMIN + "/users/" + id)).DELETE());
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Partner.anonymous(request.header("Authorization", "Bearer " + token));
	}
}
