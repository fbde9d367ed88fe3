package com.rapport.ticket.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.rapport.support.message.Texts;
import com.rapport.ticket.customer.ContactDirectory.KnownContact;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.ticket.CustomerMail;
import com.rapport.ticket.ticket.EscalationProperties;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a mail to a ticket's requester in their language (the contact's {@code en} or {@code zh-CN}, English when
 * unknown), times in their time zone (the contact's, else the ticket's calendar's), as plain text, the texts from
 * the shared codes ({@code ticket.mail.*}): the acknowledgement (the number, and the first-response due time: when
 * they will hear back), or staff's public reply (its text without markup). The subject is {@code [T-1001] <subject>}
 * either way, which the support mailbox reads back to file the customer's answer.
 */
@Component
class CustomerMailWriter {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Document.OutputSettings PLAIN = new Document.OutputSettings().prettyPrint(false);

	private final Texts texts;

	private final SlaSettings settings;

	private final EscalationProperties links;

	CustomerMailWriter(MessageSource messages, SlaSettings settings, EscalationProperties links) {
		this.texts = new Texts(messages);
		this.settings = settings;
		this.links = links;
	}

	record Letter(String subject, String text, Locale locale) {

		String language() {
			return locale.equals(Locale.SIMPLIFIED_CHINESE) ? "zh-CN" : "en";
		}
	}

	Letter write(Ticket ticket, CustomerMail mail, Optional<KnownContact> contact, TicketMessage reply) {
		Locale locale = contact.map(KnownContact::language).filter(language -> language.startsWith("zh"))
			.map(language -> Locale.SIMPLIFIED_CHINESE).orElse(Locale.ENGLISH);
		String name = contact.map(KnownContact::name).filter(n -> !n.isBlank())
			.orElse(ticket.requester() == null ? null : ticket.requester().name());
		List<String> lines = new ArrayList<>();
		lines.add(name == null ? texts.say(locale, "ticket.mail.greeting.anonymous")
				: texts.say(locale, "ticket.mail.greeting", name));
		lines.add("");
		if (mail.kind() == CustomerMail.Kind.ACKNOWLEDGEMENT) {
			lines.add(texts.say(locale, "ticket.mail.ack.received", ticket.number(), ticket.subject()));
			lines.add(texts.say(locale, "ticket.mail.ack.due", when(ticket.sla().firstResponseDue(), zoneOf(ticket, contact))));
		}
		else {
			lines.add(texts.say(locale, "ticket.mail.reply.intro", reply.authorName() == null ? "Rapport" : reply.authorName(),
					ticket.number()));
			lines.add("");
			lines.add(plain(reply.body()));
		}
		lines.add("");
		lines.add(texts.say(locale, "ticket.mail.answer-by-reply", ticket.number()));
		lines.add(texts.say(locale, "ticket.mail.link", links.consoleUrl() + "/portal/tickets/" + ticket.number()));
		lines.add("");
		lines.add("-- ");
		lines.add(texts.say(locale, "ticket.mail.footer"));
		return new Letter(subject(ticket), String.join("\n", lines), locale);
	}

	/** {@code [T-1001] <subject>}: the thread's subject, which a customer's answer keeps. */
	static String subject(Ticket ticket) {
		return "[" + ticket.number() + "] " + ticket.subject();
	}

	private ZoneId zoneOf(Ticket ticket, Optional<KnownContact> contact) {
		Optional<ZoneId> own = contact.map(KnownContact::timeZone).filter(zone -> !zone.isBlank()).flatMap(zone -> {
			try {
				return Optional.of(ZoneId.of(zone));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		});
		return own.orElseGet(() -> settings.calendar(ticket.sla().calendarId()).zone());
	}

	private static String when(Instant instant, ZoneId zone) {
		return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
	}

	/** Sanitised HTML as plain text: line breaks and paragraphs kept, markup gone. */
	static String plain(String html) {
		String marked = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|li|blockquote|pre)>", "\n");
		String text = Jsoup.clean(marked, "", Safelist.none(), PLAIN);
		return Parser.unescapeEntities(text, false).strip();
	}
}
