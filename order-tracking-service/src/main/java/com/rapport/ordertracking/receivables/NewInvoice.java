package com.rapport.ordertracking.receivables;

import java.time.LocalDate;

import com.rapport.ordertracking.order.Money;

/** An invoice as a partner submits it, checked for form by the adapter. */
public record NewInvoice(String customerId, String invoiceNumber, String orderNumber, Money amount, LocalDate dueDate) {
}
