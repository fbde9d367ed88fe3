package com.rapport.benchmarks.portal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Json;

/**
 * The scenario's customer contacts as Keycloak users of the realm {@code rapport}, made through Keycloak's admin
 * REST API with the master realm's administrator (the local demo's {@code admin} / {@code admin} unless told
 * otherwise): user name {@code bench.portal.NN}, attribute {@code customer_id} (their organisation, in turn from
 * the list given), member of the group {@code customers} (the realm role {@code customer}), and the password the
 * scenario signs in with. A user that exists already is brought back to that state, so a run can be repeated.
 */
final class PortalUsers {

	static final String GROUP = "customers";

	private final Http http;

	private final URI keycloak;

	private final String adminUser;

	private final String adminPassword;

	PortalUsers(Http http, URI keycloak, String adminUser, String adminPassword) {
		this.http = http;
		this.keycloak = keycloak;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	/** One contact of the scenario: who signs in, and the organisation whose portal they see. */
	record User(String username, String organisationId) {
	}

	/** The {@code count} users, spread in turn over {@code organisations}. */
	static List<User> plan(int count, List<String> organisations) {
		List<User> users = new ArrayList<>(count);
		for (int n = 1; n <= count; n++) {
			users.add(new User(String.format(Locale.ROOT, "bench.portal.%02d", n),
					organisations.get((n - 1) % organisations.size())));
		}
		return users;
	}

	/** Keycloak's representation of one of them. */
	static Map<String, Object> representation(User user, String password, boolean create) {
		Map<String, Object> rep = new LinkedHashMap<>();
		rep.put("username", user.username());
		rep.put("email", user.username() + "@bench.example");
		rep.put("emailVerified", true);
		rep.put("firstName", "Bench");
		rep.put("lastName", "Contact " + user.username().substring(user.username().lastIndexOf('.') + 1));
		rep.put("enabled", true);
		rep.put("attributes", Map.of("customer_id", List.of(user.organisationId())));
		rep.put("requiredActions", List.of());
		if (create) {
			rep.put("groups", List.of("/" + GROUP));
			rep.put("credentials", List.of(credential(password)));
		}
		return rep;
	}

	/** Makes every user exist as planned, with {@code password}. */
	void ensure(List<User> users, String password) {
		String token = adminToken();
		URI realmUsers = keycloak.resolve("/admin/realms/rapport/users");
		String groupId = groupId(token);
		for (User user : users) {
			String id = find(token, realmUsers, user.username());
			if (id == null) {
				expect(send(token, "POST", realmUsers, representation(user, password, true)), 201, "create", user);
				id = find(token, realmUsers, user.username());
			}
			else {
				URI self = realmUsers.resolve("users/" + id);
				expect(send(token, "PUT", self, representation(user, password, false)), 204, "update", user);
				expect(send(token, "PUT", realmUsers.resolve("users/" + id + "/reset-password"), credential(password)),
						204, "set the password of", user);
			}
			expect(send(token, "PUT", realmUsers.resolve("users/" + id + "/groups/" + groupId), null), 204,
					"put into group " + GROUP, user);
		}
	}

	private static Map<String, Object> credential(String password) {
		return Map.of("type", "password", "value", password, "temporary", false);
	}

	private String adminToken() {
		HttpResponse<String> answer = http.send(Http.request(keycloak.resolve("/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
					+ Http.encode(adminUser) + "&password=" + Http.encode(adminPassword)))
			.build());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("Keycloak's master realm refused the administrator " + adminUser + " ("
					+ answer.statusCode() + "); give --keycloak-admin and --keycloak-admin-password");
		}
		return Json.read(answer.body()).path("access_token").asString();
	}

	private String groupId(String token) {
		HttpResponse<String> answer = send(token, "GET",
				keycloak.resolve("/admin/realms/rapport/groups?exact=true&search=" + GROUP), null);
		for (JsonNode group : Json.read(answer.body())) {
			if (GROUP.equals(group.path("name").asString())) {
				return group.path("id").asString();
			}
		}
		throw new IllegalStateException("the realm rapport has no group '" + GROUP + "'");
	}

	private String find(String token, URI realmUsers, String username) {
		HttpResponse<String> answer = send(token, "GET",
				URI.create(realmUsers + "?exact=true&username=" + Http.encode(username)), null);
		for (JsonNode user : Json.read(answer.body())) {
			if (username.equals(user.path("username").asString())) {
				return user.path("id").asString();
			}
		}
		return null;
	}

	private HttpResponse<String> send(String token, String method, URI uri, Object body) {
		HttpRequest.Builder request = Http.request(uri).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
	}

	private static void expect(HttpResponse<String> answer, int status, String what, User user) {
		if (answer.statusCode() != status) {
			throw new IllegalStateException("Keycloak did not " + what + " " + user.username() + " ("
					+ answer.statusCode() + "): " + answer.body());
		}
	}
}
