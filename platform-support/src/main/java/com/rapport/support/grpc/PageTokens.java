package com.rapport.support.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page tokens for list RPCs; callers pass back what they were given and never build their own. */
public final class PageTokens {

	private static final String PREFIX = "page:";

	private PageTokens() {
	}

	public static String of(int page) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + page).getBytes(StandardCharsets.UTF_8));
	}

	/** The page a token stands for; 0 for an empty token. */
	public static int page(String token) {
		if (token == null || token.isEmpty()) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				int page = Integer.parseInt(decoded.substring(PREFIX.length()));
				if (page >= 0) {
					return page;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the clear message below
		}
		throw new IllegalArgumentException("Invalid page token");
	}
}
