package com.rapport.ordertracking.order.web;

import java.net.URI;

import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderService;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
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

@RestController
@RequestMapping("/api/orders/v1/orders")
@Tag(name = "Orders")
class OrderController {

	private final OrderService orders;

	private final IdempotencyKeys keys;

	OrderController(OrderService orders, IdempotencyKeys keys) {
		this.orders = orders;
		this.keys = keys;
	}

	/**
	 * 201 with the order the first time; the same request with the same Idempotency-Key replays that answer. An
	 * order stored with the key longer ago than the key is kept answers 200 with it.
	 */
	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_orders.write')")
	@Operation(operationId = "createOrder", summary = "Submit an order",
			description = "The organisation's order with its lines, promised date and first milestones. The same "
					+ "request with the same Idempotency-Key replays the first answer.",
			responses = {
					@ApiResponse(responseCode = "201", description = "The order, stored; its address in Location",
							content = @Content(schema = @Schema(implementation = OrderView.class))),
					@ApiResponse(responseCode = "200", description = "The order was stored before under this key",
							content = @Content(schema = @Schema(implementation = OrderView.class))) })
	ResponseEntity<?> submit(@Valid @RequestBody OrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, HttpServletRequest http) {
		return keys.once(http, idempotencyKey, request, () -> {
			OrderService.Submission submission = orders.submit(Caller.current(), request.toNewOrder(), idempotencyKey);
			OrderView view = OrderView.of(submission.order());
			if (!submission.created()) {
				return ResponseEntity.ok(view);
			}
			return ResponseEntity.created(URI.create("/api/orders/v1/orders/" + view.id())).body(view);
		});
	}

	@GetMapping
	@Operation(operationId = "listOrders", summary = "List orders",
			description = "An organisation's orders (customerId), newest first, a page at a time.")
	@PreAuthorize("hasAuthority('SCOPE_orders.read') or hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal')")
	OrderView.PageView list(@RequestParam(required = false) String customerId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page<Order> result = orders.list(Caller.current(), customerId, page, size);
		return new OrderView.PageView(result.getContent().stream().map(OrderView::of).toList(), result.getNumber(),
				result.getSize(), result.getTotalElements());
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getOrder", summary = "Read an order", description = "One order by its id, with its milestones.")
	@PreAuthorize("hasAuthority('SCOPE_orders.read') or hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal')")
	OrderView get(@PathVariable String id) {
		return OrderView.of(orders.get(Caller.current(), id));
	}
}
