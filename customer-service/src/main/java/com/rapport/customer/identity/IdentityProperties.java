package com.rapport.customer.identity;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak's admin API is and how invitations and the login-failure feed use it
 * ({@code rapport.identity.*}); anything left out takes the default shown.
 *
 * @param keycloakUrl    Keycloak's base URL ({@code http://localhost:8180})
 * @param realm          the realm the contacts' logins live in ({@code rapport})
 * @param connectTimeout how long a connection to Keycloak may take (2 s)
 * @param readTimeout    how long an answer may take (5 s); Keycloak hands the invitation mail to its SMTP
 *                       server before it answers, so this bounds that too
 * @param customerGroup  the Keycloak group an invited contact joins; it carries the realm role
 *                       {@code customer} ({@code customers})
 */
@ConfigurationProperties("rapport.identity")
public record IdentityProperties(URI keycloakUrl, String realm, Duration connectTimeout, Duration readTimeout,
		String customerGroup, InvitationSettings invitation, LoginFailureSettings loginFailures) {

	public IdentityProperties {
		keycloakUrl = keycloakUrl == null ? URI.create("http://localhost:8180") : keycloakUrl;
		realm = realm == null ? "rapport" : realm;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
		customerGroup = customerGroup == null ? "customers" : customerGroup;
		invitation = invitation == null ? new InvitationSettings(null, null, null) : invitation;
		loginFailures = loginFailures == null ? new LoginFailureSettings(null, null, null, null) : loginFailures;
	}

	/** All defaults. */
	public static IdentityProperties defaults() {
		return new IdentityProperties(null, null, null, null, null, null, null);
	}

	/**
	 * The invitation mail's link: after setting a password the contact is sent to {@code redirectUri}
	 * ({@code http://localhost:8080/portal}), which must be a redirect URI of the client {@code clientId}
	 * ({@code rapport-gateway}) in the realm; the link works for {@code lifespan} (3 days).
	 */
	public record InvitationSettings(String clientId, URI redirectUri, Duration lifespan) {

		public InvitationSettings {
			clientId = clientId == null ? "rapport-gateway" : clientId;
			redirectUri = redirectUri == null ? URI.create("http://localhost:8080/portal") : redirectUri;
			lifespan = lifespan == null ? Duration.ofDays(3) : lifespan;
		}
	}

	/**
	 * The feed of Keycloak's failed logins: at most {@code pageSize} events a request (100), at most
	 * {@code maxPerRun} a run (1,000; the rest follow in the next run); its first run starts
	 * {@code startLookback} ago (1 day); a run holds the lease for at most {@code hold} (5 minutes). How
	 * often it runs is {@code rapport.identity.login-failures.interval} (1 minute), whether at all
	 * {@code rapport.identity.login-failures.enabled}.
	 */
	public record LoginFailureSettings(Integer pageSize, Integer maxPerRun, Duration startLookback, Duration hold) {

		public LoginFailureSettings {
			pageSize = pageSize == null ? 100 : pageSize;
			maxPerRun = maxPerRun == null ? 1000 : maxPerRun;
			startLookback = startLookback == null ? Duration.ofDays(1) : startLookback;
			hold = hold == null ? Duration.ofMinutes(5) : hold;
		}
	}
}
