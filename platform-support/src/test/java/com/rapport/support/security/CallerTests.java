package com.rapport.support.security;

import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	private final KeycloakJwtAuthenticationConverter converter = new KeycloakJwtAuthenticationConverter();

	private Caller caller(String token) {
		return Caller.from(converter.convert(TestTokens.decoder().decode(token)));
	}

	@Test
	void customerReachesOnlyItsOwnOrganisation() {
		Caller acme = caller(TestTokens.customer("acme-retail"));
		assertThat(acme.isCustomer()).isTrue();
		assertThat(acme.canSeeCustomer("acme-retail")).isTrue();
		assertThat(acme.canSeeCustomer("globex-trading")).isFalse();
		assertThat(acme.seesAllCustomers()).isFalse();
	}

	@Test
	void customerTokenWithoutCustomerIdReachesNothing() {
		Caller stray = Caller.from(converter.convert(org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t")
			.header("alg", "none").claim("sub", "x")
			.claim("realm_access", java.util.Map.of("roles", java.util.List.of("customer"))).build()));
		assertThat(stray.customerId()).isEmpty();
		assertThat(stray.canSeeCustomer("acme-retail")).isFalse();
		assertThat(stray.canSeeCustomer("")).isFalse();
	}

	@Test
	void staffAndServicesSeeEveryOrganisation() {
		assertThat(caller(TestTokens.staff("agent")).canSeeCustomer("globex-trading")).isTrue();
		assertThat(caller(TestTokens.staff("manager")).seesAllCustomers()).isTrue();
		assertThat(caller(TestTokens.service()).seesAllCustomers()).isTrue();
	}

	@Test
	void partnerScopesAndClientNameComeFromTheToken() {
		Caller partner = caller(TestTokens.partner("orders.read orders.write"));
		assertThat(partner.scopes()).containsExactlyInAnyOrder("orders.read", "orders.write");
		assertThat(partner.name()).isEqualTo("partner-test");
		assertThat(partner.seesAllCustomers()).isFalse();
		assertThat(partner.canSeeCustomer("acme-retail")).isFalse();
	}

	@Test
	void theClientIsTheOneTheTokenWasIssuedTo() {
		assertThat(caller(TestTokens.partner("orders.write")).client()).isEqualTo("partner-test");
		assertThat(caller(TestTokens.staff("admin")).client()).isEqualTo(TestTokens.PEOPLES_CLIENT);
		assertThat(caller(TestTokens.service()).client()).isEqualTo("test-service");
	}

	@Test
	void peopleAreNamedByTheirUserName() {
		assertThat(caller(TestTokens.staff("agent")).name()).isEqualTo("staff-agent");
	}
}
