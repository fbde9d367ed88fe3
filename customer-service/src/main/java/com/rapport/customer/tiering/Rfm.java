package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;

import com.rapport.customer.timeline.Interaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recency, frequency and monetary value of an organisation at a moment.
 *
 * @param latestOrderAt when the latest order of all time was placed, {@code null} without any
 * @param recencyDays   whole days since then, {@code null} without any order
 * @param frequency     orders placed within the window
 * @param monetary      their amounts summed in {@code currency} (the base currency), two decimals
 * @param totalOrders   orders of all time (first purchase or repeat)
 */
public record Rfm(Instant latestOrderAt, Integer recencyDays, int frequency, BigDecimal monetary, String currency,
		long totalOrders) {

	private static final Logger log = LoggerFactory.getLogger(Rfm.class);

	/** One placed order as the timeline holds it. */
	public record Order(String reference, Instant placedAt, String currency, String amountMinorUnits) {

		/** The order an order interaction of the timeline tells of (its reference, else its event id). */
		public static Order of(Interaction interaction) {
			return new Order(interaction.reference() != null ? interaction.reference() : interaction.eventId(),
					interaction.occurredAt(), interaction.attributes().get("currency"),
					interaction.attributes().get("amount_minor_units"));
		}
	}

	/**
	 * @param ordersInWindow orders placed at or after {@code now - window} (later ones are ignored too)
	 * @param latestOrderAt  the latest order of all time, which may lie before the window
	 */
	public static Rfm of(Collection<Order> ordersInWindow, Instant latestOrderAt, long totalOrders, Instant now,
			TieringProperties properties) {
		Instant from = now.minus(properties.window());
		int frequency = 0;
		BigDecimal monetary = BigDecimal.ZERO;
		for (Order order : ordersInWindow) {
			if (order.placedAt().isBefore(from) || order.placedAt().isAfter(now)) {
				continue;
			}
			frequency++;
			BigDecimal amount = inBaseCurrency(order, properties);
			if (amount != null) {
				monetary = monetary.add(amount);
			}
		}
		Integer recency = latestOrderAt == null ? null
				: (int) Math.max(0, Duration.between(latestOrderAt, now).toDays());
		return new Rfm(latestOrderAt, recency, frequency, monetary.setScale(2, RoundingMode.HALF_EVEN),
				properties.baseCurrency(), Math.max(totalOrders, frequency));
	}

	/** The amount in the base currency, or {@code null} (logged) when it cannot be converted. */
	public static BigDecimal inBaseCurrency(Order order, TieringProperties properties) {
		String code = order.currency() == null ? "" : order.currency().strip().toUpperCase(Locale.ROOT);
		BigDecimal rate = code.equals(properties.baseCurrency()) ? BigDecimal.ONE : properties.rates().get(code);
		if (rate == null) {
			log.warn("Order {} is in {}, which has no conversion rate to {}: left out of the monetary value",
					order.reference(), code.isEmpty() ? "no currency" : code, properties.baseCurrency());
			return null;
		}
		BigDecimal minor;
		int digits;
		try {
			minor = new BigDecimal(order.amountMinorUnits().strip());
			digits = Currency.getInstance(code).getDefaultFractionDigits();
		}
		catch (RuntimeException ex) {
			log.warn("Order {} has no readable amount ({} {}): left out of the monetary value", order.reference(),
					code, order.amountMinorUnits());
			return null;
		}
		return minor.movePointLeft(Math.max(digits, 0)).multiply(rate);
	}
}
