package com.rapport.support.test;

import com.rapport.support.security.KeycloakJwtAuthenticationConverter;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** MockMvc requests carrying the same JWTs as {@link TestTokens}, converted as the services convert them. */
public final class TestJwtRequests {

	private TestJwtRequests() {
	}

	public static JwtRequestPostProcessor as(String testToken) {
		var jwt = TestTokens.decoder().decode(testToken);
		return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt)
			.authorities(new KeycloakJwtAuthenticationConverter().convert(jwt).getAuthorities());
	}
}
