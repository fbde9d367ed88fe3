package com.rapport.customer.figures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A period's (or a month's) lifecycle changes and its retention. Retention of a period: of the organisations retained
 * (active or dormant) when its first month began, the share that did not leave the retained stages (become churned,
 * or a prospect again) within it, in basis points rounded down, absent when none was retained then. The number
 * retained at the start is not stored: it is the number retained now less the organisations that joined the retained
 * stages since (won or returned from churned) plus those that left them since, from the monthly counts; the leavers
 * of the period include any that joined within it (so the share is never above 100 % nor below 0).
 */
public record PeriodChanges(String label, long becameDormant, long becameChurned, long won, long returned,
		OptionalInt retentionBp) {

	/**
	 * The months of {@code from..to}, each with its changes and retention, and the period's as the last element.
	 * {@code retainedNow}: the organisations retained now; {@code since}: the changes of every month from {@code from}
	 * to now (months after {@code to} included: they tell how many were retained at the start).
	 */
	static List<PeriodChanges> of(YearMonth from, YearMonth to, long retainedNow, List<LifecycleMonths.Changes> since,
			String periodLabel) {
		List<PeriodChanges> months = new ArrayList<>();
		long netSinceStart = 0; // joined − left over every month from `from` on
		for (LifecycleMonths.Changes change : since) {
			netSinceStart += change.joined() - change.left();
		}
		long retainedAtStart = retainedNow - netSinceStart;
		long retainedAtMonthStart = retainedAtStart;
		LifecycleMonths.Changes period = LifecycleMonths.Changes.none(periodLabel);
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			LifecycleMonths.Changes ofMonth = LifecycleMonths.Changes.none(month.toString());
			for (LifecycleMonths.Changes change : since) {
				if (change.month().equals(month.toString())) {
					ofMonth = ofMonth.add(change);
				}
			}
			months.add(of(ofMonth, month.toString(), retainedAtMonthStart));
			period = period.add(ofMonth);
			retainedAtMonthStart += ofMonth.joined() - ofMonth.left();
		}
		months.add(of(period, periodLabel, retainedAtStart));
		return months;
	}

	private static PeriodChanges of(LifecycleMonths.Changes changes, String label, long retainedAtStart) {
		return new PeriodChanges(label, changes.dormant(), changes.churned(), changes.won(), changes.returned(),
				retention(retainedAtStart, changes.left()));
	}

	static OptionalInt retention(long retainedAtStart, long left) {
		if (retainedAtStart <= 0) {
			return OptionalInt.empty();
		}
		long kept = Math.max(0, retainedAtStart - left);
		return OptionalInt.of((int) (kept * 10_000 / retainedAtStart));
	}
}
