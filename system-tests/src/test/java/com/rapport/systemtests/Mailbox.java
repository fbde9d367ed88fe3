package com.rapport.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

/**
 * Every mail the mail catcher holds for one address, as a person's mailbox shows them: its {@code Message-ID},
 * subject and text. A mail handed to the server twice is two mails here, which is what the two-replica test
 * counts.
 */
final class Mailbox {

	/** One mail: {@code messageId} and {@code subject} as in its headers (unfolded), {@code text} all after them. */
	record Mail(String messageId, String subject, String text) {

		/** What makes two mails the same mail to the reader: the subject and the text. */
		String content() {
			return subject + "\n" + text;
		}
	}

	private Mailbox() {
	}

	/** The mails to {@code address}; none when the mail catcher has none for it yet. */
	static List<Mail> of(String address) {
		HttpResponse<String> answer = Partner.anonymous(HttpRequest.newBuilder(URI.create(IdentityAndPrivacySystemTests.MAIL_API
				+ "/api/user/" + address + "/messages")));
		if (answer.statusCode() != 200) {
			return List.of();
		}
		List<Mail> mails = new ArrayList<>();
		for (String raw : JsonPath.<List<String>>read(answer.body(), "$[*].mimeMessage")) {
			mails.add(parse(raw));
		}
		return mails;
	}

	/** A single-part mail as the services send them: headers unfolded, the subject's encoded words and the text decoded. */
	static Mail parse(String raw) {
		String text = raw.replace("\r\n", "\n");
		int end = text.indexOf("\n\n");
		String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\n[ \t]+", " ");
		String body = end < 0 ? "" : text.substring(end + 2);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : head.split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
			}
		}
		String encoding = headers.getOrDefault("content-transfer-encoding", "").toLowerCase(Locale.ROOT);
		String decoded = switch (encoding) {
			case "quoted-printable" -> quotedPrintable(body);
			case "base64" -> new String(Base64.getMimeDecoder().decode(body.strip()), StandardCharsets.UTF_8);
			default -> body;
		};
		return new Mail(headers.getOrDefault("message-id", ""), words(headers.getOrDefault("subject", "")), decoded);
	}

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=\\s*");

	/** RFC 2047 encoded words ({@code =?UTF-8?Q?...?=}, {@code =?UTF-8?B?...?=}) as text. */
	static String words(String header) {
		Matcher word = ENCODED_WORD.matcher(header);
		StringBuilder text = new StringBuilder();
		while (word.find()) {
			Charset charset = Charset.forName(word.group(1));
			String value = word.group(3);
			String decoded = word.group(2).equalsIgnoreCase("B")
					? new String(Base64.getDecoder().decode(value), charset)
					: new String(bytes(value.replace('_', ' '), false), charset);
			word.appendReplacement(text, Matcher.quoteReplacement(decoded));
		}
		word.appendTail(text);
		return text.toString();
	}

	private static String quotedPrintable(String body) {
		return new String(bytes(body, true), StandardCharsets.UTF_8);
	}

	/** {@code =XX} as the byte XX; with {@code softBreaks}, {@code =} at a line's end joins it to the next. */
	private static byte[] bytes(String text, boolean softBreaks) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '=' && softBreaks && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				i++;
			}
			else if (c == '=' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
					&& HexFormat.isHexDigit(text.charAt(i + 2))) {
				out.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
				i += 2;
			}
			else {
				byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				out.write(plain, 0, plain.length);
			}
		}
		return out.toByteArray();
	}

	/**
	 * The mails of {@code mails} that came more than once, by {@code Message-ID} and by content (subject and text),
	 * each said with how often: empty when every mail came once.
	 */
	static List<String> repeated(String address, List<Mail> mails) {
		Map<String, Integer> byId = new LinkedHashMap<>();
		Map<String, Integer> byContent = new LinkedHashMap<>();
		Map<String, String> subjects = new LinkedHashMap<>();
		for (Mail mail : mails) {
			if (!mail.messageId().isEmpty()) {
				byId.merge(mail.messageId(), 1, Integer::sum);
			}
			byContent.merge(mail.content(), 1, Integer::sum);
			subjects.put(mail.content(), mail.subject());
		}
		List<String> repeated = new ArrayList<>();
		byId.forEach((id, count) -> {
			if (count > 1) {
				repeated.add(address + ": Message-ID " + id + " " + count + " times");
			}
		});
		byContent.forEach((content, count) -> {
			if (count > 1) {
				repeated.add(address + ": \"" + subjects.get(content) + "\" (same subject and text) " + count + " times");
			}
		});
		return repeated;
	}
}
