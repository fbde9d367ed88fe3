package com.rapport.ticket.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.rapport.ticket.attachment.AttachmentUpload;
import com.rapport.ticket.ticket.MessageBodies;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;

/**
 * Reads what the intake needs of a mail: the text of its first readable part (plain text preferred to HTML in an
 * alternative; attachments are left out), sanitised as ticket messages are and cut to what a message may hold, and
 * its files: every part sent as an attachment, and every inline part with a file name that is not the text (a
 * picture in the mail). The files are checked later, as the portal's are.
 * A mail without a sender, or whose structure cannot be read, is refused ({@link MessagingException}); one
 * without a Message-ID gets one made from its sender, date and subject, the same on every read.
 */
final class MailParser {

	/** Room left under the message limit for the sanitised markup of a cut text. */
	private static final int MAX_TEXT = MessageBodies.MAX_LENGTH - 2_000;

	private MailParser() {
	}

	static ParsedMail parse(MimeMessage message) throws MessagingException, IOException {
		Address[] from = message.getFrom();
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
				|| sender.getAddress() == null || !sender.getAddress().contains("@")) {
			throw new MessagingException("The mail has no sender address");
		}
		String address = sender.getAddress().strip().toLowerCase(Locale.ROOT);
		String subject = message.getSubject() == null ? "" : message.getSubject().strip();
		String messageId = message.getMessageID();
		if (messageId == null || messageId.isBlank()) {
			String date = message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString();
			messageId = "<made." + UUID.nameUUIDFromBytes((address + "|" + date + "|" + subject)
				.getBytes(StandardCharsets.UTF_8)) + "@support-mailbox>";
		}
		String inReplyTo = message.getHeader("In-Reply-To", " ");
		String references = message.getHeader("References", " ");
		List<String> referenced = references == null ? List.of()
				: Arrays.stream(references.split("\\s+")).filter(id -> !id.isBlank()).toList();
		return new ParsedMail(messageId.strip(), address, sender.getPersonal(), subject, body(message),
				inReplyTo == null ? null : inReplyTo.strip(), referenced, automatic(message), files(message));
	}

	/** The mail's files, in the order they come, with the names their senders gave (decoded), whatever their type. */
	static List<AttachmentUpload> files(Part message) throws MessagingException, IOException {
		List<AttachmentUpload> files = new java.util.ArrayList<>();
		collect(message, files, true);
		return files;
	}

	private static void collect(Part part, List<AttachmentUpload> files, boolean top)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), files, false);
			}
			return;
		}
		String name = part.getFileName();
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		boolean inlineFile = !top && name != null && !part.isMimeType("text/plain") && !part.isMimeType("text/html");
		if (attached || inlineFile) {
			String decoded = name == null ? null : jakarta.mail.internet.MimeUtility.decodeText(name);
			try (java.io.InputStream in = part.getInputStream()) {
				files.add(new AttachmentUpload(decoded, in.readAllBytes()));
			}
		}
	}

	/** RFC 3834: anything but {@code Auto-Submitted: no} is automatic; so are bulk mails and auto-replies. */
	private static boolean automatic(MimeMessage message) throws MessagingException {
		String submitted = message.getHeader("Auto-Submitted", ",");
		String precedence = message.getHeader("Precedence", ",");
		return (submitted != null && !submitted.strip().equalsIgnoreCase("no"))
				|| (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply"));
	}

	/** The sanitised text, empty when the mail has none. */
	static String body(Part message) throws MessagingException, IOException {
		Text text = text(message);
		if (text == null) {
			return "";
		}
		String safe = MessageBodies.sanitise(text.html() ? text.content() : cut(text.content()));
		if (safe.length() > MessageBodies.MAX_LENGTH) {
			// A long HTML mail keeps its words, without the markup.
			safe = MessageBodies.sanitise(cut(Jsoup.parse(text.content()).wholeText()));
		}
		return safe;
	}

	private record Text(String content, boolean html) {
	}

	private static Text text(Part part) throws MessagingException, IOException {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return null;
		}
		if (part.isMimeType("text/plain")) {
			return new Text(String.valueOf(part.getContent()), false);
		}
		if (part.isMimeType("text/html")) {
			return new Text(String.valueOf(part.getContent()), true);
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			Text html = null;
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Text found = text(child);
				if (found != null && !found.html()) {
					return found;
				}
				if (found != null && html == null) {
					html = found;
				}
			}
			return html;
		}
		return null;
	}

	private static String cut(String text) {
		return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "\n[...]";
	}
}
