package com.rapport.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.rapport.contracts.ticket.v1.AttachmentContent;
import com.rapport.contracts.ticket.v1.AttachmentUpload;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the portal's and the console's ticket pages share: a ticket with its conversation on the page, and a
 * refusal of ticket-service said in the reader's language (each bad field under its name, the reason under
 * {@code form}).
 */
@Component
public class TicketPages {

	private final Texts texts;

	private final Formats formats;

	TicketPages(Texts texts, Formats formats) {
		this.texts = texts;
		this.formats = formats;
	}

	/** A message of the conversation with its body cleaned for the page. */
	public record Shown(TicketMessage message, String html) {
	}

	/** The ticket page's model; {@code draft} is a reply that was refused, shown again to be corrected. */
	public String ticket(Model model, TicketDetail detail, String draft, Map<String, String> errors, String view) {
		model.addAttribute("detail", detail);
		model.addAttribute("t", detail.getTicket());
		model.addAttribute("conversation",
				detail.getMessagesList().stream().map(message -> new Shown(message, formats.html(message.getBody()))).toList());
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		// The conversation's files are read back through the page's own area (its role is checked there).
		model.addAttribute("attachmentBase", view.startsWith("console/") ? "/console/tickets/" : "/portal/tickets/");
		return view;
	}

	/** The files of a form as ticket-service takes them; the empty part a form sends when none was chosen is none. */
	public List<AttachmentUpload> uploads(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		List<AttachmentUpload> uploads = new ArrayList<>();
		for (MultipartFile file : files) {
			String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
			if (file.isEmpty() && name.isBlank()) {
				continue;
			}
			try {
				uploads.add(AttachmentUpload.newBuilder().setFileName(name)
					.setContent(ByteString.readFrom(file.getInputStream())).build());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return uploads;
	}

	/**
	 * The status a refused form answers: 409 for a conflict; for files ticket-service refused, 413 when one is too
	 * large and 415 when one's content is of a type not accepted; else 422.
	 */
	public static int status(RuntimeException refusal) {
		if (refusal instanceof ConflictException) {
			return 409;
		}
		String reason = refusal instanceof UnprocessableException unprocessable && unprocessable.reason() != null
				? unprocessable.reason().code() : "";
		return switch (reason) {
			case "attachment.too-large" -> 413;
			case "attachment.type-not-allowed" -> 415;
			default -> 422;
		};
	}

	/**
	 * An attachment as a download: its type as ticket-service found it by content, always saved rather than shown
	 * ({@code attachment}), never sniffed into something else, and not kept in shared caches.
	 */
	public static ResponseEntity<byte[]> download(AttachmentContent file) {
		MediaType type;
		try {
			type = MediaType.parseMediaType(file.getAttachment().getContentType());
		}
		catch (InvalidMediaTypeException ex) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		String name = file.getAttachment().getFileName();
		// A name beyond ASCII goes as RFC 5987's filename* (UTF-8), which every browser reads.
		ContentDisposition disposition = StandardCharsets.US_ASCII.newEncoder().canEncode(name)
				? ContentDisposition.attachment().filename(name).build()
				: ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build();
		return ResponseEntity.ok().contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(file.getContent().toByteArray());
	}

	public Map<String, String> errors(RuntimeException refusal) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refusal instanceof UnprocessableException unprocessable) {
			texts.fields(unprocessable, LocaleContextHolder.getLocale()).forEach((field, text) -> {
				// Each file's problem (attachments[0], …) is said together under the form's file input.
				String key = field.startsWith("attachments") ? "attachments" : field;
				errors.merge(key, text, (one, other) -> one + " " + other);
			});
			errors.put("form", texts.reason(unprocessable, unprocessable.reason(), LocaleContextHolder.getLocale()));
		}
		else if (refusal instanceof ConflictException conflict) {
			errors.put("form", texts.reason(conflict, conflict.reason(), LocaleContextHolder.getLocale()));
		}
		return errors;
	}

	/** A refusal made here, before anything was asked of ticket-service (a form value no button sends). */
	public Map<String, String> error(String field, String code) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(field, texts.say(LocaleContextHolder.getLocale(), code));
		errors.put("form", texts.say(LocaleContextHolder.getLocale(), "ticket.form.refused"));
		return errors;
	}
}
