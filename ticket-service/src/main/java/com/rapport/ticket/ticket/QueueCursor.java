package com.rapport.ticket.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/**
 * Where the next page of the queue read most urgent first begins: the instant the first page was read as of (so
 * that the segments hold still while one pages on), the segment, and the sort key and id of the last ticket shown.
 * Opaque to callers; a token that is not one of ours is refused like {@code PageTokens}' ones.
 *
 * @param key the last ticket's sort key in its segment (epoch milliseconds or seconds left), null on a first page
 */
record QueueCursor(Instant asOf, QueueSegment segment, Long key, String id) {

	private static final String PREFIX = "queue:";

	static QueueCursor first(Instant asOf) {
		return new QueueCursor(asOf, null, null, null);
	}

	String token() {
		String value = PREFIX + asOf.toEpochMilli() + ":" + segment.name() + ":" + key + ":" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor a token stands for; a first page as of {@code now} for an empty one. */
	static QueueCursor of(String token, Instant now) {
		if (token == null || token.isEmpty()) {
			return first(now);
		}
		try {
			String value = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (value.startsWith(PREFIX)) {
				String[] parts = value.substring(PREFIX.length()).split(":", 4);
				if (parts.length == 4 && !parts[3].isEmpty()) {
					return new QueueCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])),
							QueueSegment.valueOf(parts[1]), Long.parseLong(parts[2]), parts[3]);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the clear message below
		}
		throw invalid();
	}

	/** A token that is not one of ours, or not for this list: refused as {@code PageTokens} refuses one. */
	static UnprocessableException invalid() {
		return UnprocessableException.field(Message.of("problem.page-token-invalid"), "page_token",
				Message.of("field.page-token"));
	}
}
