package com.rapport.gateway.error;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.rapport.gateway.FakeKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every door of the gateway says no in one shape: a problem document with a code on /api/**, a page in the
 * reader's language elsewhere, never an empty body or Boot's JSON. The malformed requests that never reach
 * Spring (over-long lines and headers, a stray %) are sent byte for byte over a socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rapport.mongodb.embedded.in-memory=true", "rapport.limits.max-request-body=1MB" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayErrorAnswersTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	@Autowired
	WebTestClient web;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", KEYCLOAK::issuer);
		registry.add("ORDER_TRACKING_SERVICE_HTTP", KEYCLOAK::baseUrl);
	}

	@AfterAll
	static void stopKeycloak() {
		KEYCLOAK.stop();
	}

	private String token() {
		return KEYCLOAK.token("rapport-api", "partner-test");
	}

	@Test
	void anApiAddressNoServiceServesIs404Problem() {
		web.get().uri("/api/nothing/v1/here").headers(h -> h.setBearerAuth(token())).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.code").isEqualTo("not-found").jsonPath("$.status").isEqualTo(404);
	}

	@Test
	void aCharsetNobodyKnowsIs415ProblemNotA500() throws IOException {
		assertThat(raw("POST /api/orders/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
				+ "\r\nContent-Type: application/json;charset=utf-99\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"))
			.startsWith("HTTP/1.1 415").contains("application/problem+json")
			.contains("\"code\":\"unsupported-media-type\"");
	}

	@Test
	void aWildcardContentTypeIs415Problem() throws IOException {
		for (String wildcard : new String[] { "*/*", "application/*" }) {
			assertThat(raw("POST /api/orders/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
					+ "\r\nContent-Type: " + wildcard + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"))
				.startsWith("HTTP/1.1 415").contains("\"code\":\"unsupported-media-type\"");
		}
	}

	@Test
	void withoutATokenTheAnswerIs401WhateverIsWrongWithTheContent() throws IOException {
		assertThat(raw("POST /api/orders/v1/orders HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{"))
			.startsWith("HTTP/1.1 401").contains("\"code\":\"unauthenticated\"");
	}

	@Test
	void encodedSlashesDotsAndControlCharactersInTheAddressAre400Problems() {
		for (String address : new String[] { "/api/orders/v1/orders/a%2Fb", "/api/orders/v1/orders/%2e%2e",
				"/api/orders/v1/orders?customerId=a%00b", "/api/orders/v1/orders/%ff",
				"/api/orders/v1/orders?q=%ed%a0%80", "/api/orders/v1/orders/a%0Ab" }) {
			web.get().uri(URI.create("http://localhost:" + port + address)).headers(h -> h.setBearerAuth(token())).exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.code").isEqualTo("malformed");
		}
	}

	@Test
	void aBrowserGetsAPageInItsLanguageNotAProblemDocument() {
		String page = web.get().uri(URI.create("http://localhost:" + port + "/console/organisations/a%2Fb?q=a%00b"))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.5").exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("lang=\"zh-CN\"").contains("无法处理此请求");
	}

	@Test
	void aPartnerGetsTheProblemInChineseWhenItAsksForItAndInEnglishOtherwise() throws IOException {
		web.get().uri(URI.create("http://localhost:" + port + "/api/orders/v1/orders/a%2Fb"))
			.headers(h -> h.setBearerAuth(token())).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.title").isEqualTo("请求格式错误")
			.jsonPath("$.detail").isEqualTo("请求格式错误（地址、请求头或正文），未做任何更改。")
			.jsonPath("$.code").isEqualTo("malformed")
			.jsonPath("$.reason").isEqualTo("gateway.detail.malformed");
		web.get().uri(URI.create("http://localhost:" + port + "/api/orders/v1/orders/a%2Fb"))
			.headers(h -> h.setBearerAuth(token())).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.title").isEqualTo("Malformed request")
			.jsonPath("$.detail").isEqualTo("The request is malformed (its address, headers or body); nothing was changed.");
		// Refused before its headers are read: English, with the same codes.
		String unread = raw("GET /api/orders/v1/orders?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Accept-Language: zh-CN\r\nConnection: close\r\n\r\n");
		assertThat(unread).startsWith("HTTP/1.1 414").contains("\"title\":\"Address too long\"")
			.contains("\"reason\":\"gateway.detail.uri-too-long\"");
	}

	@Test
	void aBodyAnnouncedOverTheLimitIs413BeforeItIsRead() throws IOException {
		String answer = raw("POST /api/orders/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
				+ "\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\nConnection: close\r\n\r\n{\"a\":");
		assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"code\":\"too-large\"");
	}

	@Test
	void anOverLongAddressIs414Problem() throws IOException {
		String answer = raw("GET /api/orders/v1/orders?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 414").contains("application/problem+json")
			.contains("\"code\":\"uri-too-long\"");
	}

	@Test
	void overLongHeadersAre431Problem() throws IOException {
		String answer = raw("GET /api/orders/v1/orders HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(40_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 431").contains("application/problem+json")
			.contains("\"code\":\"headers-too-large\"");
	}

	@Test
	void anAddressThatIsNotAUriIs400ProblemOnTheApiAndAPageElsewhere() throws IOException {
		assertThat(raw("GET /api/orders/v1/orders/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"code\":\"malformed\"");
		assertThat(raw("GET /console?q=100% HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 400").contains("text/html").contains("lang=\"en\"");
	}

	@Test
	void aMethodNothingBehindTheGatewayTakesIs405Problem() throws IOException {
		assertThat(raw("TRACE /api/orders/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
				+ "\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 405").contains("\"code\":\"method-not-allowed\"");
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndHttpOnly() {
		ResponseCookie session = web.get().uri("/oauth2/authorization/keycloak").exchange()
			.expectStatus().isFound()
			.returnResult(Void.class).getResponseCookies().getFirst("SESSION");
		assertThat(session).isNotNull();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(session.isHttpOnly()).isTrue();
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (IOException ex) {
				// the gateway may answer and close before reading everything: read its answer
			}
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}
}
