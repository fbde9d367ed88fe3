package com.rapport.ticket.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.AttachmentProperties;
import com.rapport.ticket.attachment.AttachmentUpload;
import com.rapport.ticket.attachment.Attachments;
import com.rapport.ticket.mail.InboundMail.RefusedFile;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A mail's files, checked one by one as the portal checks them (size, type by content, at most {@code max-count}
 * with one message): those that pass are kept (and go with the ticket's message the mail becomes), each refused
 * one is named with why, for an internal note on the ticket; one refused file never costs the others.
 */
@Component
class MailFiles {

	private final Attachments attachments;

	private final AttachmentProperties limits;

	private final Texts texts;

	MailFiles(Attachments attachments, AttachmentProperties limits, MessageSource messages) {
		this.attachments = attachments;
		this.limits = limits;
		this.texts = new Texts(messages);
	}

	/** The files kept and those refused. */
	record Checked(List<Attachment> kept, List<RefusedFile> refused) {
	}

	Checked check(List<AttachmentUpload> files) {
		List<Attachment> kept = new ArrayList<>();
		List<RefusedFile> refused = new ArrayList<>();
		for (AttachmentUpload file : files) {
			if (kept.size() == limits.maxCount()) {
				refused.add(new RefusedFile(file.plainName(), "attachment.too-many",
						List.of(String.valueOf(limits.maxCount()))));
				continue;
			}
			try {
				kept.addAll(attachments.store(List.of(file)));
			}
			catch (UnprocessableException ex) {
				Message why = ex.fieldMessages().values().stream().findFirst()
					.orElse(ex.reason() != null ? ex.reason() : Message.of("attachment.cannot-attach"));
				refused.add(new RefusedFile(file.plainName(), why.code(), why.args()));
			}
		}
		return new Checked(kept, refused);
	}

	/** Takes back what {@link #check} kept (a mail stored before by another read, an automatic mail). */
	void forget(List<Attachment> kept) {
		attachments.delete(kept);
	}

	/** The internal note naming the refused files, in English and Chinese (staff read both languages). */
	String note(List<RefusedFile> refused) {
		StringBuilder note = new StringBuilder();
		for (Locale locale : Texts.OFFERED) {
			note.append("<p>").append(escape(texts.say(Message.of("mail.files-refused"), locale))).append("</p><ul>");
			for (RefusedFile file : refused) {
				String why = texts.say(new Message(file.code(), file.args()), locale);
				note.append("<li>").append(escape(why.contains(file.fileName()) ? why : file.fileName() + ": " + why))
					.append("</li>");
			}
			note.append("</ul>");
		}
		return note.toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
