package com.rapport.benchmarks.harness;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A browser's cookie jar, where the JDK's differs from one in two ways that Keycloak's login notices: browsers
 * treat {@code http://localhost} as a secure context and send {@code Secure} cookies there (Keycloak marks its
 * login cookies {@code Secure}, as {@code SameSite=None} requires; without them its form answers "Cookie not
 * found", {@code 400}), and they send every cookie as a plain {@code name=value}, whatever {@code Version} it was
 * set with (the JDK would send {@code $Path} attributes along).
 */
final class BrowserCookies extends CookieHandler {

	private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	@Override
	public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
		String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
		List<String> pairs = jar.getCookieStore()
			.get(asBrowserSeesIt(uri))
			.stream()
			.filter(cookie -> !cookie.hasExpired() && pathMatches(path, cookie.getPath()))
			.sorted(Comparator.comparing((HttpCookie cookie) -> cookie.getPath() == null ? 0 : cookie.getPath().length())
				.reversed())
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.toList();
		return pairs.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", pairs)));
	}

	@Override
	public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
		jar.put(uri, responseHeaders);
	}

	/** RFC 6265's path match: the cookie's path is the request's, or a directory above it. */
	static boolean pathMatches(String requestPath, String cookiePath) {
		if (cookiePath == null || cookiePath.isEmpty() || cookiePath.equals("/") || requestPath.equals(cookiePath)) {
			return true;
		}
		return requestPath.startsWith(cookiePath)
				&& (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
	}

	/** A loopback {@code http} address as {@code https}, the scheme under which the jar hands out Secure cookies. */
	static URI asBrowserSeesIt(URI uri) {
		if (!"http".equalsIgnoreCase(uri.getScheme()) || !isLoopback(uri.getHost())) {
			return uri;
		}
		try {
			return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
					uri.getFragment());
		}
		catch (URISyntaxException ex) {
			return uri;
		}
	}

	private static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		try {
			// only literal addresses are checked: a name is never looked up here
			return (host.matches("[0-9.]+") || host.contains(":")) && InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
