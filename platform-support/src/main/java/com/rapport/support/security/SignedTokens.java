package com.rapport.support.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A text signed with HMAC-SHA256 under a service's secret, as {@code <payload>.<signature>} in URL-safe Base64
 * without padding: the tokens of the links sent by mail (feedback-service's survey links, customer-service's reorder
 * links). Anyone can read a token; nobody without the secret can make or change one. What the text says (which
 * invitation, until when) is the caller's; this class only signs and checks.
 */
public final class SignedTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	public SignedTokens(String secret) {
		if (secret == null || secret.isEmpty()) {
			throw new IllegalArgumentException("A token secret is needed");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The token of {@code text}. */
	public String issue(String text) {
		String payload = ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
		return payload + "." + ENCODER.encodeToString(sign(payload));
	}

	/**
	 * The text of a token signed under this secret; empty for anything else: none, longer than {@code maxLength},
	 * not two Base64 parts, a signature that does not match (changed, cut, made up).
	 */
	public Optional<String> read(String token, int maxLength) {
		if (token == null || token.isEmpty() || token.length() > maxLength) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return Optional.empty();
		}
		String payload = token.substring(0, dot);
		try {
			byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(sign(payload), signature)) {
				return Optional.empty();
			}
			return Optional.of(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
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
