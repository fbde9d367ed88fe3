package com.rapport.customer.reorder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The token of a reminder's "reorder as last time" link, after feedback-service's survey links: the organisation,
 * the contact it was mailed to, the expected date, the link's expiry and the SKU, signed with HMAC-SHA256 under
 * {@code rapport.reorder-reminders.token-secret}, as {@code <payload>.<signature>} in URL-safe Base64. Anyone can
 * read it; nobody without the secret can make or change one. Single use is the expected reorder's (one draft per
 * {@code reorder:<organisation>:<sku>:<expected date>}), not the token's.
 */
@Component
public class ReorderLinks {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	static final int MAX_LENGTH = 1024;

	private final SecretKeySpec key;

	private final Clock clock;

	public ReorderLinks(ReorderProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.tokenSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.clock = clock;
	}

	/** What a link is about. */
	public record Subject(String organisationId, String contactId, LocalDate expectedOn, String sku) {
	}

	/** What a token says, once checked. */
	public sealed interface Reading {
	}

	/** Signed by us and not expired. */
	public record Valid(Subject subject) implements Reading {
	}

	/** Signed by us but past its expiry. */
	public record Expired(Subject subject) implements Reading {
	}

	/** Not a token we made (changed, cut, made up). */
	public record Forged() implements Reading {
	}

	public String issue(Subject subject, Instant expiresAt) {
		String text = String.join("|", subject.organisationId(), subject.contactId(), subject.expectedOn().toString(),
				Long.toString(expiresAt.getEpochSecond()), subject.sku());
		String payload = BASE64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
		return payload + "." + BASE64.encodeToString(sign(payload));
	}

	public Reading read(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
			return new Forged();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return new Forged();
		}
		String payload = token.substring(0, dot);
		String[] parts;
		try {
			byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(sign(payload), signature)) {
				return new Forged();
			}
			parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", 5);
		}
		catch (IllegalArgumentException ex) {
			return new Forged();
		}
		if (parts.length != 5) {
			return new Forged();
		}
		try {
			Subject subject = new Subject(parts[0], parts[1], LocalDate.parse(parts[2]), parts[4]);
			long expires = Long.parseLong(parts[3]);
			return clock.instant().getEpochSecond() >= expires ? new Expired(subject) : new Valid(subject);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return new Forged();
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
