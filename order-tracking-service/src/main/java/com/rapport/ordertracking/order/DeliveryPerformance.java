package com.rapport.ordertracking.order;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/**
 * How an organisation's orders are delivered: of the orders delivered in a window, how many on or before their
 * promised date; of the orders still in progress, which are past it. A promised date is a date of the
 * supplier's calendar, so a delivery's instant is turned into a date in the business time zone before the two
 * are compared, and "today" is that zone's today. Orders without a promised date are counted as delivered or in
 * progress but never as on time or late. An order is in progress until a {@code DELIVERED} milestone, whatever
 * happened before (an {@code EXCEPTION} included), unless it is cancelled first: a cancelled order counts nowhere.
 *
 * @param deliveredWithPromisedDate the deliveries in the window the on-time rate is about
 * @param lateOrders                the late orders in progress, newest first, at most {@link #MAX_LATE_ORDERS}
 */
public record DeliveryPerformance(String customerId, Window window, ZoneId timeZone, LocalDate today, int delivered,
		int deliveredWithPromisedDate, int deliveredOnTime, int inProgress, int inProgressLate,
		List<LateOrder> lateOrders) {

	/** The console shows a short list; the count says how many there are in all. */
	public static final int MAX_LATE_ORDERS = 20;

	public DeliveryPerformance {
		lateOrders = List.copyOf(lateOrders);
	}

	/** Deliveries from {@code from} (inclusive) to {@code before} (exclusive). */
	public record Window(Instant from, Instant before) {

		/** A year, as the tiering looks back (customer-service's {@code rapport.tiering.window}). */
		public static final Duration DEFAULT_LENGTH = Duration.ofDays(365);

		public Window {
			if (!from.isBefore(before)) {
				throw UnprocessableException.field(Message.of("orders.window.empty"), "deliveredFrom",
						Message.of("orders.window.from-before"));
			}
		}

		/** The window asked for, an end left out being now and a start left out a year before the end. */
		public static Window of(Instant from, Instant before, Instant now) {
			Instant end = before == null ? now : before;
			return new Window(from == null ? end.minus(DEFAULT_LENGTH) : from, end);
		}

		boolean contains(Instant instant) {
			return !instant.isBefore(from) && instant.isBefore(before);
		}
	}

	/** An order in progress past its promised date; {@code daysLate} is 1 on the day after it. */
	public record LateOrder(String orderId, String orderNumber, Instant placedAt, LocalDate promisedDate,
			long daysLate, MilestoneCode status) {
	}

	/**
	 * The figures of the given orders (the organisation's orders in progress and those delivered in the window;
	 * others are left out) at {@code now}.
	 */
	public static DeliveryPerformance of(String customerId, Collection<Order> orders, Window window, ZoneId timeZone,
			Instant now) {
		LocalDate today = LocalDate.ofInstant(now, timeZone);
		int delivered = 0;
		int withPromisedDate = 0;
		int onTime = 0;
		int inProgress = 0;
		List<LateOrder> late = new ArrayList<>();
		for (Order order : orders) {
			LocalDate promised = order.promisedDate();
			if (order.deliveredAt() != null) {
				if (!window.contains(order.deliveredAt())) {
					continue;
				}
				delivered++;
				if (promised != null) {
					withPromisedDate++;
					if (!LocalDate.ofInstant(order.deliveredAt(), timeZone).isAfter(promised)) {
						onTime++;
					}
				}
			}
			else if (!order.cancelled()) {
				inProgress++;
				if (promised != null && today.isAfter(promised)) {
					late.add(new LateOrder(order.id(), order.orderNumber(), order.placedAt(), promised,
							ChronoUnit.DAYS.between(promised, today), order.status()));
				}
			}
		}
		int inProgressLate = late.size();
		List<LateOrder> newestLate = late.stream()
			.sorted(Comparator.comparing(LateOrder::placedAt).reversed().thenComparing(LateOrder::orderId))
			.limit(MAX_LATE_ORDERS).toList();
		return new DeliveryPerformance(customerId, window, timeZone, today, delivered, withPromisedDate, onTime,
				inProgress, inProgressLate, newestLate);
	}

	/**
	 * On time out of the deliveries with a promised date, in basis points (9231 is 92.31 %), rounded down so that
	 * 10000 means every one; empty when there were none, which is no figure rather than 100 %.
	 */
	public OptionalInt onTimeRateBasisPoints() {
		if (deliveredWithPromisedDate == 0) {
			return OptionalInt.empty();
		}
		return OptionalInt.of((int) (deliveredOnTime * 10_000L / deliveredWithPromisedDate));
	}
}
