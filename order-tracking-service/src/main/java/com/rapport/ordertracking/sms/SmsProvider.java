package com.rapport.ordertracking.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Hands an SMS to the configured HTTP provider: {@code POST} of {@code {"id", "to", "from", "text"}} as JSON, HTTP
 * Basic when a user name is set, redirects not followed. {@code 2xx}: accepted. {@code 400}, {@code 404},
 * {@code 422} (a number or text the provider will never take): {@link IllegalArgumentException}, so the message is
 * {@code FAILED}; anything else, no connection or no answer in time: {@link ProviderUnavailable}, tried again.
 */
@Component
class SmsProvider {

	private final SmsProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	SmsProvider(SmsProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A try that may succeed later: the provider down, slow or busy. */
	static class ProviderUnavailable extends RuntimeException {

		ProviderUnavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}

	void send(SmsMessage message) {
		if (!properties.available()) {
			throw new ProviderUnavailable("No SMS provider configured (rapport.sms.url)", null);
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("id", message.id());
		body.put("to", message.phone());
		body.put("from", properties.from());
		body.put("text", message.text());
		HttpRequest.Builder request = HttpRequest.newBuilder(properties.uri()).timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		if (properties.username() != null && !properties.username().isBlank()) {
			String credentials = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> answer;
		try {
			answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new ProviderUnavailable("SMS provider unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailable("Interrupted", ex);
		}
		int status = answer.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		String said = answer.body() == null ? "" : answer.body().substring(0, Math.min(answer.body().length(), 200));
		if (status == 400 || status == 404 || status == 422) {
			throw new IllegalArgumentException("SMS provider refused it (" + status + "): " + said);
		}
		throw new ProviderUnavailable("SMS provider answered " + status + ": " + said, null);
	}
}
