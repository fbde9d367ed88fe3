package com.rapport.support.test;

import com.rapport.support.security.KeycloakJwtAuthenticationConverter;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc requests authenticated exactly as the services authenticate a Keycloak token: the
 * {@link TestTokens} claims, converted by the real converter (roles, scopes, principal name).
 */
public final class TestJwtRequests {

	private TestJwtRequests() {
	}

	public static RequestPostProcessor as(String testToken) {
		return SecurityMockMvcRequestPostProcessors
			.authentication(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(testToken)));
	}
}
