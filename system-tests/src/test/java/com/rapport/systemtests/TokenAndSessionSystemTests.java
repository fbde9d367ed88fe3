package com.rapport.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** An attacker's view of the front door, with real Keycloak tokens and a real browser session. */
@ExtendWith(RunningPlatform.class)
// It spends partner-readonly's request budget; only the bad-input sweep (which lifts it) and the two-replica test
// (which restarts the gateway with the tests' budget) come after.
@Order(Integer.MAX_VALUE - 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenAndSessionSystemTests {

	@Test
	void aTamperedTokenIsRefused() {
		String token = Partner.demo().token();
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = payload.replace("orders.read", "orders.admin");
		assertThat(forged).isNotEqualTo(payload);
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

		HttpResponse<String> response = Partner.anonymous(HttpRequest
			.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/orders/v1/orders"))
			.header("Authorization", "Bearer " + tampered));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void aTokenFromAnotherRealmIsRefused() {
		// A real, valid Keycloak token, but issued by the master realm for its admin console.
		HttpResponse<String> master = Partner.anonymous(HttpRequest
			.newBuilder(URI.create(RunningPlatform.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
					+ URLEncoder.encode("admin", StandardCharsets.UTF_8))));
		assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
		String token = JsonPath.read(master.body(), "$.access_token");

		HttpResponse<String> response = Partner.anonymous(HttpRequest
			.newBuilder(URI.create(RunningPlatform.GATEWAY + "/api/orders/v1/orders"))
			.header("Authorization", "Bearer " + token));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void servicesRefuseCallsThatBypassTheGatewayWithoutAToken() {
		for (String url : new String[] { "http://localhost:8082/api/customers/v1/organisations",
				"http://localhost:8084/api/orders/v1/orders", "http://localhost:8081/portal" }) {
			HttpResponse<String> response = Partner.anonymous(HttpRequest.newBuilder(URI.create(url)));
			assertThat(response.statusCode()).as(url).isEqualTo(401);
		}
	}

	@Test
	@Order(Integer.MAX_VALUE - 1)
	@DisabledIfSystemProperty(named = "rapport.useRunningPlatform", matches = "true")
	void aRestartOfTheGatewaySignsNobodyOut(RunningPlatform.Started platform) {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			platform.restart("gateway");
			browser.go("/portal");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Your orders");
			assertThat(browser.driver.findElements(By.cssSelector("tr.order-row"))).isNotEmpty();
		}
	}

	@Test
	@Order(Integer.MAX_VALUE) // it exhausts partner-readonly's budget for the rest of the minute
	void aPartnerOverItsBudgetGets429WithRetryAfterAndOtherPartnersAreNotHeldBack() {
		Partner readOnly = Partner.login("partner-readonly", "partner-readonly-secret");
		HttpResponse<String> limited = null;
		// Fixed one-minute windows: a burst may straddle two, so allow up to two and a half budgets.
		for (int i = 0; i < RunningPlatform.PARTNER_BUDGET * 5 / 2 && limited == null; i++) {
			HttpResponse<String> response = readOnly.get("/api/orders/v1/orders?size=1");
			if (response.statusCode() == 429) {
				limited = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
			}
		}
		assertThat(limited).as("a 429 within the budget's reach").isNotNull();
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.body()).contains("\"status\":429");
		assertThat(Partner.demo().get("/api/orders/v1/orders?size=1").statusCode()).isEqualTo(200);
	}

	@Test
	void pagesComeWithAContentSecurityPolicyAndNoFraming() {
		HttpResponse<String> response = Partner.anonymous(HttpRequest.newBuilder(URI.create(RunningPlatform.GATEWAY + "/portal")));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void aStateChangingRequestWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			assertThat(browser.post("/logout")).isEqualTo(403);
			// Still signed in: the forged logout did nothing.
			browser.go("/portal");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Your orders");
		}
	}
}
