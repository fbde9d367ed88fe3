package com.rapport.benchmarks.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

/**
 * What a call through a typed client (partner-client's generated APIs) answered, in the shape {@link Load} checks:
 * the status code, and the body when the client hands it back (an error's problem document).
 *
 * @param statusCode the HTTP status
 * @param body the problem document of an error answer, else empty (the client has read the body into its model)
 * @param uri what was called
 */
public record ClientAnswer(int statusCode, String body, URI uri) implements HttpResponse<String> {

	@Override
	public HttpRequest request() {
		return HttpRequest.newBuilder(uri).build();
	}

	@Override
	public Optional<HttpResponse<String>> previousResponse() {
		return Optional.empty();
	}

	@Override
	public HttpHeaders headers() {
		return HttpHeaders.of(Map.of(), (name, value) -> true);
	}

	@Override
	public Optional<SSLSession> sslSession() {
		return Optional.empty();
	}

	@Override
	public HttpClient.Version version() {
		return HttpClient.Version.HTTP_1_1;
	}
}
