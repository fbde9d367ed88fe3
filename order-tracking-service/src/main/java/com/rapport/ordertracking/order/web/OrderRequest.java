package com.rapport.ordertracking.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Money;
import com.rapport.ordertracking.order.NewOrder;
import com.rapport.ordertracking.order.OrderLine;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import com.rapport.support.validation.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders/v1/orders}. */
record OrderRequest(@NotBlank @Size(max = 64) @PlainText String customerId,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
				message = "{orders.order-number.format}") String orderNumber,
		Instant placedAt, LocalDate promisedDate, @Valid MoneyRequest total,
		@Size(max = 500) List<@Valid @NotNull LineRequest> lines,
		@Size(max = 50) List<@Valid @NotNull MilestoneRequest> milestones) {

	NewOrder toNewOrder() {
		return new NewOrder(customerId.trim(), orderNumber.trim(), placedAt, promisedDate,
				total == null ? null : total.toMoney(),
				lines == null ? List.of() : lines.stream().map(LineRequest::toLine).toList(),
				milestones == null ? List.of() : milestones.stream().map(MilestoneRequest::toMilestone).toList());
	}

	record MoneyRequest(@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "{orders.currency.format}") String currency,
			@NotNull @DecimalMin(value = "0", message = "{field.not-negative}")
			@DecimalMax(value = "1000000000000000", inclusive = false, message = "{orders.amount.too-large}") BigDecimal amount) {

		/** Checked after the field rules: the currency must exist and the amount fit its minor unit. */
		Money toMoney() {
			Currency known;
			try {
				known = Currency.getInstance(currency);
			}
			catch (IllegalArgumentException ex) {
				throw UnprocessableException.field(Message.of("orders.currency.unknown"), "total.currency",
						Message.of("orders.currency.not-iso"));
			}
			if (amount.stripTrailingZeros().scale() > Math.max(known.getDefaultFractionDigits(), 0)) {
				throw UnprocessableException.field(Message.of("orders.amount.too-many-decimals"), "total.amount",
						Message.of("orders.amount.decimals", currency, known.getDefaultFractionDigits()));
			}
			return Money.of(known, amount.setScale(Math.max(known.getDefaultFractionDigits(), 0)));
		}
	}

	record LineRequest(@NotBlank @Size(max = 64) @PlainText String sku, @Size(max = 200) @PlainText String description,
			@Positive int quantity) {

		OrderLine toLine() {
			return new OrderLine(sku, description, quantity);
		}
	}

	@Schema(name = "FirstMilestone", description = "A milestone the order already passed when it is submitted")
	record MilestoneRequest(@NotNull MilestoneCode code, @NotNull Instant occurredAt, @Size(max = 500) @PlainText(multiline = true) String note) {

		Milestone toMilestone() {
			return new Milestone(code, occurredAt, note);
		}
	}
}
