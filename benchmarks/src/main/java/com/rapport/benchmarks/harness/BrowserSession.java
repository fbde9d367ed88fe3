package com.rapport.benchmarks.harness;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person signed in at the gateway the way a browser does it, by plain HTTP: the page redirects to Keycloak's
 * login form (authorization code with PKCE, which the gateway drives), the form is posted with the user name and
 * password, the redirects lead back to the gateway, and its session cookie is kept. Pages are then fetched with
 * that cookie and without following redirects, so that a lost session shows as a {@code 302}, not as a login page
 * answered {@code 200}. A {@code 503} right after signing in is asked again as its {@code Retry-After} says (a few
 * times): the session is made, only the page was late.
 */
public final class BrowserSession {

	/** How often the page after signing in is asked again while it answers 503. */
	static final int UNAVAILABLE_RETRIES = 5;

	private final URI gateway;

	private final Http pages;

	private BrowserSession(URI gateway, Http pages) {
		this.gateway = gateway;
		this.pages = pages;
	}

	/** Signs {@code username} in by opening {@code path} (such as {@code /console}) on the gateway. */
	public static BrowserSession login(URI gateway, String path, String username, String password) {
		BrowserCookies cookies = new BrowserCookies();
		Http browser = Http.withCookies(cookies, true);
		HttpResponse<String> loginPage = browser.send(page(gateway.resolve(path)).GET().build());
		Element form = loginForm(loginPage);
		if (form == null) {
			throw new IllegalStateException("GET " + path + " did not lead to Keycloak's login form but to "
					+ loginPage.uri() + " (" + loginPage.statusCode() + ")");
		}
		String body = "username=" + Http.encode(username) + "&password=" + Http.encode(password)
				+ "&credentialId=";
		HttpResponse<String> landed = browser.send(page(URI.create(form.absUrl("action")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		// Signed in, but the page behind it was unavailable for a moment (a platform just started, its first gRPC
		// calls still slow): the session is there, ask for the page again as told.
		for (int attempt = 1; landed.statusCode() == 503 && attempt <= UNAVAILABLE_RETRIES; attempt++) {
			Http.sleep(Http.retryAfterMillis(landed.headers().firstValue("Retry-After").orElse(null)));
			landed = browser.send(page(landed.uri()).GET().build());
		}
		if (loginForm(landed) != null || landed.statusCode() != 200
				|| !landed.uri().toString().startsWith(gateway.resolve(path).toString())) {
			Document page = Jsoup.parse(landed.body());
			Element error = page.selectFirst("#input-error, #kc-error-message, .kc-feedback-text, .alert-error");
			throw new IllegalStateException("Signing in as " + username + " failed: ended on " + landed.uri() + " ("
					+ landed.statusCode() + ")" + (error == null ? "" : ": " + error.text()));
		}
		return new BrowserSession(gateway, Http.withCookies(cookies, false));
	}

	/** A page of the gateway with this session, as a browser asks for it. */
	public HttpResponse<String> get(String pathAndQuery) {
		return pages.send(page(gateway.resolve(pathAndQuery)).GET().build());
	}

	private static HttpRequest.Builder page(URI uri) {
		return Http.request(uri).header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "en");
	}

	private static Element loginForm(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return null;
		}
		return Jsoup.parse(response.body(), response.uri().toString()).selectFirst("form#kc-form-login");
	}
}
