package com.rapport.ordertracking.order;

import java.time.LocalDate;

/** Why an order is late and what the customer is offered, as staff or the partner record it. */
public record DelayReport(String reason, Delay.Remedy remedy, String remedyNote, LocalDate newDate) {
}
