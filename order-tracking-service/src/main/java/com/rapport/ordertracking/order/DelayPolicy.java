package com.rapport.ordertracking.order;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When an order is at risk. Judged on every write (an ETA past the promised date, a promised date gone by) and
 * by {@link DelayDetector} on a schedule (no progress for longer than the stage allows). A risk noticed by itself
 * and not explained yet goes away when its cause does (the ETA moves back, a milestone arrives); once staff or
 * the partner have given a reason it stays, as the customer was told of it, until the order is delivered or
 * cancelled.
 */
final class DelayPolicy {

	private DelayPolicy() {
	}

	/** The delay {@code order} has after a write at {@code now}, {@code today} being the business day. */
	static Delay assess(Order order, Instant now, LocalDate today, boolean progressed) {
		Delay delay = order.delay();
		if (!order.open()) {
			return delay;
		}
		if (delay != null && !delay.explained()) {
			boolean gone = switch (delay.cause()) {
				case ETA_PAST_PROMISE -> !etaPastPromise(order);
				case NO_PROGRESS -> progressed;
				case PROMISE_PASSED -> order.promisedDate() == null || !today.isAfter(order.promisedDate());
				case REPORTED -> false;
			};
			delay = gone ? null : delay;
		}
		if (delay == null) {
			if (etaPastPromise(order)) {
				return Delay.detected(Delay.Cause.ETA_PAST_PROMISE, now);
			}
			if (order.promisedDate() != null && today.isAfter(order.promisedDate())) {
				return Delay.detected(Delay.Cause.PROMISE_PASSED, now);
			}
		}
		return delay;
	}

	private static boolean etaPastPromise(Order order) {
		return order.eta() != null && order.promisedDate() != null && order.eta().isAfter(order.promisedDate());
	}
}
