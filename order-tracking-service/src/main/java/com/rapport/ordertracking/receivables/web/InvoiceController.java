package com.rapport.ordertracking.receivables.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.rapport.ordertracking.idempotency.IdempotentRequests;
import com.rapport.ordertracking.receivables.Invoice;
import com.rapport.ordertracking.receivables.InvoiceBook;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

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
 * Partner systems push their invoices (scope {@code orders.write}), and later say they were paid or credited. Every
 * write takes an {@code Idempotency-Key} under the order API's rule ({@link IdempotentRequests}).
 */
@RestController
@RequestMapping("/api/orders/v1/invoices")
@PreAuthorize("hasAuthority('SCOPE_orders.write')")
@Tag(name = "Invoices")
class InvoiceController {

	private static final String KEY = "Idempotency-Key";

	/** Visible ASCII only, as for orders. */
	private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final InvoiceBook invoices;

	private final IdempotentRequests requests;

	private final JsonMapper json;

	InvoiceController(InvoiceBook invoices, IdempotentRequests requests, JsonMapper json) {
		this.invoices = invoices;
		this.requests = requests;
		this.json = json;
	}

	@PostMapping
	@Operation(operationId = "submitInvoice", summary = "Submit an invoice",
			description = "An invoice of an organisation (its number, order, amount and due date); its contacts are "
					+ "reminded gently as it falls due. The same invoice again changes nothing.",
			responses = {
					@ApiResponse(responseCode = "201", description = "The invoice, stored",
							content = @Content(schema = @Schema(implementation = InvoiceView.class))),
					@ApiResponse(responseCode = "200", description = "The same invoice was stored before; nothing changed",
							content = @Content(schema = @Schema(implementation = InvoiceView.class))) })
	ResponseEntity<?> submit(@Valid @RequestBody InvoiceRequest request,
			@RequestHeader(name = KEY, required = false) String key, HttpServletRequest http) {
		return once(http, key, request, () -> {
			var submission = invoices.submit(Caller.current(), request.toNewInvoice());
			InvoiceView view = InvoiceView.of(submission.invoice());
			if (!submission.created()) {
				return ResponseEntity.ok(view);
			}
			return ResponseEntity.created(URI.create("/api/orders/v1/invoices/"
					+ URLEncoder.encode(view.invoiceNumber(), StandardCharsets.UTF_8))).body(view);
		});
	}

	@PostMapping("/{invoiceNumber}/settlement")
	@Operation(operationId = "settleInvoice", summary = "Mark an invoice paid or credited",
			description = "Ends the invoice's reminders. The same outcome again changes nothing.",
			responses = @ApiResponse(responseCode = "200", description = "The invoice, settled",
					content = @Content(schema = @Schema(implementation = InvoiceView.class))))
	ResponseEntity<?> settle(@PathVariable String invoiceNumber, @Valid @RequestBody SettlementRequest request,
			@RequestHeader(name = KEY, required = false) String key, HttpServletRequest http) {
		return once(http, key, request, () -> ResponseEntity.ok(InvoiceView.of(invoices.settle(Caller.current(),
				request.customerId().trim(), invoiceNumber, Invoice.Status.valueOf(request.outcome().name())))));
	}

	private ResponseEntity<?> once(HttpServletRequest http, String key, Object body,
			java.util.function.Supplier<ResponseEntity<?>> write) {
		if (key != null && !KEY_FORMAT.matcher(key).matches()) {
			throw UnprocessableException.field(Message.of("orders.idempotency-key.invalid"), KEY,
					Message.of("orders.idempotency-key.format"));
		}
		String request = http.getMethod() + " " + http.getRequestURI() + "\n" + json.writeValueAsString(body);
		return requests.run(Caller.current().name(), key, request, write);
	}
}
