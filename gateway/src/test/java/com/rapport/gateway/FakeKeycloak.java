package com.rapport.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A local stand-in for Keycloak's discovery document and signing keys, so the gateway's tests run without
 * Keycloak (the system tests use the real one). It also stands in for order-tracking-service's REST API
 * under {@code /api/orders/}, answering what arrived.
 */
public final class FakeKeycloak {

	private final RSAKey signingKey;

	private final HttpServer server;

	private FakeKeycloak(RSAKey signingKey, HttpServer server) {
		this.signingKey = signingKey;
		this.server = server;
	}

	/** How long {@code /survey/busy} takes to answer. */
	public static final long BUSY_PAGE_MILLIS = 300;

	public static FakeKeycloak start() {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			String issuer = "http://localhost:" + server.getAddress().getPort() + "/realms/rapport";
			String oidc = issuer + "/protocol/openid-connect";
			server.createContext("/realms/rapport/.well-known/openid-configuration", exchange -> answer(exchange,
					"application/json", """
							{"issuer":"%1$s","authorization_endpoint":"%2$s/auth","token_endpoint":"%2$s/token",
							 "userinfo_endpoint":"%2$s/userinfo","jwks_uri":"%2$s/certs",
							 "end_session_endpoint":"%2$s/logout","response_types_supported":["code"],
							 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
							 "grant_types_supported":["authorization_code","refresh_token","client_credentials"],
							 "code_challenge_methods_supported":["S256"],"scopes_supported":["openid","profile","email"]}
							""".formatted(issuer, oidc)));
			server.createContext("/realms/rapport/protocol/openid-connect/certs",
					exchange -> answer(exchange, "application/json", new JWKSet(key.toPublicJWK()).toString()));
			server.createContext("/api/orders/", exchange -> answer(exchange, "text/plain",
					exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
							+ exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
			// ticket-service, telling the trace context the gateway passed on.
			server.createContext("/api/tickets/", exchange -> answer(exchange, "text/plain",
					"traceparent " + exchange.getRequestHeaders().getFirst("traceparent")));
			// Also portal-web's survey pages, which need no login.
			server.createContext("/survey/", exchange -> answer(exchange, "text/plain",
					exchange.getRequestMethod() + " " + exchange.getRequestURI()
							+ (exchange.getRequestURI().getPath().endsWith("/cookies")
									? "\n" + exchange.getRequestHeaders().getFirst("Cookie") : "")));
			// And the knowledge base's public pages.
			server.createContext("/kb", exchange -> answer(exchange, "text/html",
					exchange.getRequestMethod() + " " + exchange.getRequestURI()));
			// A form that sends files: what arrived, as it arrived.
			server.createContext("/survey/upload", exchange -> answer(exchange, "text/plain",
					exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
							+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			// A page that takes a while, as portal-web's pages do on a busy machine.
			server.createContext("/survey/busy", exchange -> {
				try {
					Thread.sleep(BUSY_PAGE_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				answer(exchange, "text/plain", "busy page");
			});
			// Many requests at once, as the real services take them.
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.start();
			return new FakeKeycloak(key, server);
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://localhost:" + server.getAddress().getPort();
	}

	public String issuer() {
		return baseUrl() + "/realms/rapport";
	}

	/** A signed client-credentials token of a partner client, for the given audience. */
	public String token(String audience, String clientId) {
		return token(audience, clientId, Instant.now().plusSeconds(300));
	}

	/** The same, expiring at the given time (in the past for an expired token). */
	public String token(String audience, String clientId, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of(audience))
			.subject("service-account-" + clientId).claim("azp", clientId).claim("scope", "orders.read")
			.issueTime(Date.from(expiresAt.minusSeconds(300))).expirationTime(Date.from(expiresAt)).build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	public void stop() {
		server.stop(0);
	}

	private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, contentType);
		exchange.sendResponseHeaders(HttpStatus.OK.value(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
