package com.rapport.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP as the harness speaks it: HTTP/1.1 only (the JDK client's HTTP/2 upgrade breaks against the gateway),
 * bounded time-outs, and a polite retry when the platform answers {@code 429} or {@code 503} with a
 * {@code Retry-After}, counted so that the report can say how often it waited.
 */
public final class Http {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final int RETRY_AFTER_ATTEMPTS = 20;

	private final HttpClient client;

	private final AtomicLong throttled = new AtomicLong();

	private final AtomicLong throttledMillis = new AtomicLong();

	private Http(HttpClient client) {
		this.client = client;
	}

	/** No cookies, no redirects followed: a partner system. */
	public static Http plain() {
		return new Http(builder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	/** With a cookie jar, like a browser; {@code follow} says whether redirects are followed. */
	static Http withCookies(CookieHandler cookies, boolean follow) {
		return new Http(builder().cookieHandler(cookies)
			.followRedirects(follow ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER).build());
	}

	private static HttpClient.Builder builder() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT);
	}

	public static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Sends once; the answer whatever its status. */
	public HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Sends, and while the answer is {@code 429} (over the request budget) or {@code 503} with a
	 * {@code Retry-After} (a service restarting, a circuit open), waits as told and sends again, up to 20 times.
	 */
	public HttpResponse<String> sendPolitely(HttpRequest request) {
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response = send(request);
			boolean told = response.statusCode() == 429
					|| (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent());
			if (!told || attempt >= RETRY_AFTER_ATTEMPTS) {
				return response;
			}
			long millis = retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null));
			throttled.incrementAndGet();
			throttledMillis.addAndGet(millis);
			sleep(millis);
		}
	}

	/** How many answers told the harness to wait, and for how long in all. */
	public long throttled() {
		return throttled.get();
	}

	public long throttledMillis() {
		return throttledMillis.get();
	}

	/** {@code Retry-After} in seconds or as an HTTP date; one second when absent or unreadable. */
	static long retryAfterMillis(String header) {
		if (header == null || header.isBlank()) {
			return 1000;
		}
		try {
			return Math.max(0, Long.parseLong(header.strip())) * 1000;
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
			}
			catch (RuntimeException notADate) {
				return 1000;
			}
		}
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}
}
