package com.rapport.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Keycloak tokens that are genuine but must not get in: one that has expired, and one issued by the
 * right realm for another audience. The clients that issue them are made for the test and removed after it.
 */
@ExtendWith(RunningPlatform.class)
class TokenLifetimeSystemTests {

	/** What a gateway started otherwise (-Drapport.useRunningPlatform=true) allows for clocks that disagree. */
	private static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

	private static RealmAdmin admin;

	private static String shortLived;

	private static String noAudience;

	@BeforeAll
	static void clients() {
		admin = RealmAdmin.login();
		// Three seconds: time enough for the request made while it is valid, and soon expired.
		shortLived = admin.createServiceClient("st-short-lived", "{\"access.token.lifespan\": \"3\"}", "rapport-api",
				"orders.read");
		noAudience = admin.createServiceClient("st-no-audience", "{}", "orders.read");
	}

	@AfterAll
	static void removeClients() {
		if (admin != null) {
			admin.deleteClient(shortLived);
			admin.deleteClient(noAudience);
		}
	}

	@Test
	void aTokenOfTheRightRealmForAnotherAudienceIsRefused() {
		Partner partner = Partner.login(noAudience, noAudience);
		assertThat((String) claim(partner.token(), "$.scope")).contains("orders.read");
		assertThat(partner.token()).doesNotContain("rapport-api");

		var response = partner.get("/api/orders/v1/orders");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void aTokenIsRefusedOnceItHasExpired() throws InterruptedException {
		Partner partner = Partner.login(shortLived, shortLived);
		Instant expiresAt = Instant.ofEpochSecond(((Number) claim(partner.token(), "$.exp")).longValue());
		assertThat(partner.get("/api/orders/v1/orders").statusCode()).as("while valid").isEqualTo(200);

		// Refused once its expiry is further back than the gateway's allowance for clocks that disagree: the platform
		// of the tests allows RunningPlatform.TOKEN_CLOCK_SKEW; one started otherwise, the default (then asked again
		// each second until then).
		Duration wait = Duration.between(Instant.now(), expiresAt.plus(RunningPlatform.TOKEN_CLOCK_SKEW).plusSeconds(2));
		Thread.sleep(Math.max(0, wait.toMillis()));
		var response = partner.get("/api/orders/v1/orders");
		Instant latest = expiresAt.plus(DEFAULT_CLOCK_SKEW).plusSeconds(2);
		while (response.statusCode() == 200 && Instant.now().isBefore(latest)) {
			Thread.sleep(1_000);
			response = partner.get("/api/orders/v1/orders");
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				header -> assertThat(header).startsWith("Bearer error=\"invalid_token\"").contains("expired"));
		assertThat(response.body()).contains("The access token has expired");
	}

	private static Object claim(String token, String path) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return JsonPath.read(payload, path);
	}
}
