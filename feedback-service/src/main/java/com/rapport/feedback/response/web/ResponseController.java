package com.rapport.feedback.response.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.rapport.feedback.response.PartnerAnswers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.support.security.Caller;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API of survey answers: scope {@code feedback.write} records answers collected elsewhere,
 * {@code feedback.read} reads them (one, or a page newest first). Contacts answer through their survey link.
 */
@RestController
@RequestMapping("/api/feedback/v1/responses")
@Tag(name = "Responses")
class ResponseController {

	static final String READ = "hasAuthority('SCOPE_feedback.read')";

	static final String WRITE = "hasAuthority('SCOPE_feedback.write')";

	private final PartnerAnswers answers;

	ResponseController(PartnerAnswers answers) {
		this.answers = answers;
	}

	/**
	 * 201 with the answer and its Location; the same answer again (same response id, organisation, kind and score)
	 * answers 201 with the stored one and {@code Idempotent-Replayed: true}; another answer under that id 409.
	 */
	@PostMapping
	@PreAuthorize(WRITE)
	@Operation(operationId = "recordResponse", summary = "Record a survey answer",
			description = "An answer a partner system collected (a call centre, a form of its own). Idempotent by "
					+ "`responseId`: the same answer sent again is stored once and answered again with "
					+ "`Idempotent-Replayed: true`; another organisation, kind or score under the same id is a conflict "
					+ "(409). A CSAT below 3 opens a follow-up ticket, as an answer through a survey link does.",
			responses = @ApiResponse(responseCode = "201", description = "The answer; its address in Location",
					content = @Content(schema = @Schema(implementation = ResponseJson.class))))
	ResponseEntity<ResponseJson> record(@Valid @RequestBody ResponseRequestBody request) {
		ResponseService.Recorded recorded = answers.record(Caller.current(), request.toNewResponse());
		ResponseJson answer = ResponseJson.of(recorded.response());
		ResponseEntity.BodyBuilder reply = ResponseEntity
			.created(URI.create("/api/feedback/v1/responses/" + URLEncoder.encode(answer.id(), StandardCharsets.UTF_8)));
		if (!recorded.created()) {
			reply.header("Idempotent-Replayed", "true");
		}
		return reply.body(answer);
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(operationId = "getResponse", summary = "Read a survey answer", description = "One answer by its response id.")
	ResponseJson get(@PathVariable String id) {
		return ResponseJson.of(answers.get(id));
	}

	@GetMapping
	@PreAuthorize(READ)
	@Operation(operationId = "listResponses", summary = "List survey answers",
			description = "Answers newest first: one organisation's (`customerId`; without it every organisation's), "
					+ "of one survey `kind` (CSAT, NPS, CES) or of all.")
	ResponseJson.PageJson list(@RequestParam(required = false) String customerId,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return ResponseJson.of(answers.list(customerId, kind, page, size));
	}
}
