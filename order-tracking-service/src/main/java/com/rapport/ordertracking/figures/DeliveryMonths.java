package com.rapport.ordertracking.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The deliveries of a period counted month by month (months of the business time zone, where the promised dates are
 * dates): how many were delivered, how many of those had a promised date, how many of those came on or before it.
 * The on-time share is of those with a promised date, in basis points rounded down, absent without any: never 100 %
 * for nothing. Plain: the deliveries are given.
 */
public final class DeliveryMonths {

	private DeliveryMonths() {
	}

	/** One delivered order: whose, when (its first DELIVERED milestone), and the date promised (null: none). */
	public record Delivery(String customerId, Instant deliveredAt, LocalDate promisedDate) {
	}

	/** A month's, a group's or the period's counts. */
	public record Counts(String label, long delivered, long withPromisedDate, long onTime) {

		static Counts empty(String label) {
			return new Counts(label, 0, 0, 0);
		}

		Counts plus(boolean promised, boolean onTimeToo) {
			return new Counts(label, delivered + 1, withPromisedDate + (promised ? 1 : 0), onTime + (onTimeToo ? 1 : 0));
		}

		/** On time out of those with a promised date, basis points rounded down; absent when none had one. */
		public OptionalInt onTimeShareBp() {
			return withPromisedDate == 0 ? OptionalInt.empty() : OptionalInt.of((int) (onTime * 10_000 / withPromisedDate));
		}
	}

	/** A named set of organisations (a tier's, an industry's, a region's). */
	public record Group(String label, Set<String> customerIds) {
	}

	public record Figures(List<Counts> months, Counts total, List<Counts> groups) {
	}

	/**
	 * Counts {@code deliveries} into {@code months} (those outside every month are left out) and into each group its
	 * organisation belongs to.
	 */
	public static Figures of(List<Delivery> deliveries, List<YearMonth> months, ZoneId zone, List<Group> groups) {
		Map<YearMonth, Counts> byMonth = new LinkedHashMap<>();
		months.forEach(month -> byMonth.put(month, Counts.empty(month.toString())));
		Counts total = Counts.empty("");
		List<Counts> groupCounts = new ArrayList<>(groups.stream().map(group -> Counts.empty(group.label())).toList());
		for (Delivery delivery : deliveries) {
			LocalDate day = LocalDate.ofInstant(delivery.deliveredAt(), zone);
			YearMonth month = YearMonth.from(day);
			if (!byMonth.containsKey(month)) {
				continue;
			}
			boolean promised = delivery.promisedDate() != null;
			boolean onTime = promised && !day.isAfter(delivery.promisedDate());
			byMonth.computeIfPresent(month, (key, counts) -> counts.plus(promised, onTime));
			total = total.plus(promised, onTime);
			for (int i = 0; i < groups.size(); i++) {
				if (groups.get(i).customerIds().contains(delivery.customerId())) {
					groupCounts.set(i, groupCounts.get(i).plus(promised, onTime));
				}
			}
		}
		return new Figures(List.copyOf(byMonth.values()), total, List.copyOf(groupCounts));
	}
}
