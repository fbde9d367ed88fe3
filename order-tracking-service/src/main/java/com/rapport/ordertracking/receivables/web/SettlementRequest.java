package com.rapport.ordertracking.receivables.web;

import com.rapport.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/v1/invoices/{invoiceNumber}/settlement}: paid or credited. */
record SettlementRequest(@NotBlank @Size(max = 64) @PlainText String customerId, @NotNull Outcome outcome) {

	enum Outcome {
		PAID, CREDITED
	}
}
