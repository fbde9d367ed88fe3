package com.rapport.ordertracking.order.web;

import java.net.URI;

import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderService;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import jakarta.validation.Valid;

import java.util.regex.Pattern;

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
class OrderController {

	/** Visible ASCII only: a key travels in headers and logs, where other bytes are read differently by each hop. */
	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	/** 201 with the order the first time; 200 with the same order when the Idempotency-Key repeats. */
	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_orders.write')")
	ResponseEntity<OrderView> submit(@Valid @RequestBody OrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw UnprocessableException.field(Message.of("orders.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("orders.idempotency-key.format"));
		}
		OrderService.Submission submission = orders.submit(Caller.current(), request.toNewOrder(), idempotencyKey);
		OrderView view = OrderView.of(submission.order());
		if (!submission.created()) {
			return ResponseEntity.ok(view);
		}
		return ResponseEntity.created(URI.create("/api/orders/v1/orders/" + view.id())).body(view);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_orders.read') or hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal')")
	OrderView.PageView list(@RequestParam(required = false) String customerId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page<Order> result = orders.list(Caller.current(), customerId, page, size);
		return new OrderView.PageView(result.getContent().stream().map(OrderView::of).toList(), result.getNumber(),
				result.getSize(), result.getTotalElements());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_orders.read') or hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal')")
	OrderView get(@PathVariable String id) {
		return OrderView.of(orders.get(Caller.current(), id));
	}
}
