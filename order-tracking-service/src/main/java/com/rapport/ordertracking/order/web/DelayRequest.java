package com.rapport.ordertracking.order.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import com.rapport.ordertracking.order.Delay;
import com.rapport.ordertracking.order.DelayReport;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/orders/v1/orders/{orderNumber}/delay}: why, and what the customer is offered
 * ({@code PARTIAL_SHIPMENT}, {@code DISCOUNT}, {@code SUBSTITUTE}, {@code EXPEDITED_SHIPPING}, {@code NEW_DATE}, the
 * last with its {@code newDate}).
 */
record DelayRequest(@NotBlank @Size(max = 64) @PlainText String customerId,
		@NotBlank @Size(max = 500) @PlainText String reason, @NotBlank @Size(max = 40) String remedy,
		@Size(max = 500) @PlainText String remedyNote, LocalDate newDate) {

	DelayReport toReport() {
		Delay.Remedy known = Arrays.stream(Delay.Remedy.values())
			.filter(r -> r.name().equals(remedy.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')))
			.findFirst()
			.orElseThrow(() -> UnprocessableException.field(Message.of("orders.delay.unknown-remedy", remedy), "remedy",
					Message.of("orders.delay.remedy")));
		if (known == Delay.Remedy.NEW_DATE && newDate == null) {
			throw UnprocessableException.field(Message.of("orders.delay.new-date-missing"), "newDate",
					Message.of("field.required"));
		}
		return new DelayReport(reason, known, remedyNote, newDate);
	}
}
