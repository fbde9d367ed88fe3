package com.rapport.feedback.invitation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The token of a survey link: the invitation's id and the link's expiry, signed with HMAC-SHA256 under the
 * configured secret, as {@code <payload>.<signature>} in URL-safe Base64. Anyone can read it; nobody without the
 * secret can make or change one. Single use is the invitation's (its first answer is final), not the token's.
 */
@Component
public class SurveyTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	private final Clock clock;

	public SurveyTokens(InvitationProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.tokenSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.clock = clock;
	}

	/** What a token says, once checked. */
	public sealed interface Reading {
	}

	/** Signed by us and not expired: about invitation {@code invitationId}. */
	public record Valid(String invitationId) implements Reading {
	}

	/** Signed by us, about {@code invitationId}, but too old to answer. */
	public record Expired(String invitationId) implements Reading {
	}

	/** Not a token we made (changed, cut, made up). */
	public record Forged() implements Reading {
	}

	public String issue(String invitationId, Instant expiresAt) {
		String payload = ENCODER.encodeToString((invitationId + "." + expiresAt.getEpochSecond())
			.getBytes(StandardCharsets.UTF_8));
		return payload + "." + ENCODER.encodeToString(sign(payload));
	}

	public Reading read(String token) {
		if (token == null || token.length() > 512) {
			return new Forged();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return new Forged();
		}
		String payload = token.substring(0, dot);
		byte[] signature;
		String text;
		try {
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return new Forged();
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			return new Forged();
		}
		int split = text.lastIndexOf('.');
		if (split <= 0) {
			return new Forged();
		}
		String invitationId = text.substring(0, split);
		long expires;
		try {
			expires = Long.parseLong(text.substring(split + 1));
		}
		catch (NumberFormatException ex) {
			return new Forged();
		}
		return clock.instant().getEpochSecond() >= expires ? new Expired(invitationId) : new Valid(invitationId);
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}
}
