package com.rapport.gateway.security;

import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Reads Keycloak's discovery document on first use rather than at start-up, so the gateway starts (and
 * keeps serving partner traffic and health probes) while Keycloak is still starting or briefly away. A
 * failed look-up is retried on the next login; a successful one is kept.
 */
final class LazyClientRegistrationRepository implements ReactiveClientRegistrationRepository {

	private final Supplier<Map<String, ClientRegistration>> loader;

	private volatile Map<String, ClientRegistration> registrations;

	LazyClientRegistrationRepository(Supplier<Map<String, ClientRegistration>> loader) {
		this.loader = loader;
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		Map<String, ClientRegistration> loaded = registrations;
		if (loaded != null) {
			return Mono.justOrEmpty(loaded.get(registrationId));
		}
		return Mono.fromCallable(this::load).subscribeOn(Schedulers.boundedElastic())
			.flatMap(all -> Mono.justOrEmpty(all.get(registrationId)));
	}

	private synchronized Map<String, ClientRegistration> load() {
		if (registrations == null) {
			registrations = Map.copyOf(loader.get());
		}
		return registrations;
	}
}
