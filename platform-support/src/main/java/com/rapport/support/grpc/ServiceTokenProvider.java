package com.rapport.support.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.rapport.support.error.RemoteUnavailableException;

/**
 * Client-credentials tokens for the service itself, cached until shortly before they expire so that a
 * busy service asks Keycloak about once per token lifetime.
 */
public class ServiceTokenProvider {

	private final ServiceTokenProperties properties;

	private final RestClient restClient;

	private final Clock clock;

	private volatile CachedToken cached;

	public ServiceTokenProvider(ServiceTokenProperties properties, RestClient.Builder builder, Clock clock) {
		this.properties = properties;
		this.restClient = builder.build();
		this.clock = clock;
	}

	public String token() {
		CachedToken current = cached;
		if (current != null && clock.instant().isBefore(current.renewAt())) {
			return current.value();
		}
		synchronized (this) {
			current = cached;
			if (current == null || !clock.instant().isBefore(current.renewAt())) {
				cached = current = fetch();
			}
			return current.value();
		}
	}

	private CachedToken fetch() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", properties.clientId());
		form.add("client_secret", properties.clientSecret());
		Map<?, ?> body;
		try {
			body = restClient.post().uri(properties.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form).retrieve().body(Map.class);
		}
		catch (RestClientException ex) {
			throw new RemoteUnavailableException("keycloak", ex);
		}
		if (body == null || !(body.get("access_token") instanceof String token)) {
			throw new RemoteUnavailableException("keycloak", null);
		}
		long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
		Instant renewAt = clock.instant().plusSeconds(expiresIn).minus(properties.refreshSkew());
		return new CachedToken(token, renewAt);
	}

	private record CachedToken(String value, Instant renewAt) {
	}
}
