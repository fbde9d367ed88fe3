package com.rapport.customer.growth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.rapport.customer.tiering.Rfm;
import com.rapport.customer.tiering.TieringProperties;

/**
 * What an organisation is worth over the whole relationship, with the inputs of the projection kept beside it.
 * <p>
 * The model (README "Lifetime value"): <b>historical value</b> is the sum of its delivered orders of all time in
 * the base currency (converted at the tiering rates; an order without a rate or amount counts as an order but
 * adds no value); <b>average order value</b> is that sum over the orders that have a value; <b>orders per
 * year</b> is the delivered orders over the years from the first delivery to now, a history shorter than a
 * year counting as one year (so one order, or two in the first week, are not extrapolated to dozens a year);
 * <b>projected value</b> = average order value × orders per year × expected lifespan (× margin when one is
 * configured). Without any delivered order everything is zero.
 *
 * @param observedDays whole days from the first delivered order to {@code computedAt} (0 without any)
 */
public record LifetimeValue(String currency, BigDecimal historicalValue, int deliveredOrders, int ordersWithoutValue,
		BigDecimal averageOrderValue, BigDecimal ordersPerYear, int observedDays, BigDecimal lifespanYears,
		BigDecimal margin, BigDecimal projectedValue, Instant firstOrderAt, Instant lastOrderAt, Instant computedAt) {

	private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");

	/** The value of these delivered orders at {@code now}; orders after {@code now} are left out. */
	public static LifetimeValue of(Collection<Rfm.Order> delivered, Instant now, TieringProperties rates,
			GrowthProperties growth) {
		BigDecimal historical = BigDecimal.ZERO;
		int orders = 0;
		int withoutValue = 0;
		Instant first = null;
		Instant last = null;
		for (Rfm.Order order : delivered) {
			if (order.placedAt() == null || order.placedAt().isAfter(now)) {
				continue;
			}
			orders++;
			first = first == null || order.placedAt().isBefore(first) ? order.placedAt() : first;
			last = last == null || order.placedAt().isAfter(last) ? order.placedAt() : last;
			BigDecimal amount = order.amountMinorUnits() == null ? null : Rfm.inBaseCurrency(order, rates);
			if (amount == null) {
				withoutValue++;
			}
			else {
				historical = historical.add(amount);
			}
		}
		int valued = orders - withoutValue;
		BigDecimal average = valued == 0 ? BigDecimal.ZERO : historical.divide(BigDecimal.valueOf(valued), 2,
				RoundingMode.HALF_EVEN);
		int observed = first == null ? 0 : (int) Math.max(0, Duration.between(first, now).toDays());
		BigDecimal years = BigDecimal.valueOf(Math.max(observed, 365)).divide(DAYS_PER_YEAR, 10, RoundingMode.HALF_EVEN);
		BigDecimal perYear = orders == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(orders).divide(years, 10, RoundingMode.HALF_EVEN);
		BigDecimal projected = average.multiply(perYear).multiply(growth.lifespanYears());
		if (growth.margin() != null) {
			projected = projected.multiply(growth.margin());
		}
		return new LifetimeValue(rates.baseCurrency(), historical.setScale(2, RoundingMode.HALF_EVEN), orders,
				withoutValue, average, perYear.setScale(2, RoundingMode.HALF_EVEN), observed, growth.lifespanYears(),
				growth.margin(), projected.setScale(2, RoundingMode.HALF_EVEN), first, last, now);
	}

	/** The year (UTC) of the first delivered order, {@code null} without any: the organisation's cohort. */
	public Integer cohort() {
		return firstOrderAt == null ? null : firstOrderAt.atZone(java.time.ZoneOffset.UTC).getYear();
	}
}
