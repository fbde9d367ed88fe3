package com.rapport.ordertracking.order.web;

import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.order.OrderChange;
import com.rapport.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/v1/orders/{orderNumber}/changes}: what changes, the rest left out. */
record OrderChangeRequest(@NotBlank @Size(max = 64) @PlainText String customerId, LocalDate eta,
		LocalDate promisedDate, @Size(max = 500) @PlainText String promisedDateReason,
		@Size(min = 1, max = 500) List<OrderRequest.@Valid @NotNull LineRequest> lines) {

	OrderChange toChange() {
		return new OrderChange(eta, promisedDate, promisedDateReason,
				lines == null ? null : lines.stream().map(OrderRequest.LineRequest::toLine).toList());
	}
}
