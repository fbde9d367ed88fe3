package com.rapport.ordertracking.receivables.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import com.rapport.ordertracking.order.Money;
import com.rapport.ordertracking.receivables.NewInvoice;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/v1/invoices}. */
record InvoiceRequest(@NotBlank @Size(max = 64) @PlainText String customerId,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
				message = "{invoices.invoice-number.format}") String invoiceNumber,
		@Size(max = 64) @PlainText String orderNumber, @NotNull @Valid AmountRequest amount, @NotNull LocalDate dueDate) {

	NewInvoice toNewInvoice() {
		return new NewInvoice(customerId.trim(), invoiceNumber.trim(),
				orderNumber == null || orderNumber.isBlank() ? null : orderNumber.trim(), amount.toMoney(), dueDate);
	}

	/** As an order's total: a decimal in the currency's unit, stored as minor units. */
	record AmountRequest(@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "{orders.currency.format}") String currency,
			@NotNull @DecimalMin(value = "0", inclusive = false, message = "{invoices.amount.positive}")
			@DecimalMax(value = "1000000000000000", inclusive = false, message = "{orders.amount.too-large}") BigDecimal amount) {

		Money toMoney() {
			Currency known;
			try {
				known = Currency.getInstance(currency);
			}
			catch (IllegalArgumentException ex) {
				throw UnprocessableException.field(Message.of("orders.currency.unknown"), "amount.currency",
						Message.of("orders.currency.not-iso"));
			}
			int digits = Math.max(known.getDefaultFractionDigits(), 0);
			if (amount.stripTrailingZeros().scale() > digits) {
				throw UnprocessableException.field(Message.of("orders.amount.too-many-decimals"), "amount.amount",
						Message.of("orders.amount.decimals", currency, digits));
			}
			return Money.of(known, amount.setScale(digits));
		}
	}
}
