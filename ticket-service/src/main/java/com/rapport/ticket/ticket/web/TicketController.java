package com.rapport.ticket.ticket.web;

import java.net.URI;
import java.util.regex.Pattern;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.TicketConversation;
import com.rapport.ticket.ticket.TicketIntake;
import com.rapport.ticket.ticket.TicketQuery;
import com.rapport.ticket.ticket.TicketQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API of tickets: scope {@code tickets.write} opens tickets and relays the customer's replies,
 * {@code tickets.read} reads them (one, or an organisation's, paged). People use the portal and the console.
 */
@RestController
@RequestMapping("/api/tickets/v1/tickets")
@Tag(name = "Tickets")
class TicketController {

	static final String READ = "hasAuthority('SCOPE_tickets.read')";

	static final String WRITE = "hasAuthority('SCOPE_tickets.write')";

	static final int MAX_PAGE_SIZE = 100;

	/** Visible ASCII only: a key travels in headers and logs, where other bytes are read differently by each hop. */
	static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final TicketIntake intake;

	private final TicketConversation conversation;

	private final TicketQueue queue;

	TicketController(TicketIntake intake, TicketConversation conversation, TicketQueue queue) {
		this.intake = intake;
		this.conversation = conversation;
		this.queue = queue;
	}

	/**
	 * 201 with the ticket and its Location; the same again, with {@code Idempotent-Replayed: true}, when the
	 * Idempotency-Key and the body repeat (as the order API answers).
	 */
	@PostMapping
	@PreAuthorize(WRITE)
	@Operation(operationId = "openTicket", summary = "Open a ticket",
			description = "A ticket for one of the organisation's contacts (or someone named in `requester`); the "
					+ "SLA policy of the organisation's tier applies. The same request with the same Idempotency-Key "
					+ "answers the same ticket again, with `Idempotent-Replayed: true`.",
			responses = @ApiResponse(responseCode = "201", description = "The ticket; its address in Location",
					content = @Content(schema = @Schema(implementation = TicketJson.class))))
	ResponseEntity<TicketJson> open(@Valid @RequestBody TicketRequestBody request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw UnprocessableException.field(Message.of("ticket.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("ticket.idempotency-key.format"));
		}
		TicketIntake.Submission submission = intake.openForPartner(Caller.current(), request.toRequest(),
				idempotencyKey);
		TicketJson ticket = TicketJson.of(submission.ticket());
		ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/tickets/v1/tickets/" + ticket.id()));
		if (!submission.created()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(ticket);
	}

	/**
	 * One organisation's tickets ({@code customerId}; without it every organisation's), newest first;
	 * {@code status} open or closed narrows them.
	 */
	@GetMapping
	@PreAuthorize(READ)
	@Operation(operationId = "listTickets", summary = "List tickets",
			description = "One organisation's tickets (`customerId`; without it every organisation's), newest first; "
					+ "`status` open or closed narrows them.")
	TicketJson.PageJson list(@RequestParam(required = false) String customerId,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Boolean open = status == null || status.isBlank() ? null
				: switch (status.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "open" -> true;
			case "closed" -> false;
			default -> throw UnprocessableException.field(Message.of("ticket.cannot-list"), "status",
					Message.of("field.unknown-choice", status.strip(), "open, closed"));
		};
		if (page < 0) {
			throw UnprocessableException.field(Message.of("ticket.cannot-list"), "page", Message.of("field.not-negative"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw UnprocessableException.field(Message.of("ticket.cannot-list"), "size",
					Message.of("ticket.page-size.range", MAX_PAGE_SIZE));
		}
		return TicketJson.of(queue.list(Caller.current(), TicketQuery.ofOrganisation(customerId, open, page, size)));
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(operationId = "getTicket", summary = "Read a ticket", description = "One ticket with its conversation.")
	TicketJson get(@PathVariable String id) {
		return TicketJson.of(conversation.get(Caller.current(), id));
	}

	/** 201 with the ticket after the reply; the customer's reply resumes a waiting ticket and reopens a resolved one. */
	@PostMapping("/{id}/replies")
	@PreAuthorize(WRITE)
	@Operation(operationId = "replyToTicket", summary = "Relay the customer's reply",
			description = "The customer's reply resumes a ticket waiting on them and reopens a resolved one. The same "
					+ "reply with the same Idempotency-Key is added once: a repeat answers the ticket again, with "
					+ "`Idempotent-Replayed: true`; the key with another reply is refused (422).",
			responses = @ApiResponse(responseCode = "201", description = "The ticket after the reply",
					content = @Content(schema = @Schema(implementation = TicketJson.class))))
	ResponseEntity<TicketJson> reply(@PathVariable String id, @Valid @RequestBody ReplyBody reply,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey == null) {
			TicketJson ticket = TicketJson.of(
					conversation.replyForCustomer(Caller.current(), id, reply.body(), reply.authorName()));
			return ResponseEntity.created(URI.create("/api/tickets/v1/tickets/" + ticket.id())).body(ticket);
		}
		if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw UnprocessableException.field(Message.of("ticket.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("ticket.idempotency-key.format"));
		}
		TicketConversation.PartnerReply answer = conversation.replyForCustomerOnce(Caller.current(), id, reply.body(),
				reply.authorName(), idempotencyKey);
		TicketJson ticket = TicketJson.of(answer.view());
		ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/tickets/v1/tickets/" + ticket.id()));
		if (!answer.created()) {
			created.header("Idempotent-Replayed", "true");
		}
		return created.body(ticket);
	}
}
