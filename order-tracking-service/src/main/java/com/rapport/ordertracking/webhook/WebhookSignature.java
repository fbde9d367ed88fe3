package com.rapport.ordertracking.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}, in the
 * header {@value #HEADER}. The time is inside what is signed, so a receiver that refuses a {@code t} older than
 * five minutes refuses a replayed request; the README shows a receiver's check.
 */
public final class WebhookSignature {

	public static final String HEADER = "Rapport-Signature";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret: 32 random bytes, base64url, with a prefix that says what it is. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The header's value for this body sent at {@code unixSeconds}. */
	public static String sign(String secret, long unixSeconds, String body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
	}

	/**
	 * What a receiver does: true only when the header names a time within {@code toleranceSeconds} of
	 * {@code nowSeconds} and its {@code v1} is the HMAC of that time and the body (compared in constant time).
	 */
	public static boolean verify(String secret, String header, String body, long nowSeconds, long toleranceSeconds) {
		if (header == null) {
			return false;
		}
		Long t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
				t = Long.parseLong(pair[1]);
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				v1 = pair[1];
			}
		}
		if (t == null || v1 == null || Math.abs(nowSeconds - t) > toleranceSeconds) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
				v1.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}
}
