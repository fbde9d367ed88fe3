package com.rapport.ordertracking.draft.web;

import java.util.Locale;
import java.util.regex.Pattern;

import com.rapport.ordertracking.draft.DraftOrders;
import com.rapport.ordertracking.draft.DraftStatus;
import com.rapport.ordertracking.idempotency.IdempotentRequests;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
 * Draft orders for partner systems: the drafts customers' contacts asked for ("reorder as last time"), and their
 * confirmation into a placed order, idempotent under the order API's {@code Idempotency-Key} rule.
 */
@RestController
@RequestMapping("/api/orders/v1/drafts")
@Tag(name = "Draft orders")
class DraftOrderController {

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final DraftOrders drafts;

	private final IdempotentRequests requests;

	private final JsonMapper json;

	DraftOrderController(DraftOrders drafts, IdempotentRequests requests, JsonMapper json) {
		this.drafts = drafts;
		this.requests = requests;
		this.json = json;
	}

	@GetMapping
	@Operation(operationId = "listDraftOrders", summary = "List draft orders",
			description = "Drafts customers' contacts asked for, newest first, at most 100; filtered by customerId "
					+ "and status (DRAFT: waiting for confirmation, CONFIRMED).")
	@PreAuthorize("hasAuthority('SCOPE_orders.read') or hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal')")
	DraftOrderView.ListView list(@RequestParam(required = false) String customerId,
			@RequestParam(required = false) String status) {
		DraftStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = DraftStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw UnprocessableException.field(Message.of("drafts.status-invalid"), "status",
						Message.of("drafts.status.one-of"));
			}
		}
		return new DraftOrderView.ListView(drafts.list(Caller.current(), customerId, wanted).stream()
			.map(DraftOrderView::of).toList());
	}

	@GetMapping("/{draftNumber}")
	@Operation(operationId = "getDraftOrder", summary = "Read a draft order",
			description = "One draft by its number; once confirmed, with the placed order's id and number.")
	@PreAuthorize("hasAuthority('SCOPE_orders.read') or hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal')")
	DraftOrderView get(@PathVariable String draftNumber) {
		return DraftOrderView.of(drafts.get(Caller.current(), draftNumber));
	}

	/**
	 * 200 with the confirmed draft (its {@code orderId} the placed order); a draft confirmed already 409; the same
	 * request with the same Idempotency-Key replays the first answer.
	 */
	@PostMapping("/{draftNumber}/confirmation")
	@Operation(operationId = "confirmDraftOrder", summary = "Confirm a draft order",
			description = "Turns the draft into a placed order with the same lines (the body, optional, names the "
					+ "partner's order number and the promised date). A draft confirmed already is 409; the same "
					+ "request with the same Idempotency-Key replays the first answer.")
	@PreAuthorize("hasAuthority('SCOPE_orders.write')")
	ResponseEntity<?> confirm(@PathVariable String draftNumber,
			@Valid @RequestBody(required = false) DraftConfirmationRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, HttpServletRequest http) {
		if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
			throw UnprocessableException.field(Message.of("orders.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("orders.idempotency-key.format"));
		}
		String request = http.getMethod() + " " + http.getRequestURI() + "\n" + json.writeValueAsString(body);
		return requests.run(Caller.current().name(), idempotencyKey, request, () -> ResponseEntity.ok(DraftOrderView.of(
				drafts.confirm(Caller.current(), draftNumber, body == null ? null
						: new DraftOrders.Confirmation(body.orderNumber(), body.promisedDate())))));
	}
}
