package com.rapport.support.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/**
 * Opaque page tokens for list RPCs; callers pass back what they were given and never build their own. A token
 * that is not one of ours is the caller's mistake: an {@link UnprocessableException} naming {@code page_token}.
 */
public final class PageTokens {

	private static final String PAGE = "page:";

	private static final String BEFORE = "before:";

	private PageTokens() {
	}

	public static String of(int page) {
		return encode(PAGE + page);
	}

	/** The page a token stands for; 0 for an empty token. */
	public static int page(String token) {
		if (token == null || token.isEmpty()) {
			return 0;
		}
		long page = decode(token, PAGE);
		if (page > Integer.MAX_VALUE) {
			throw invalid();
		}
		return (int) page;
	}

	/**
	 * A token for the next page of a list ordered by a descending position (such as a sequence number), which
	 * continues below the last position shown: what is added meanwhile does not shift the pages.
	 */
	public static String before(long position) {
		return encode(BEFORE + position);
	}

	/** The position a {@link #before} token continues below; empty for an empty token. */
	public static OptionalLong position(String token) {
		if (token == null || token.isEmpty()) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(decode(token, BEFORE));
	}

	private static String encode(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static long decode(String token, String prefix) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (decoded.startsWith(prefix)) {
				long value = Long.parseLong(decoded.substring(prefix.length()));
				if (value >= 0) {
					return value;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the clear message below
		}
		throw invalid();
	}

	private static UnprocessableException invalid() {
		return UnprocessableException.field(Message.of("problem.page-token-invalid"), "page_token",
				Message.of("field.page-token"));
	}
}
