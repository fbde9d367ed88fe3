package com.rapport.ticket.ticket;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Makes the text of a reply or note safe to show as it is, in any page or mail: plain text and simple
 * formatting only (paragraphs, line breaks, bold, italic, underline, lists, quotes, code, links to http,
 * https and mailto, which open with {@code rel="nofollow noopener"}). Scripts, styles, event handlers,
 * images, frames and forms go; what they held as text stays as text. Plain text keeps its line breaks.
 */
public final class MessageBodies {

	/** At most this many characters once sanitised. */
	public static final int MAX_LENGTH = 20_000;

	private static final Safelist SIMPLE = new Safelist()
		.addTags("p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "blockquote", "code", "pre", "a")
		.addAttributes("a", "href")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false)
		.escapeMode(Entities.EscapeMode.base).charset("UTF-8");

	private MessageBodies() {
	}

	/** The safe HTML of {@code body} (null: empty), stripped of surrounding white space. */
	public static String sanitise(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String html = looksLikeHtml(body) ? body : plainToHtml(body);
		return Jsoup.clean(html, "", SIMPLE, OUTPUT).strip();
	}

	/** Whether the sanitised body says anything (markup without text, such as {@code <p></p>}, does not). */
	public static boolean isBlank(String sanitised) {
		return sanitised.isEmpty() || Jsoup.parse(sanitised).text().isBlank();
	}

	private static boolean looksLikeHtml(String body) {
		return body.matches("(?s).*<[a-zA-Z/!][^>]*>.*");
	}

	/** Plain text as HTML: its characters escaped, its line breaks kept. */
	private static String plainToHtml(String text) {
		return Entities.escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br>");
	}
}
