package com.rapport.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token is verified once and then answered from what was verified, until it expires; a refused token is refused
 * every time; one token never answers for another.
 */
class VerifiedTokensTests {

	private Instant now = Instant.parse("2026-12-06T10:00:00Z");

	private final List<String> verifications = new ArrayList<>();

	/** Verifies like the real decoder would: counts, refuses "forged", and refuses a token past its expiry. */
	private final JwtDecoder decoder = token -> {
		verifications.add(token);
		if (token.startsWith("forged")) {
			throw new BadJwtException("signature does not match");
		}
		Instant expiresAt = Instant.parse("2026-12-06T10:05:00Z");
		if (!now.isBefore(expiresAt)) {
			throw new BadJwtException("expired");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).expiresAt(expiresAt).build();
	};

	private final VerifiedTokens tokens = new VerifiedTokens(decoder, new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}, new Ticker() {
		@Override
		public long read() {
			return now.toEpochMilli() * 1_000_000;
		}
	});

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		Jwt first = tokens.decode("partner-token");
		Jwt again = tokens.decode("partner-token");
		now = now.plus(Duration.ofMinutes(4));
		Jwt later = tokens.decode("partner-token");

		assertThat(verifications).containsExactly("partner-token");
		assertThat(again).isSameAs(first);
		assertThat(later.getSubject()).isEqualTo("partner-token");
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndRefused() {
		tokens.decode("partner-token");
		now = now.plus(Duration.ofMinutes(5));

		assertThatThrownBy(() -> tokens.decode("partner-token")).isInstanceOf(BadJwtException.class)
			.hasMessageContaining("expired");
		assertThat(verifications).containsExactly("partner-token", "partner-token");
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged-token")).isInstanceOf(BadJwtException.class);

		assertThat(verifications).containsExactly("forged-token", "forged-token");
	}

	@Test
	void eachTokenIsVerifiedForItself() {
		assertThat(tokens.decode("token-a").getSubject()).isEqualTo("token-a");
		assertThat(tokens.decode("token-b").getSubject()).isEqualTo("token-b");

		assertThat(verifications).containsExactly("token-a", "token-b");
	}
}
