package com.rapport.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token verified once is not verified again until it expires. Every request of a partner or of a person's session
 * carries the same access token for its whole life (Keycloak's: 5 minutes), and each verification parsed it, built
 * the signing key from the key set and checked an RSA signature — a tenth of a short request's processor time. Kept
 * here is exactly what the decoder answered for the very same token text; an entry never outlives the token's
 * expiry, nor {@link #MAXIMUM_AGE}; a token the decoder refuses is never kept (it is refused again each time).
 */
public final class VerifiedTokens implements JwtDecoder {

	static final Duration MAXIMUM_AGE = Duration.ofMinutes(10);

	static final int MAXIMUM_TOKENS = 10_000;

	private final JwtDecoder decoder;

	private final Cache<String, Jwt> verified;

	public VerifiedTokens(JwtDecoder decoder) {
		this(decoder, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(JwtDecoder decoder, Clock clock, Ticker ticker) {
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
	public Jwt decode(String token) throws JwtException {
		Jwt known = verified.getIfPresent(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = decoder.decode(token);
		verified.put(token, jwt);
		return jwt;
	}
}
