package com.rapport.ticket.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-IDs of the mails this service sends about a ticket, and how a customer's mail names its ticket.
 * Each sent mail's id is fixed by what it tells ({@code <ticket.<id>.ack@domain>},
 * {@code <ticket.<id>.reply.<message id>@domain>}), so a mail handed over twice is one to the receiver, and a reply
 * whose In-Reply-To or References carries one is known to belong to that ticket without a look-up.
 */
final class MailThreads {

	private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\[(T-\\d{1,12})\\]");

	private final String domain;

	private final Pattern ours;

	MailThreads(String domain) {
		this.domain = domain;
		this.ours = Pattern.compile("^<?ticket\\.([A-Za-z0-9-]{1,80})\\.[^@<>]*@" + Pattern.quote(domain) + ">?$",
				Pattern.CASE_INSENSITIVE);
	}

	/** The acknowledgement's Message-ID: the thread's first mail from this service. */
	String acknowledgement(String ticketId) {
		return "<ticket." + ticketId + ".ack@" + domain + ">";
	}

	/** The Message-ID of the mail that carries staff's public reply {@code messageId}. */
	String reply(String ticketId, String messageId) {
		return "<ticket." + ticketId + ".reply." + messageId + "@" + domain + ">";
	}

	/** The ticket a Message-ID this service made is about. */
	Optional<String> ticketIdOf(String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		Matcher matcher = ours.matcher(messageId.strip());
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** The ticket number a subject carries, such as {@code Re: [T-1001] Chairs wobble}. */
	static Optional<String> numberIn(String subject) {
		if (subject == null) {
			return Optional.empty();
		}
		Matcher matcher = NUMBER_IN_SUBJECT.matcher(subject);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}
}
