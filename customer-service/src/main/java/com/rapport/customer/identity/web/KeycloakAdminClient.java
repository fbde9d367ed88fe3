package com.rapport.customer.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.identity.IdentityProperties;
import com.rapport.customer.identity.KeycloakAdmin;
import com.rapport.customer.identity.LoginFailure;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@link KeycloakAdmin} over Keycloak's admin REST API ({@code /admin/realms/<realm>/...}), with the service's
 * own client-credentials token. Every call has the configured timeouts and goes through a circuit breaker
 * ({@link RemoteCalls}: {@value KeycloakAdmin#REMOTE}, and {@value KeycloakAdmin#MAIL_REMOTE} for mailing; reads
 * are retried once): a Keycloak that is down, slow or failing (5xx) is a {@link RemoteUnavailableException}, and
 * so is one that refuses the service account (401/403, logged as an error: the realm lacks its realm-management
 * roles), since no caller can fix that.
 */
class KeycloakAdminClient implements KeycloakAdmin {

	private static final Logger log = LoggerFactory.getLogger(KeycloakAdminClient.class);

	private static final BiFunction<HttpStatus, String, RuntimeException> NONE_EXPECTED = (status, reason) -> null;

	private final RestClient rest;

	private final Supplier<String> serviceToken;

	private final RemoteCalls calls;

	private final IdentityProperties properties;

	KeycloakAdminClient(RestClient.Builder builder, Supplier<String> serviceToken, RemoteCalls calls,
			IdentityProperties properties) {
		this.rest = builder.baseUrl(properties.keycloakUrl() + "/admin/realms/" + properties.realm()).build();
		this.serviceToken = serviceToken;
		this.calls = calls;
		this.properties = properties;
	}

	/** The client as the service runs it: plain JDK HTTP with the configured connect and read timeouts. */
	static KeycloakAdminClient create(Supplier<String> serviceToken, RemoteCalls calls,
			IdentityProperties properties) {
		var requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(properties.connectTimeout());
		requestFactory.setReadTimeout(properties.readTimeout());
		return new KeycloakAdminClient(RestClient.builder().requestFactory(requestFactory), serviceToken, calls,
				properties);
	}

	@Override
	public String createUser(NewUser user) {
		UserBody body = new UserBody(user.username(), user.email(), user.firstName(), user.lastName(), true, false,
				Map.of("customer_id", List.of(user.customerId())), List.of("UPDATE_PASSWORD"),
				List.of("/" + properties.customerGroup()));
		return calls.write(REMOTE, () -> call("create user " + user.username(), (status, reason) -> switch (status) {
			case CONFLICT -> new ConflictException(Message.of("invitation.email-taken", user.email()));
			default -> null;
		}, () -> {
			URI location = rest.post().uri("/users").headers(this::authorised).contentType(MediaType.APPLICATION_JSON)
				.body(body).retrieve().toBodilessEntity().getHeaders().getLocation();
			if (location == null) {
				throw new RemoteUnavailableException(REMOTE, new IllegalStateException("no Location for a new user"));
			}
			String path = location.getPath();
			return path.substring(path.lastIndexOf('/') + 1);
		}));
	}

	@Override
	public void sendInvitation(String userId) {
		var invitation = properties.invitation();
		BiFunction<HttpStatus, String, RuntimeException> expected = (status, reason) -> switch (status) {
			case NOT_FOUND -> new NotFoundException(Message.of("invitation.no-keycloak-user", userId));
			// A disabled user, or a client or redirect URI the realm does not know.
			case BAD_REQUEST -> new ConflictException(Message.of("invitation.mail-refused", reason));
			// Keycloak answers 500 when its SMTP server fails ("Failed to send execute actions email").
			case INTERNAL_SERVER_ERROR -> new RemoteUnavailableException(MAIL_REMOTE, new IllegalStateException(reason));
			default -> null;
		};
		calls.write(MAIL_REMOTE, () -> call("mail the invitation to user " + userId, expected, () -> rest.put()
			.uri(b -> b.path("/users/{id}/execute-actions-email").queryParam("client_id", "{client}")
				.queryParam("redirect_uri", "{redirect}").queryParam("lifespan", "{lifespan}")
				.build(Map.of("id", userId, "client", invitation.clientId(), "redirect",
						invitation.redirectUri().toString(), "lifespan", invitation.lifespan().toSeconds())))
			.headers(this::authorised).contentType(MediaType.APPLICATION_JSON).body(List.of("UPDATE_PASSWORD"))
			.retrieve().toBodilessEntity()));
	}

	@Override
	public boolean disableUser(String userId) {
		return calls.write(REMOTE, () -> call("disable user " + userId, NONE_EXPECTED, () -> {
			try {
				rest.put().uri("/users/{id}", userId).headers(this::authorised).contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("enabled", false)).retrieve().toBodilessEntity();
				return true;
			}
			catch (RestClientResponseException ex) {
				if (ex.getStatusCode().value() == 404) {
					return false;
				}
				throw ex;
			}
		}));
	}

	@Override
	public void deleteUser(String userId) {
		calls.write(REMOTE, () -> call("delete user " + userId, NONE_EXPECTED, () -> {
			try {
				rest.delete().uri("/users/{id}", userId).headers(this::authorised).retrieve().toBodilessEntity();
			}
			catch (RestClientResponseException ex) {
				if (ex.getStatusCode().value() != 404) { // already gone: what deleting wants
					throw ex;
				}
			}
			return null;
		}));
	}

	@Override
	public Optional<KeycloakUser> findUserByUsername(String username) {
		String wanted = username.toLowerCase(Locale.ROOT); // Keycloak keeps user names in lower case
		UserView[] found = calls.read(REMOTE, () -> call("find user " + wanted, NONE_EXPECTED,
				() -> rest.get()
					.uri(b -> b.path("/users").queryParam("username", "{username}").queryParam("exact", "true")
						.build(Map.of("username", wanted)))
					.headers(this::authorised).retrieve().body(UserView[].class)));
		return Arrays.stream(found == null ? new UserView[0] : found).filter(u -> wanted.equals(u.username()))
			.findFirst().map(UserView::toUser);
	}

	@Override
	public List<LoginFailure> loginFailures(Instant from, int first, int max) {
		EventView[] events = calls.read(REMOTE, () -> call("read login failures", NONE_EXPECTED,
				() -> rest.get()
					.uri(b -> b.path("/events").queryParam("type", "LOGIN_ERROR")
						.queryParam("dateFrom", from.toEpochMilli()).queryParam("direction", "asc")
						.queryParam("first", first).queryParam("max", max).build())
					.headers(this::authorised).retrieve().body(EventView[].class)));
		List<LoginFailure> failures = new ArrayList<>();
		for (EventView event : events == null ? new EventView[0] : events) {
			failures.add(event.toFailure());
		}
		return failures;
	}

	private void authorised(HttpHeaders headers) {
		headers.setBearerAuth(serviceToken.get());
	}

	/**
	 * Runs one request and turns its failures into domain exceptions: {@code expected} maps the answers this
	 * operation expects (status and Keycloak's reason) to one, or to null; a 400 names the refused field;
	 * everything else is unavailability.
	 */
	private <T> T call(String what, BiFunction<HttpStatus, String, RuntimeException> expected, Supplier<T> request) {
		try {
			return request.get();
		}
		catch (RestClientResponseException ex) {
			HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
			RuntimeException mapped = status == null ? null : expected.apply(status, keycloakMessage(ex));
			if (mapped != null) {
				throw mapped;
			}
			if (status == HttpStatus.BAD_REQUEST) {
				throw refused(ex);
			}
			if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
				log.error("Keycloak answered {} to {}: does the service account of customer-service have the "
						+ "realm-management roles manage-users, view-users, query-users and view-events?",
						ex.getStatusCode(), what);
			}
			else {
				log.warn("Keycloak answered {} to {}: {}", ex.getStatusCode(), what, keycloakMessage(ex));
			}
			throw new RemoteUnavailableException(REMOTE, ex);
		}
		catch (RestClientException ex) { // connection refused, timeouts, unreadable answers
			throw new RemoteUnavailableException(REMOTE, ex);
		}
	}

	/** A value Keycloak refuses, named as the contact's field it came from. */
	private static UnprocessableException refused(RestClientResponseException ex) {
		ErrorView error = errorOf(ex);
		Map<String, Message> fields = new LinkedHashMap<>();
		List<ErrorView> all = error.errors() != null && !error.errors().isEmpty() ? error.errors() : List.of(error);
		for (ErrorView one : all) {
			String field = one.field() == null ? "contact" : switch (one.field()) {
				case "firstName", "lastName" -> "name";
				case "username", "email" -> "email";
				default -> one.field();
			};
			fields.putIfAbsent(field, Message.of("invitation.field.refused", one.text()));
		}
		return new UnprocessableException(Message.of("invitation.details-refused"), fields);
	}

	private static String keycloakMessage(RestClientResponseException ex) {
		return errorOf(ex).text();
	}

	private static ErrorView errorOf(RestClientResponseException ex) {
		try {
			ErrorView error = ex.getResponseBodyAs(ErrorView.class);
			if (error != null) {
				return error;
			}
		}
		catch (RuntimeException unreadable) {
			// not JSON: the status text will do
		}
		return new ErrorView(ex.getStatusText(), null, null, null);
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UserBody(String username, String email, String firstName, String lastName, boolean enabled,
			boolean emailVerified, Map<String, List<String>> attributes, List<String> requiredActions,
			List<String> groups) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserView(String id, String username, String email, Boolean enabled, Map<String, List<String>> attributes) {

		KeycloakUser toUser() {
			List<String> customer = attributes == null ? null : attributes.get("customer_id");
			return new KeycloakUser(id, username, email, Boolean.TRUE.equals(enabled),
					customer == null || customer.isEmpty() ? null : customer.get(0));
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EventView(String id, long time, String type, String clientId, String userId, String ipAddress,
			String error, Map<String, String> details) {

		LoginFailure toFailure() {
			return new LoginFailure(id, Instant.ofEpochMilli(time), details == null ? null : details.get("username"),
					userId, clientId, ipAddress, error);
		}
	}

	/** Keycloak's error answers: {@code {"error": ...}}, {@code {"errorMessage": ..., "field": ...}} or a list. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorView(String error, String errorMessage, String field, List<ErrorView> errors) {

		String text() {
			return errorMessage != null ? errorMessage : error != null ? error : "no reason given";
		}
	}
}
