package com.rapport.support.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Tokens shaped like Keycloak's, for tests of one service in isolation (the system tests use real
 * Keycloak tokens). The token value names the caller: {@code customer:acme-retail},
 * {@code staff:agent}, {@code service}, {@code partner:orders.read orders.write}. People's tokens are
 * issued to the gateway's client ({@value #PEOPLES_CLIENT}), as Keycloak issues them after a browser login.
 */
public final class TestTokens {

	/** The {@code azp} of people's tokens: the client they signed in through. */
	public static final String PEOPLES_CLIENT = "rapport-gateway";

	private TestTokens() {
	}

	public static String customer(String customerId) {
		return "customer:" + customerId;
	}

	public static String staff(String role) {
		return "staff:" + role;
	}

	public static String service() {
		return "service";
	}

	public static String partner(String scopes) {
		return "partner:" + scopes;
	}

	/** Decodes the token values above; anything else is rejected like a forged token. */
	public static JwtDecoder decoder() {
		return token -> {
			Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").issuedAt(Instant.now())
				.expiresAt(Instant.now().plusSeconds(300)).claim("aud", List.of("rapport-api"));
			if (token.startsWith("customer:")) {
				return jwt.subject("contact").claim("preferred_username", "contact-of-" + token.substring(9))
					.claim("azp", PEOPLES_CLIENT).claim("customer_id", token.substring(9))
					.claim("realm_access", roles("customer")).claim("scope", "openid profile").build();
			}
			if (token.startsWith("staff:")) {
				return jwt.subject("staff").claim("preferred_username", "staff-" + token.substring(6))
					.claim("azp", PEOPLES_CLIENT).claim("realm_access", roles(token.substring(6)))
					.claim("scope", "openid profile").build();
			}
			if (token.equals("service")) {
				return jwt.subject("svc").claim("preferred_username", "service-account-test-service")
					.claim("azp", "test-service").claim("realm_access", roles("internal")).build();
			}
			if (token.startsWith("partner:")) {
				return jwt.subject("partner").claim("preferred_username", "service-account-partner-test")
					.claim("azp", "partner-test").claim("realm_access", roles()).claim("scope", token.substring(8))
					.build();
			}
			throw new BadJwtException("Unknown test token");
		};
	}

	/** Replaces the Keycloak-backed decoder in a service test: {@code @Import(TestTokens.DecoderConfiguration.class)}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class DecoderConfiguration {

		@Bean
		@Primary
		JwtDecoder testJwtDecoder() {
			return decoder();
		}
	}

	private static Map<String, Object> roles(String... roles) {
		return Map.of("roles", new ArrayList<>(List.of(roles)));
	}
}
