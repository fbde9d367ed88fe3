package com.rapport.ordertracking.receivables.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.rapport.ordertracking.receivables.Invoice;
import io.swagger.v3.oas.annotations.media.Schema;

/** An invoice as the partner API shows it. */
@Schema(name = "Invoice")
record InvoiceView(String id, String customerId, String invoiceNumber, String orderNumber, AmountView amount,
		LocalDate dueDate, String status, Instant receivedAt, Instant settledAt) {

	static InvoiceView of(Invoice invoice) {
		return new InvoiceView(invoice.id(), invoice.customerId(), invoice.invoiceNumber(), invoice.orderNumber(),
				new AmountView(invoice.amount().currency(), invoice.amount().amount()), invoice.dueDate(),
				invoice.status().name(), invoice.receivedAt(), invoice.settledAt());
	}

	@Schema(name = "InvoiceAmount")
	record AmountView(String currency, BigDecimal amount) {
	}
}
