package com.rapport.benchmarks.harness;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserCookiesTests {

	@Test
	void loopbackCountsAsASecureContextLikeInABrowser() {
		assertThat(BrowserCookies.asBrowserSeesIt(URI.create("http://localhost:8180/realms/rapport/login?x=1")))
			.hasToString("https://localhost:8180/realms/rapport/login?x=1");
		assertThat(BrowserCookies.asBrowserSeesIt(URI.create("http://127.0.0.1:8080/console")))
			.hasToString("https://127.0.0.1:8080/console");
		assertThat(BrowserCookies.asBrowserSeesIt(URI.create("http://rapport.example/console")))
			.hasToString("http://rapport.example/console");
	}

	@Test
	void keycloaksSecureLoginCookiesGoBackToLocalhostAsPlainPairs() throws Exception {
		BrowserCookies cookies = new BrowserCookies();
		cookies.put(URI.create("http://localhost:8180/realms/rapport/protocol/openid-connect/auth"), Map.of("Set-Cookie",
				List.of("AUTH_SESSION_ID=abc.def;Version=1;Path=/realms/rapport/;Secure;HttpOnly;SameSite=None",
						"KC_RESTART=xyz;Version=1;Path=/realms/rapport/;Secure;HttpOnly;SameSite=None")));
		cookies.put(URI.create("http://localhost:8080/console"), Map.of("Set-Cookie", List.of("SESSION=s1; Path=/")));

		assertThat(cookies.get(URI.create("http://localhost:8180/realms/rapport/login-actions/authenticate"), Map.of())
			.get("Cookie")).singleElement().satisfies(header -> assertThat(header.split("; "))
				.containsExactlyInAnyOrder("AUTH_SESSION_ID=abc.def", "KC_RESTART=xyz", "SESSION=s1"));
		assertThat(cookies.get(URI.create("http://localhost:8080/console"), Map.of()).get("Cookie"))
			.containsExactly("SESSION=s1");
	}

	@Test
	void pathsMatchAsInRfc6265() {
		assertThat(BrowserCookies.pathMatches("/realms/rapport/x", "/realms/rapport/")).isTrue();
		assertThat(BrowserCookies.pathMatches("/realms/rapport", "/realms/rapport")).isTrue();
		assertThat(BrowserCookies.pathMatches("/realms/rapportx", "/realms/rapport")).isFalse();
		assertThat(BrowserCookies.pathMatches("/console", "/realms/rapport/")).isFalse();
	}
}
