package com.rapport.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller of the current REST request or gRPC call, as the owning service needs it to
 * decide what the caller may see.
 *
 * @param name       user name for people, client id for partners and services
 * @param roles      realm roles without prefix ({@code customer}, {@code agent}, {@code internal}, ...)
 * @param scopes     granted OAuth2 scopes ({@code orders.write}, ...)
 * @param customerId the organisation a customer contact belongs to, empty for everyone else
 * @param client     the OAuth client the token was issued to (claim {@code azp}): the gateway's for people,
 *                   the partner's or service's own otherwise; empty if the token names none
 * @param token      the raw access token, to act for this caller towards another service
 */
public record Caller(String name, Set<String> roles, Set<String> scopes, Optional<String> customerId, String client,
		String token) {

	public static final String CUSTOMER = "customer";
	public static final String AGENT = "agent";
	public static final String MANAGER = "manager";
	public static final String ADMIN = "admin";
	public static final String INTERNAL = "internal";

	/** The caller of the current request; fails when there is none, which the security setup prevents. */
	public static Caller current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	/** The caller of the current request, if the current thread serves one with a bearer token. */
	public static Optional<Caller> currentIfAny() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken ? Optional.of(from(authentication)) : Optional.empty();
	}

	public static Caller from(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken jwtAuth)) {
			throw new AuthenticationCredentialsNotFoundException("No bearer token for this call");
		}
		Set<String> authorities = jwtAuth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		String customerId = jwtAuth.getToken().getClaimAsString("customer_id");
		String client = jwtAuth.getToken().getClaimAsString("azp");
		return new Caller(jwtAuth.getName(), strip(authorities, "ROLE_"), strip(authorities, "SCOPE_"),
				Optional.ofNullable(customerId).filter(id -> !id.isBlank()), client == null ? "" : client,
				jwtAuth.getToken().getTokenValue());
	}

	private static Set<String> strip(Set<String> authorities, String prefix) {
		return authorities.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean hasScope(String scope) {
		return scopes.contains(scope);
	}

	/** Supplier staff and trusted services see every organisation; customers only their own. */
	public boolean seesAllCustomers() {
		return hasRole(AGENT) || hasRole(MANAGER) || hasRole(ADMIN) || hasRole(INTERNAL);
	}

	/** A customer contact: may only ever reach data of {@link #customerId()}. */
	public boolean isCustomer() {
		return !seesAllCustomers() && hasRole(CUSTOMER);
	}

	/**
	 * Whether this caller may see data belonging to the given organisation. A customer token without a
	 * {@code customer_id} claim sees nothing.
	 */
	public boolean canSeeCustomer(String organisationId) {
		if (seesAllCustomers()) {
			return true;
		}
		return hasRole(CUSTOMER) && customerId.isPresent() && customerId.get().equals(organisationId);
	}
}
