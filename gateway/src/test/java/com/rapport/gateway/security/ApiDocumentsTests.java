package com.rapport.gateway.security;

import com.rapport.gateway.FakeKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner APIs' OpenAPI documents and their reference page, as a partner's developer meets them: no token,
 * routed to the service that owns the API (here the stand-in, which echoes what reaches it), the page under the
 * site's Content-Security-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rapport.mongodb.embedded.in-memory=true")
@AutoConfigureWebTestClient(timeout = "PT30S")
class ApiDocumentsTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", KEYCLOAK::issuer);
		registry.add("ORDER_TRACKING_SERVICE_HTTP", KEYCLOAK::baseUrl);
	}

	@AfterAll
	static void stopKeycloak() {
		KEYCLOAK.stop();
	}

	@Test
	void theJsonDocumentIsFetchedFromTheServiceWithoutAToken() {
		web.get().uri("/api/orders/v1/openapi.json").exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody(String.class).isEqualTo("GET /api/orders/v1/openapi null");
	}

	@Test
	void theYamlDocumentIsFetchedFromTheServiceWithoutAToken() {
		web.get().uri("/api/orders/v1/openapi.yaml").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("GET /api/orders/v1/openapi.yaml null");
	}

	@Test
	void onlyReadingIsPublic() {
		web.post().uri("/api/orders/v1/openapi.json").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void theRestOfAnApiStillNeedsAToken() {
		web.get().uri("/api/orders/v1/openapi.json/../orders").exchange()
			.expectStatus().value(status -> assertThat(status).isIn(400, 401));
		web.get().uri("/api/orders/v1/orders").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void theReferencePageIsServedUnderTheSitesContentSecurityPolicy() {
		web.get().uri("/api/docs").exchange()
			.expectStatus().isPermanentRedirect()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/docs/");
		String page = web.get().uri("/api/docs/").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().valueEquals("Content-Security-Policy",
					SecurityConfiguration.contentSecurityPolicy(KEYCLOAK.issuer()))
			.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("<script src=\"reference.js\"></script>").doesNotContain("<script>")
			.doesNotContain("style=");
	}

	@Test
	void theReferencePageLoadsSwaggerUiAndItsStarterFromTheGateway() {
		web.get().uri("/api/docs/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
		web.get().uri("/api/docs/swagger-ui/swagger-ui-standalone-preset.js").exchange().expectStatus().isOk();
		web.get().uri("/api/docs/swagger-ui/swagger-ui.css").exchange().expectStatus().isOk();
		web.get().uri("/api/docs/reference.js").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(script -> assertThat(script).contains("/api/orders/v1/openapi.json"));
	}
}
