package com.rapport.customer.growth;

import java.math.BigDecimal;

/**
 * The value of the organisations of one segment.
 *
 * @param key           the segment's value ("VIP", "Retail", "2025"); empty for organisations without one
 * @param customers     those of them with at least one delivered order
 */
public record SegmentValue(String key, int organisations, int customers, BigDecimal historicalValue,
		BigDecimal projectedValue, int deliveredOrders) {

	static SegmentValue empty(String key) {
		return new SegmentValue(key, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0);
	}

	SegmentValue plus(LifetimeValue value) {
		if (value == null) {
			return new SegmentValue(key, organisations + 1, customers, historicalValue, projectedValue, deliveredOrders);
		}
		return new SegmentValue(key, organisations + 1, customers + (value.deliveredOrders() > 0 ? 1 : 0),
				historicalValue.add(value.historicalValue()), projectedValue.add(value.projectedValue()),
				deliveredOrders + value.deliveredOrders());
	}
}
