package com.rapport.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The hash that seals an entry and chains it to the one before: SHA-256, as lower-case hex, over this
 * encoding of the entry, in this order:
 * <ol>
 * <li>the version tag {@value #VERSION};</li>
 * <li>the sequence number and {@code at} in milliseconds since the epoch, in decimal;</li>
 * <li>actor; the number of roles, then each role (sorted); client; address; action; record type; record id;
 * organisation id;</li>
 * <li>the number of details, then each key and its value, by key;</li>
 * <li>the previous entry's hash (empty for the first entry).</li>
 * </ol>
 * Each item is written as its length in UTF-8 bytes (decimal), a colon, the UTF-8 bytes and a semicolon,
 * so no two different entries encode alike (a value may hold any character, the separators included).
 * Changing the encoding means a new version tag, and verification that knows both.
 */
final class EntryHash {

	static final String VERSION = "rapport-audit-v1";

	private EntryHash() {
	}

	static String of(long sequence, AuditEvent event, String previousHash) {
		MessageDigest sha256 = sha256();
		List<String> roles = event.actorRoles();
		Map<String, String> details = event.details();
		item(sha256, VERSION);
		item(sha256, Long.toString(sequence));
		item(sha256, Long.toString(event.at().toEpochMilli()));
		item(sha256, event.actor());
		item(sha256, Integer.toString(roles.size()));
		roles.forEach(role -> item(sha256, role));
		item(sha256, event.client());
		item(sha256, event.address());
		item(sha256, event.action());
		item(sha256, event.recordType());
		item(sha256, event.recordId());
		item(sha256, event.organisationId());
		item(sha256, Integer.toString(details.size()));
		details.forEach((key, value) -> {
			item(sha256, key);
			item(sha256, value);
		});
		item(sha256, previousHash);
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static void item(MessageDigest digest, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		digest.update(bytes);
		digest.update((byte) ';');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}
}
