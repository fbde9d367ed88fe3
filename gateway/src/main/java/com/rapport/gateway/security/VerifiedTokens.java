package com.rapport.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A partner's token verified once is not verified again until it expires: a partner sends the same access token
 * with every request for its whole life (Keycloak's: 5 minutes), and each verification parsed it, built the signing
 * key and checked an RSA signature on the request's way through. Kept is exactly what the decoder answered for the
 * very same token text; an entry never outlives the token's expiry, nor {@link #MAXIMUM_AGE}; a refused token is
 * never kept. (The services keep their own, platform-support's {@code VerifiedTokens}: the gateway does not share
 * that module.)
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	static final Duration MAXIMUM_AGE = Duration.ofMinutes(10);

	static final int MAXIMUM_TOKENS = 10_000;

	private final ReactiveJwtDecoder decoder;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder decoder) {
		this(decoder, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock, Ticker ticker) {
		this.decoder = decoder;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAXIMUM_TOKENS)
			.ticker(ticker)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, clock.instant())))
			.build();
	}

	private static Duration lifetime(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return MAXIMUM_AGE;
		}
		Duration left = Duration.between(now, expiresAt);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(MAXIMUM_AGE) > 0 ? MAXIMUM_AGE : left);
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		Jwt known = verified.getIfPresent(token);
		if (known != null) {
			return Mono.just(known);
		}
		return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
	}
}
