package com.rapport.ticket.ticket.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.rapport.support.security.Caller;
import com.rapport.support.web.Problems;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.AttachmentUpload;
import com.rapport.ticket.ticket.TicketAttachments;
import com.rapport.ticket.ticket.TicketConversation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files through the partner API (issue 9): {@code tickets.write} sends one for the customer (a public message of the
 * customer's side carrying it), {@code tickets.read} downloads the files of public messages. The limits are the
 * portal's: too large 413, a type not allowed by its content 415, both problem documents; an internal note's file
 * is never reachable (404, as an unknown one).
 */
@RestController
@RequestMapping("/api/tickets/v1/tickets/{id}/attachments")
@Tag(name = "Tickets")
class TicketAttachmentController {

	private final TicketConversation conversation;

	private final TicketAttachments attachments;

	private final Texts texts;

	TicketAttachmentController(TicketConversation conversation, TicketAttachments attachments,
			MessageSource messages) {
		this.conversation = conversation;
		this.attachments = attachments;
		this.texts = new Texts(messages);
	}

	/** A file as a partner reads it listed: never its bytes (those are the download). */
	@Schema(name = "TicketAttachment")
	record AttachmentJson(String id, String fileName,
			@Schema(description = "What the content was found to be, never what the sender declared") String contentType,
			long size) {

		static AttachmentJson of(Attachment attachment) {
			return new AttachmentJson(attachment.id(), attachment.fileName(), attachment.contentType(),
					attachment.size());
		}
	}

	@PostMapping
	@PreAuthorize(TicketController.WRITE)
	@Operation(operationId = "uploadTicketAttachment", summary = "Send a file for the customer",
			description = "Adds a public message of the customer's side carrying the file (its text the `comment`, "
					+ "else the file's name), with the effects of a customer's reply. The file is checked before "
					+ "anything is stored: larger than the limit (3 MB by default) is refused with 413, a type not "
					+ "allowed (judged by its content: PDF, pictures, text, CSV, Word, Excel, PowerPoint) with 415, an "
					+ "empty one with 422. The same request with the same Idempotency-Key adds the file once: a repeat "
					+ "answers the file kept the first time, with `Idempotent-Replayed: true`; the key with another "
					+ "file, comment or author is refused (422).",
			responses = {
					@ApiResponse(responseCode = "201", description = "The file as kept; its download address in Location",
							content = @Content(schema = @Schema(implementation = AttachmentJson.class))),
					@ApiResponse(responseCode = "413", description = "The file is larger than the limit, or the body "
							+ "larger than the service accepts (`code`: `too-large`)",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(ref = "#/components/schemas/Problem"))),
					@ApiResponse(responseCode = "415", description = "The file's content is of a type not accepted, or "
							+ "the body is not `application/json` in UTF-8 (`code`: `unsupported-media-type`)",
							content = @Content(mediaType = "application/problem+json",
									schema = @Schema(ref = "#/components/schemas/Problem"))) })
	ResponseEntity<AttachmentJson> upload(@PathVariable String id, @Valid @RequestBody AttachmentBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && !TicketController.IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw UnprocessableException.field(Message.of("ticket.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("ticket.idempotency-key.format"));
		}
		Map<String, Message> missing = new LinkedHashMap<>();
		if (body.fileName() == null || body.fileName().isBlank()) {
			missing.put("fileName", Message.of("field.required"));
		}
		if (body.content() == null || body.content().length == 0) {
			missing.put("content", Message.of("field.required"));
		}
		if (!missing.isEmpty()) {
			throw new UnprocessableException(Message.of("attachment.cannot-attach"), missing);
		}
		TicketConversation.PartnerFile sent = conversation.attachForCustomer(Caller.current(), id,
				new AttachmentUpload(body.fileName(), body.content()), body.comment(), body.authorName(),
				idempotencyKey);
		ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/tickets/v1/tickets/"
				+ sent.view().ticket().id() + "/attachments/" + sent.attachment().id()));
		if (!sent.created()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(AttachmentJson.of(sent.attachment()));
	}

	@GetMapping("/{attachmentId}")
	@PreAuthorize(TicketController.READ)
	@Operation(operationId = "downloadTicketAttachment", summary = "Download a file",
			description = "A file of one of the ticket's public messages, as a download of the type its content was "
					+ "found to be. An internal note's file, an unknown ticket or file are not found alike.",
			responses = @ApiResponse(responseCode = "200", description = "The file's bytes",
					content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId) {
		TicketAttachments.File file = attachments.getForPartner(Caller.current(), id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.attachment().fileName(), StandardCharsets.UTF_8)
						.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(file.content());
	}

	/**
	 * A refused file is answered as the portal answers it: too large 413 ({@code too-large}), a type not allowed 415
	 * ({@code unsupported-media-type}), the rest 422; each a problem document with {@code reason}, {@code errors} and
	 * {@code fieldCodes}, the file's field named {@code content}.
	 */
	@ExceptionHandler(UnprocessableException.class)
	ResponseEntity<ProblemDetail> refused(UnprocessableException ex) {
		String reason = ex.reason() == null ? "" : ex.reason().code();
		HttpStatus status = switch (reason) {
			case "attachment.too-large" -> HttpStatus.CONTENT_TOO_LARGE;
			case "attachment.type-not-allowed" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		String code = Problems.codeOf(status);
		ProblemDetail problem = Problems.of(status, code, texts.say(Message.of("problem.title." + code)),
				texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
		if (ex.reason() != null) {
			problem.setProperty("reason", reason);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		texts.fields(ex, LocaleContextHolder.getLocale()).forEach((field, words) -> errors.put(renamed(field), words));
		problem.setProperty("errors", errors);
		if (!ex.fieldMessages().isEmpty()) {
			Map<String, String> codes = new LinkedHashMap<>();
			ex.fieldMessages().forEach((field, message) -> codes.put(renamed(field), message.code()));
			problem.setProperty("fieldCodes", codes);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The attachment rules name the file {@code attachments[0]}; here it is the body's {@code content}. */
	private static String renamed(String field) {
		return field.equals("attachments[0]") ? "content" : field;
	}
}
