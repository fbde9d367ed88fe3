package com.rapport.ordertracking.order.web;

import java.net.URI;

import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner systems keeping their orders current. The order is named as the partner knows it: its number in the
 * path, its organisation ({@code customerId}) in the body, as when it was submitted. Every write answers the
 * order as it is after it, and takes an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/orders/v1/orders/{orderNumber}")
@PreAuthorize("hasAuthority('SCOPE_orders.write')")
@Tag(name = "Orders")
class OrderProgressController {

	private static final String KEY = "Idempotency-Key";

	private final OrderProgressService progress;

	private final IdempotencyKeys keys;

	OrderProgressController(OrderProgressService progress, IdempotencyKeys keys) {
		this.progress = progress;
		this.keys = keys;
	}

	/** 201 when the milestone is new, 200 when its event id was seen already (nothing changed). */
	@PostMapping("/milestones")
	@Operation(operationId = "recordMilestone", summary = "Record a milestone",
			description = "A step of the order (confirmed, in production, shipped with its parcel, delivered...). "
					+ "A repeat of the event id is kept once.",
			responses = {
					@ApiResponse(responseCode = "201", description = "The order with the new milestone",
							content = @Content(schema = @Schema(implementation = OrderView.class))),
					@ApiResponse(responseCode = "200", description = "The event id was recorded before; nothing changed",
							content = @Content(schema = @Schema(implementation = OrderView.class))) })
	ResponseEntity<?> appendMilestone(@PathVariable String orderNumber, @Valid @RequestBody MilestoneRequest request,
			@RequestHeader(name = KEY, required = false) String key, HttpServletRequest http) {
		return keys.once(http, key, request, () -> {
			var outcome = progress.appendMilestone(request.customerId().trim(), orderNumber, request.toMilestone());
			OrderView view = OrderView.of(outcome.order());
			if (!outcome.changed()) {
				return ResponseEntity.ok(view);
			}
			return ResponseEntity.created(URI.create("/api/orders/v1/orders/" + view.id())).body(view);
		});
	}

	@PostMapping("/changes")
	@Operation(operationId = "changeOrder", summary = "Change an order",
			description = "A new ETA, a new promised date with its reason, or new lines.",
			responses = @ApiResponse(responseCode = "200", description = "The order after the change",
					content = @Content(schema = @Schema(implementation = OrderView.class))))
	ResponseEntity<?> change(@PathVariable String orderNumber, @Valid @RequestBody OrderChangeRequest request,
			@RequestHeader(name = KEY, required = false) String key, HttpServletRequest http) {
		return keys.once(http, key, request, () -> ResponseEntity
			.ok(OrderView.of(progress.change(request.customerId().trim(), orderNumber, request.toChange()).order())));
	}

	@PostMapping("/cancellation")
	@Operation(operationId = "cancelOrder", summary = "Cancel an order", description = "Cancels the order, with the reason.",
			responses = @ApiResponse(responseCode = "200", description = "The order, cancelled",
					content = @Content(schema = @Schema(implementation = OrderView.class))))
	ResponseEntity<?> cancel(@PathVariable String orderNumber, @Valid @RequestBody CancellationRequest request,
			@RequestHeader(name = KEY, required = false) String key, HttpServletRequest http) {
		return keys.once(http, key, request, () -> ResponseEntity
			.ok(OrderView.of(progress.cancel(request.customerId().trim(), orderNumber, request.reason().trim()).order())));
	}

	@PostMapping("/delay")
	@Operation(operationId = "reportDelay", summary = "Report a delay",
			description = "Why the order is late and the remedy offered (partial shipment, discount, substitute); "
					+ "the customer's contacts are told.",
			responses = @ApiResponse(responseCode = "200", description = "The order with its delay",
					content = @Content(schema = @Schema(implementation = OrderView.class))))
	ResponseEntity<?> reportDelay(@PathVariable String orderNumber, @Valid @RequestBody DelayRequest request,
			@RequestHeader(name = KEY, required = false) String key, HttpServletRequest http) {
		return keys.once(http, key, request, () -> ResponseEntity.ok(OrderView.of(progress
			.reportDelay(Caller.current(), request.customerId().trim(), orderNumber, request.toReport()).order())));
	}
}
