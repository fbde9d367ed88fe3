package com.rapport.ordertracking.order.web;

import com.rapport.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/v1/orders/{orderNumber}/cancellation}. */
record CancellationRequest(@NotBlank @Size(max = 64) @PlainText String customerId,
		@NotBlank @Size(max = 500) @PlainText String reason) {
}
