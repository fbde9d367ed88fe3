package com.rapport.portal.web;

import com.rapport.support.security.Caller;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in person as the page header shows them. {@code username} is the name services know them by (a
 * ticket's assignee, say); {@code admin} may act on personal data and read the audit trail; {@code manager}
 * (managers and admins) may override tiers.
 */
public record Viewer(String displayName, String username, boolean staff, boolean customer, boolean admin,
		boolean manager) {

	static Viewer of(JwtAuthenticationToken authentication) {
		Caller caller = Caller.from(authentication);
		String name = authentication.getToken().getClaimAsString("name");
		return new Viewer(name != null && !name.isBlank() ? name : caller.name(), caller.name(), caller.seesAllCustomers(),
				caller.isCustomer(), caller.hasRole(Caller.ADMIN),
				caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN));
	}
}
