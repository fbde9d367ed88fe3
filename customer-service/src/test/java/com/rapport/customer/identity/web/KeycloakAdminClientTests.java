package com.rapport.customer.identity.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.rapport.customer.identity.IdentityProperties;
import com.rapport.customer.identity.KeycloakAdmin;
import com.rapport.customer.identity.LoginFailure;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.grpc.RemoteCalls;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withResourceNotFound;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The exact requests to Keycloak's admin API, and what its answers become. */
class KeycloakAdminClientTests {

	static final String ADMIN = "http://localhost:8180/admin/realms/rapport";

	MockRestServiceServer keycloak;

	KeycloakAdminClient client;

	/** As application.yml configures them: only unavailability counts and is retried (once, for reads). */
	static RemoteCalls remoteCalls(int callsBeforeOpening) {
		return new RemoteCalls(
				CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().minimumNumberOfCalls(callsBeforeOpening)
					.slidingWindowSize(callsBeforeOpening).recordExceptions(RemoteUnavailableException.class)
					.waitDurationInOpenState(Duration.ofMinutes(1)).build()),
				RetryRegistry.of(RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(1))
					.retryExceptions(RemoteUnavailableException.class).build()));
	}

	static KeycloakAdmin.NewUser user(String email) {
		return new KeycloakAdmin.NewUser(email, email, "A", null, "org");
	}

	@BeforeEach
	void setUp() {
		RestClient.Builder builder = RestClient.builder();
		keycloak = MockRestServiceServer.bindTo(builder).build();
		client = new KeycloakAdminClient(builder, () -> "service-token", remoteCalls(100),
				IdentityProperties.defaults());
	}

	@Test
	void creatingAUserPostsItWithItsOrganisationAndAnswersTheIdFromTheLocation() {
		keycloak.expect(requestTo(ADMIN + "/users")).andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", "Bearer service-token"))
			.andExpect(content().json("""
					{"username": "bo.zhang@acme-retail.example", "email": "Bo.Zhang@acme-retail.example",
					 "firstName": "Bo", "lastName": "Zhang", "enabled": true, "emailVerified": false,
					 "attributes": {"customer_id": ["acme-retail"]}, "requiredActions": ["UPDATE_PASSWORD"],
					 "groups": ["/customers"]}""", JsonCompareMode.STRICT))
			.andRespond(withStatus(HttpStatus.CREATED)
				.location(URI.create(ADMIN + "/users/0b6f1c1e-1111-4c8d-a663-180d99603ca9")));

		String id = client.createUser(new KeycloakAdmin.NewUser("bo.zhang@acme-retail.example",
				"Bo.Zhang@acme-retail.example", "Bo", "Zhang", "acme-retail"));

		assertThat(id).isEqualTo("0b6f1c1e-1111-4c8d-a663-180d99603ca9");
		keycloak.verify();
	}

	@Test
	void aUserNameOrEmailKeycloakAlreadyHasIsAConflict() {
		keycloak.expect(requestTo(ADMIN + "/users")).andRespond(withStatus(HttpStatus.CONFLICT)
			.contentType(MediaType.APPLICATION_JSON).body("{\"errorMessage\":\"User exists with same email\"}"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> client.createUser(user("a@b.example")))
			.withMessageContaining("a@b.example");
	}

	@Test
	void valuesKeycloakRefusesNameTheContactsFields() {
		keycloak.expect(requestTo(ADMIN + "/users")).andRespond(withStatus(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON).body("""
					{"errors": [{"field": "username", "errorMessage": "error-username-invalid-character"},
					            {"field": "firstName", "errorMessage": "error-person-name-invalid-character"}]}"""));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> client.createUser(new KeycloakAdmin.NewUser("a b", "a@b.example", "<A>", null, "org")))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("email", "name"));
	}

	@Test
	void theInvitationAsksKeycloakToMailTheUpdatePasswordActionWithTheLinkBackToThePortal() {
		keycloak.expect(requestTo(ADMIN + "/users/u-1/execute-actions-email?client_id=rapport-gateway"
				+ "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fportal&lifespan=259200"))
			.andExpect(method(HttpMethod.PUT)).andExpect(header("Authorization", "Bearer service-token"))
			.andExpect(content().json("[\"UPDATE_PASSWORD\"]", JsonCompareMode.STRICT))
			.andRespond(withStatus(HttpStatus.NO_CONTENT));
		client.sendInvitation("u-1");
		keycloak.verify();
	}

	@Test
	void aMailServerThatFailsIsUnavailableAndIsNotRetried() {
		keycloak.expect(ExpectedCount.once(), requestTo(org.hamcrest.Matchers.containsString("/execute-actions-email")))
			.andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
				.body("{\"errorMessage\":\"Failed to send execute actions email\"}"));
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> client.sendInvitation("u-1"))
			.satisfies(ex -> assertThat(ex.remote()).isEqualTo(KeycloakAdmin.MAIL_REMOTE));
		keycloak.verify();
	}

	@Test
	void anInvitationKeycloakRefusesIsAConflictAndAnUnknownUserNotFound() {
		keycloak.expect(requestTo(org.hamcrest.Matchers.containsString("/users/u-1/execute-actions-email")))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
				.body("{\"errorMessage\":\"User is disabled\"}"));
		keycloak.expect(requestTo(org.hamcrest.Matchers.containsString("/users/u-2/execute-actions-email")))
			.andRespond(withResourceNotFound().contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":\"User not found\"}"));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> client.sendInvitation("u-1"))
			.withMessageContaining("User is disabled");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.sendInvitation("u-2"));
	}

	@Test
	void disablingPutsEnabledFalseAndAnUnknownUserAnswersFalse() {
		keycloak.expect(requestTo(ADMIN + "/users/u-1")).andExpect(method(HttpMethod.PUT))
			.andExpect(content().json("{\"enabled\": false}", JsonCompareMode.STRICT))
			.andRespond(withStatus(HttpStatus.NO_CONTENT));
		keycloak.expect(requestTo(ADMIN + "/users/u-2")).andExpect(method(HttpMethod.PUT))
			.andRespond(withResourceNotFound());
		assertThat(client.disableUser("u-1")).isTrue();
		assertThat(client.disableUser("u-2")).isFalse();
		keycloak.verify();
	}

	@Test
	void deletingAUserThatIsAlreadyGoneIsFine() {
		keycloak.expect(requestTo(ADMIN + "/users/u-1")).andExpect(method(HttpMethod.DELETE))
			.andExpect(header("Authorization", "Bearer service-token")).andRespond(withStatus(HttpStatus.NO_CONTENT));
		keycloak.expect(requestTo(ADMIN + "/users/u-2")).andExpect(method(HttpMethod.DELETE))
			.andRespond(withResourceNotFound());
		keycloak.expect(requestTo(ADMIN + "/users/u-3")).andExpect(method(HttpMethod.DELETE))
			.andRespond(withStatus(HttpStatus.BAD_GATEWAY));
		client.deleteUser("u-1");
		client.deleteUser("u-2");
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> client.deleteUser("u-3"));
		keycloak.verify();
	}

	@Test
	void aUserIsFoundByExactlyItsUserNameInLowerCase() {
		keycloak.expect(requestTo(ADMIN + "/users?username=acme.buyer&exact=true")).andExpect(method(HttpMethod.GET))
			.andRespond(withSuccess("""
					[{"id": "u-1", "username": "acme.buyer", "email": "alice.chen@acme-retail.example", "enabled": true,
					  "attributes": {"customer_id": ["acme-retail"]}, "totp": false}]""", MediaType.APPLICATION_JSON));
		keycloak.expect(requestTo(ADMIN + "/users?username=nobody&exact=true"))
			.andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));

		assertThat(client.findUserByUsername("Acme.Buyer")).contains(new KeycloakAdmin.KeycloakUser("u-1",
				"acme.buyer", "alice.chen@acme-retail.example", true, "acme-retail"));
		assertThat(client.findUserByUsername("nobody")).isEqualTo(Optional.empty());
		keycloak.verify();
	}

	@Test
	void loginFailuresAreReadOldestFirstFromAMillisecondOn() {
		Instant from = Instant.parse("2026-11-30T08:00:00.123Z");
		keycloak.expect(requestTo(ADMIN + "/events?type=LOGIN_ERROR&dateFrom=" + from.toEpochMilli()
				+ "&direction=asc&first=100&max=50"))
			.andExpect(method(HttpMethod.GET)).andExpect(header("Authorization", "Bearer service-token"))
			.andRespond(withSuccess("""
					[{"id": "e-1", "time": 1796040771686, "type": "LOGIN_ERROR", "realmId": "r",
					  "clientId": "rapport-gateway", "userId": "u-1", "ipAddress": "127.0.0.1",
					  "error": "invalid_user_credentials",
					  "details": {"auth_method": "openid-connect", "username": "new.person@org-a.example"}}]""",
					MediaType.APPLICATION_JSON));

		assertThat(client.loginFailures(from, 100, 50)).containsExactly(new LoginFailure("e-1",
				Instant.ofEpochMilli(1796040771686L), "new.person@org-a.example", "u-1", "rapport-gateway",
				"127.0.0.1", "invalid_user_credentials"));
		keycloak.verify();
	}

	@Test
	void aReadIsRetriedOnceThenKeycloakIsUnavailable() {
		keycloak.expect(ExpectedCount.twice(), requestTo(ADMIN + "/users?username=acme.buyer&exact=true"))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
		assertThatExceptionOfType(RemoteUnavailableException.class)
			.isThrownBy(() -> client.findUserByUsername("acme.buyer"));
		keycloak.verify();
	}

	@Test
	void aTimeoutOrARefusedServiceAccountIsUnavailableNeverAnError() {
		keycloak.expect(requestTo(ADMIN + "/users"))
			.andRespond(withException(new SocketTimeoutException("Read timed out")));
		keycloak.expect(requestTo(ADMIN + "/users/u-1")).andRespond(withStatus(HttpStatus.FORBIDDEN));
		assertThatExceptionOfType(RemoteUnavailableException.class)
			.isThrownBy(() -> client.createUser(user("a@b.example")));
		assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> client.disableUser("u-1"));
	}

	@Test
	void afterRepeatedFailuresTheCircuitOpensAndKeycloakIsNotAskedAtAll() {
		RestClient.Builder builder = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		KeycloakAdminClient guarded = new KeycloakAdminClient(builder, () -> "service-token", remoteCalls(2),
				IdentityProperties.defaults());
		server.expect(ExpectedCount.twice(), requestTo(ADMIN + "/users/u-1"))
			.andRespond(withStatus(HttpStatus.BAD_GATEWAY));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> guarded.deleteUser("u-1"));
		}
		server.verify();
	}

	@Test
	void aKeycloakThatDoesNotAnswerInTimeIsUnavailable() throws IOException {
		HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		silent.createContext("/", exchange -> {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		silent.start();
		try {
			IdentityProperties properties = new IdentityProperties(
					URI.create("http://127.0.0.1:" + silent.getAddress().getPort()), "rapport", Duration.ofMillis(500),
					Duration.ofMillis(300), null, null, null);
			KeycloakAdminClient slow = KeycloakAdminClient.create(() -> "service-token", remoteCalls(100), properties);
			long started = System.nanoTime();
			assertThatExceptionOfType(RemoteUnavailableException.class).isThrownBy(() -> slow.deleteUser("u-1"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			silent.stop(0);
		}
	}
}
