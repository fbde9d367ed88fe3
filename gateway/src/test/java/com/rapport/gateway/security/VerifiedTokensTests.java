package com.rapport.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A partner's token is verified once until it expires; a refused one is refused every time. */
class VerifiedTokensTests {

	private Instant now = Instant.parse("2026-12-06T10:00:00Z");

	private final List<String> verifications = new ArrayList<>();

	private final ReactiveJwtDecoder decoder = token -> Mono.defer(() -> {
		verifications.add(token);
		Instant expiresAt = Instant.parse("2026-12-06T10:05:00Z");
		if (token.startsWith("forged") || !now.isBefore(expiresAt)) {
			return Mono.error(new BadJwtException("refused"));
		}
		return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token).expiresAt(expiresAt).build());
	});

	private final VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.fixed(now, ZoneOffset.UTC),
			() -> (now.toEpochMilli() - Instant.parse("2026-12-06T10:00:00Z").toEpochMilli()) * 1_000_000);

	@Test
	void aTokenIsVerifiedOnceUntilItExpires() {
		assertThat(tokens.decode("partner-token").block().getSubject()).isEqualTo("partner-token");
		assertThat(tokens.decode("partner-token").block().getSubject()).isEqualTo("partner-token");
		assertThat(verifications).containsExactly("partner-token");

		now = now.plusSeconds(300);
		assertThatThrownBy(() -> tokens.decode("partner-token").block()).isInstanceOf(BadJwtException.class);
		assertThat(verifications).containsExactly("partner-token", "partner-token");
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		assertThatThrownBy(() -> tokens.decode("forged-token").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged-token").block()).isInstanceOf(BadJwtException.class);
		assertThat(verifications).containsExactly("forged-token", "forged-token");
	}
}
