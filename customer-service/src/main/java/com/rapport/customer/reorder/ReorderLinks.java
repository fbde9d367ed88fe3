package com.rapport.customer.reorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.rapport.support.security.SignedTokens;
import org.springframework.stereotype.Component;

/**
 * The token of a reminder's "reorder as last time" link, after feedback-service's survey links: the organisation,
 * the contact it was mailed to, the expected date, the link's expiry and the SKU, signed under
 * {@code rapport.reorder-reminders.token-secret} (platform-support's {@link SignedTokens}). Anyone can
 * read it; nobody without the secret can make or change one. Single use is the expected reorder's (one draft per
 * {@code reorder:<organisation>:<sku>:<expected date>}), not the token's.
 */
@Component
public class ReorderLinks {

	static final int MAX_LENGTH = 1024;

	private final SignedTokens tokens;

	private final Clock clock;

	public ReorderLinks(ReorderProperties properties, Clock clock) {
		this.tokens = new SignedTokens(properties.tokenSecret());
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
		return tokens.issue(String.join("|", subject.organisationId(), subject.contactId(),
				subject.expectedOn().toString(), Long.toString(expiresAt.getEpochSecond()), subject.sku()));
	}

	public Reading read(String token) {
		String[] parts = tokens.read(token, MAX_LENGTH).map(text -> text.split("\\|", 5)).orElse(new String[0]);
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
}
