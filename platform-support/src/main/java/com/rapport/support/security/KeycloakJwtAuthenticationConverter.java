package com.rapport.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak puts realm roles in {@code realm_access.roles} and granted scopes in {@code scope}: they become
 * {@code ROLE_<role>} and {@code SCOPE_<scope>} authorities. The principal name is the user name where
 * there is one (people), else the client id (partners, services).
 */
public final class KeycloakJwtAuthenticationConverter implements Converter<Jwt, JwtAuthenticationToken> {

	@Override
	public JwtAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt), principalName(jwt));
	}

	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles) {
			roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		String scope = jwt.getClaimAsString("scope");
		if (scope != null) {
			for (String s : scope.split(" ")) {
				if (!s.isBlank()) {
					authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
				}
			}
		}
		return authorities;
	}

	static String principalName(Jwt jwt) {
		String username = jwt.getClaimAsString("preferred_username");
		if (username != null && !username.startsWith("service-account-")) {
			return username;
		}
		String clientId = jwt.getClaimAsString("azp");
		return clientId != null ? clientId : jwt.getSubject();
	}
}
