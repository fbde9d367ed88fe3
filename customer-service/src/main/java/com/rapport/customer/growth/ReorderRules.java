package com.rapport.customer.growth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When an organisation will order a product again (README "Reorder prediction"): for each SKU it ordered at least
 * {@value #MIN_ORDERS} times, the intervals between those orders; when they are regular (their standard deviation
 * at most half their mean), the next order is expected the median interval after the latest one, and it is due
 * once that date is at most {@code leadDays} away (or past). Irregular buyers get no prediction.
 */
public final class ReorderRules {

	static final int MIN_ORDERS = 3;

	private ReorderRules() {
	}

	/** One product on one order. */
	public record Line(Instant placedAt, String sku, String description, int quantity) {
	}

	public static List<Reorder> predict(Collection<Line> lines, Instant now, int leadDays) {
		Map<String, List<Line>> bySku = new LinkedHashMap<>();
		lines.stream()
			.filter(l -> l.sku() != null && !l.sku().isBlank() && l.placedAt() != null && !l.placedAt().isAfter(now))
			.sorted(Comparator.comparing(Line::placedAt))
			.forEach(l -> bySku.computeIfAbsent(l.sku().strip(), k -> new ArrayList<>()).add(l));
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		List<Reorder> reorders = new ArrayList<>();
		bySku.forEach((sku, ordered) -> {
			List<LocalDate> days = ordered.stream().map(l -> l.placedAt().atZone(ZoneOffset.UTC).toLocalDate())
				.distinct().toList();
			if (days.size() < MIN_ORDERS) {
				return;
			}
			List<Long> intervals = new ArrayList<>();
			for (int i = 1; i < days.size(); i++) {
				intervals.add(Duration.between(days.get(i - 1).atStartOfDay(), days.get(i).atStartOfDay()).toDays());
			}
			double mean = intervals.stream().mapToLong(Long::longValue).average().orElse(0);
			double variance = intervals.stream().mapToDouble(i -> (i - mean) * (i - mean)).sum() / intervals.size();
			if (mean <= 0 || Math.sqrt(variance) > mean / 2) {
				return; // irregular: no prediction
			}
			List<Long> sorted = intervals.stream().sorted().toList();
			long usual = sorted.get(sorted.size() / 2);
			Line last = ordered.get(ordered.size() - 1);
			LocalDate lastDay = days.get(days.size() - 1);
			LocalDate expected = lastDay.plusDays(usual);
			reorders.add(new Reorder(sku, last.description(), expected, (int) usual, days.size(), lastDay,
					last.quantity(), !expected.minusDays(leadDays).isAfter(today)));
		});
		reorders.sort(Comparator.comparing(Reorder::expectedOn).thenComparing(Reorder::sku));
		return reorders;
	}
}
