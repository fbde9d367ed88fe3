package com.rapport.support.audit;

import java.util.List;
import java.util.Map;

import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Who, from which client and from where: taken from the current REST request. */
class AuditEventTests {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	private static void signedIn(String token) {
		SecurityContextHolder.getContext()
			.setAuthentication(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	private static void servingRequestFrom(String remoteAddress, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remoteAddress);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@Test
	void aPartnersChangeNamesThePartnerItsClientAndTheAddressTheGatewaySaw() {
		signedIn(TestTokens.partner("customers.write"));
		servingRequestFrom("10.0.0.5", "192.0.2.66, 198.51.100.7");

		AuditEvent event = AuditEvent.ofCurrentCall("organisation.updated", "organisation", "acme-retail",
				"acme-retail", Map.of("fields", "industry"));

		assertThat(event.actor()).isEqualTo("partner-test");
		assertThat(event.client()).isEqualTo("partner-test");
		assertThat(event.actorRoles()).isEmpty();
		// The right-most value is the gateway's; what the client itself sent (192.0.2.66) may be forged.
		assertThat(event.address()).isEqualTo("198.51.100.7");
		assertThat(event.at()).isNull();
	}

	@Test
	void aPersonsRolesAreKeptSortedAndTheClientIsTheOneTheyLoggedInThrough() {
		signedIn(TestTokens.staff("manager"));
		servingRequestFrom("10.0.0.5", null);

		AuditEvent event = AuditEvent.ofCurrentCall("tier-override.set", "organisation", "acme-retail", "acme-retail",
				Map.of());

		assertThat(event.actor()).isEqualTo("staff-manager");
		assertThat(event.actorRoles()).containsExactly("manager");
		assertThat(event.client()).isEqualTo(TestTokens.PEOPLES_CLIENT);
		assertThat(event.address()).isEqualTo("10.0.0.5");
	}

	@Test
	void withNobodySignedInTheActorIsSystemAndWithoutARequestTheAddressIsEmpty() {
		AuditEvent event = AuditEvent.ofCurrentCall("config.changed", "setting", "sla", null, null);

		assertThat(event.actor()).isEqualTo(AuditEvent.SYSTEM);
		assertThat(event.client()).isEmpty();
		assertThat(event.address()).isEmpty();
		assertThat(event.organisationId()).isEmpty();
		assertThat(event.details()).isEmpty();
	}

	@Test
	void detailsNeverHoldTokensOrPasswords() {
		for (String key : List.of("password", "access_token", "clientSecret", "Authorization")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> AuditEvent.ofCurrentCall("login.failed", "user", "x", null, Map.of(key, "x")))
				.withMessageContaining(key);
		}
	}

	@Test
	void detailsAreSortedByKey() {
		AuditEvent event = AuditEvent.ofCurrentCall("contact.updated", "contact", "c-1", "acme-retail",
				Map.of("reason", "r", "fields", "email"));
		assertThat(event.details().keySet()).containsExactly("fields", "reason");
	}
}
