package com.rapport.gateway.security;

import java.time.Instant;

import com.rapport.gateway.FakeKeycloak;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both doors of the gateway, against a stand-in for Keycloak: a local server answering the discovery
 * document and the signing keys (the system tests use the real Keycloak). The same server stands in for
 * order-tracking-service's REST API, so that a request that gets through can be seen arriving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rapport.mongodb.embedded.in-memory=true", "rapport.security.token-clock-skew=5s" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewaySecurityTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	static final String ISSUER = KEYCLOAK.issuer();

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", () -> ISSUER);
		registry.add("ORDER_TRACKING_SERVICE_HTTP", KEYCLOAK::baseUrl);
		registry.add("PORTAL_WEB_HTTP", KEYCLOAK::baseUrl);
		// Nothing listens there: customer-service is "down".
		registry.add("CUSTOMER_SERVICE_HTTP", () -> "http://localhost:" + closedPort());
	}

	@AfterAll
	static void stopKeycloak() {
		KEYCLOAK.stop();
	}

	@Test
	void apiWithoutATokenIs401ProblemWithABearerChallenge() {
		web.get().uri("/api/orders/v1/orders").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody()
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.title").isEqualTo("Unauthenticated");
	}

	@Test
	void apiWithAGarbageBearerIs401WithAnInvalidTokenChallenge() {
		web.get().uri("/api/orders/v1/orders").headers(headers -> headers.setBearerAuth("not-a-jwt")).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"");
	}

	@Test
	void anExpiredTokenIs401SayingItExpiredSoThePartnerFetchesANewOne() {
		String expired = KEYCLOAK.token("rapport-api", "partner-test", Instant.now().minusSeconds(3600));

		web.get().uri("/api/orders/v1/orders").headers(headers -> headers.setBearerAuth(expired)).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"The access token expired\"")
			.expectBody()
			.jsonPath("$.detail").isEqualTo("The access token has expired; get a new one from Keycloak.");
	}

	/**
	 * The allowance for clocks that disagree is a setting (60 s by default, Spring Security's; 5 s here and in the
	 * system tests, which wait for a real token to expire): a token expired 10 s ago no longer gets in.
	 */
	@Test
	void aTokenExpiredLongerAgoThanTheClockSkewIsRefused() {
		String expired = KEYCLOAK.token("rapport-api", "partner-test", Instant.now().minusSeconds(10));

		web.get().uri("/api/orders/v1/orders").headers(headers -> headers.setBearerAuth(expired)).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
	}

	@Test
	void anExpiredTokenIsSaidInChineseWhenThePartnerAsksForItWithTheSameCodes() {
		String expired = KEYCLOAK.token("rapport-api", "partner-test", Instant.now().minusSeconds(3600));

		web.get().uri("/api/orders/v1/orders").headers(headers -> headers.setBearerAuth(expired))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange()
			.expectStatus().isUnauthorized()
			.expectBody()
			.jsonPath("$.title").isEqualTo("未认证")
			.jsonPath("$.detail").isEqualTo("访问令牌已过期；请从 Keycloak 获取新令牌。")
			.jsonPath("$.code").isEqualTo("unauthenticated")
			.jsonPath("$.reason").isEqualTo("gateway.token-expired");
	}

	@Test
	void apiWithATokenForAnotherAudienceIs401() {
		web.get().uri("/api/orders/v1/orders").headers(headers -> headers.setBearerAuth(KEYCLOAK.token("account", "partner-test"))).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void apiWithAValidTokenIsRoutedToTheServiceWithTheTokenAndNoSession() {
		String token = KEYCLOAK.token("rapport-api", "partner-test");

		web.get().uri("/api/orders/v1/orders").headers(headers -> headers.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody(String.class).isEqualTo("GET /api/orders/v1/orders Bearer " + token);
	}

	@Test
	void aServiceThatIsDownGivesA503ProblemWithRetryAfterNotA500() {
		web.get().uri("/api/customers/v1/organisations").headers(headers -> headers.setBearerAuth(KEYCLOAK.token("rapport-api", "partner-test")))
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(503)
			.jsonPath("$.title").isEqualTo("Temporarily unavailable");
	}

	static int closedPort() {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void pageWithoutASessionRedirectsToTheKeycloakLogin() {
		web.get().uri("/portal").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().location("/oauth2/authorization/keycloak");
	}

	@Test
	void aSurveyLinkFromAMailOpensWithoutALogin() {
		web.get().uri("/survey/payload.signature?score=4").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("GET /survey/payload.signature?score=4");
	}

	/** The knowledge base is read without a login, under the site's CSP; its vote needs the CSRF token. */
	@Test
	void theKnowledgeBaseIsPublicUnderTheSitesContentSecurityPolicy() {
		for (String path : List.of("/kb", "/kb/kb-lamp-flicker", "/kb?q=lamps")) {
			web.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isOk()
				.expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'"))
				.expectBody(String.class).isEqualTo("GET " + path);
		}
		web.post().uri("/kb/kb-lamp-flicker/helpful").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("helpful=yes").exchange()
			.expectStatus().isForbidden();
		String token = web.get().uri("/kb").exchange().returnResult(Void.class).getResponseCookies()
			.getFirst("XSRF-TOKEN").getValue();
		web.post().uri("/kb/kb-lamp-flicker/helpful").cookie("XSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("helpful=yes&_csrf=" + token).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("POST /kb/kb-lamp-flicker/helpful");
		// Only the vote is public there: another write still asks for a login.
		web.post().uri("/kb/kb-lamp-flicker/edit").cookie("XSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=" + token).exchange()
			.expectStatus().isFound();
	}

	/** A survey link opened in a browser that never came before: the page gets the token its form must carry. */
	@Test
	void aBrowsersFirstRequestReachesThePageWithTheCsrfTokenItIsGiven() {
		var answer = web.get().uri("/survey/payload.signature/cookies").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult();
		String issued = answer.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
		assertThat(issued).isNotBlank();
		assertThat(answer.getResponseBody()).contains("XSRF-TOKEN=" + issued);
	}

	@Test
	void aSurveyCommentWithoutTheCsrfTokenIsRefused() {
		web.post().uri("/survey/payload.signature/comment").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("comment=hello").exchange()
			.expectStatus().isForbidden();
	}

	/** A form with files carries its token in its address: the upload reaches portal-web as it was sent. */
	@Test
	void aFileUploadIsCheckedByTheTokenInItsAddressAndForwardedWhole() {
		String token = web.get().uri("/actuator/health").exchange()
			.returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN").getValue();
		org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
		parts.part("body", "See the photo");
		parts.part("attachments", new org.springframework.core.io.ByteArrayResource(
				"PHOTO-BYTES-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "photo.jpg";
			}
		});
		var form = parts.build();

		web.post().uri("/survey/upload?_csrf=" + token).cookie("XSRF-TOKEN", token)
			.body(BodyInserters.fromMultipartData(form)).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(echo -> assertThat(echo).startsWith("POST multipart/form-data;")
				.contains("filename=\"photo.jpg\"").contains("PHOTO-BYTES-0123456789").contains("See the photo"));
		web.post().uri("/survey/upload").cookie("XSRF-TOKEN", token)
			.body(BodyInserters.fromMultipartData(form)).exchange()
			.expectStatus().isForbidden();
		web.post().uri("/survey/upload?_csrf=forged").cookie("XSRF-TOKEN", token)
			.body(BodyInserters.fromMultipartData(form)).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void readinessProbeIsOpen() {
		web.get().uri("/actuator/health/readiness").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void pagesForbidInlineScriptAndFramingAndLeakNoFullReferrer() {
		web.get().uri("/portal").accept(MediaType.TEXT_HTML).exchange()
			.expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
				.contains("script-src 'self';")
				.doesNotContain("unsafe-inline")
				.contains("frame-ancestors 'none'")
				.contains("form-action 'self' " + ISSUER.replace("/realms/rapport", "")))
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
	}

	@Test
	void loginRedirectsToKeycloakWithPkce() {
		URI location = web.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isFound()
			.returnResult(Void.class).getResponseHeaders().getLocation();

		assertThat(location).isNotNull();
		assertThat(location.toString()).startsWith(ISSUER + "/protocol/openid-connect/auth?");
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("client_id")).isEqualTo("rapport-gateway");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		// base64url of a SHA-256 digest, unpadded
		assertThat(query.getFirst("code_challenge")).matches("[A-Za-z0-9_-]{43}");
		assertThat(query.getFirst("state")).isNotBlank();
		assertThat(query.getFirst("redirect_uri")).endsWith("/login/oauth2/code/keycloak");
	}

	@Test
	void logoutWithoutTheCsrfTokenIsRefused() {
		web.post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void logoutWithTheTokenFromTheHttpOnlyCsrfCookieIsAccepted() {
		ResponseCookie csrf = web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN");
		assertThat(csrf).isNotNull();
		assertThat(csrf.isHttpOnly()).isTrue();

		web.post().uri("/logout").cookie("XSRF-TOKEN", csrf.getValue())
			.body(BodyInserters.fromFormData("_csrf", csrf.getValue())).exchange()
			.expectStatus().isFound()
			.expectHeader().location("/");
	}
}
