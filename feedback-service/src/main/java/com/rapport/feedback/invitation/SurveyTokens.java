package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;

import com.rapport.support.security.SignedTokens;
import org.springframework.stereotype.Component;

/**
 * The token of a survey link: the invitation's id and the link's expiry, signed under the configured secret
 * (platform-support's {@link SignedTokens}). Anyone can read it; nobody without the
 * secret can make or change one. Single use is the invitation's (its first answer is final), not the token's.
 */
@Component
public class SurveyTokens {

	private static final int MAX_LENGTH = 512;

	private final SignedTokens tokens;

	private final Clock clock;

	public SurveyTokens(InvitationProperties properties, Clock clock) {
		this.tokens = new SignedTokens(properties.tokenSecret());
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
		return tokens.issue(invitationId + "." + expiresAt.getEpochSecond());
	}

	public Reading read(String token) {
		String text = tokens.read(token, MAX_LENGTH).orElse("");
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
}
