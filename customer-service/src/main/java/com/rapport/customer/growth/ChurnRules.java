package com.rapport.customer.growth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.rapport.customer.tiering.Rfm;
import com.rapport.customer.tiering.TieringProperties;

/**
 * The churn-risk score (README "Churn risk"): points for each warning sign, at most 100, each with its reason.
 * <ul>
 * <li>{@code growth.risk.rhythm}: from the third order on, the days since the latest order against the
 * organisation's own usual interval (the median of the intervals between its orders): {@value #RHYTHM_LATE}
 * points from 1.5 times it, {@value #RHYTHM_OVERDUE} from twice;</li>
 * <li>{@code growth.risk.fewer-orders}: fewer than half as many orders in the last 180 days as in the 180 before
 * (at least 3 then): {@value #FEWER_ORDERS};</li>
 * <li>{@code growth.risk.value-shrinking}: from six orders with a value, the average of the latest three below
 * 70 % of the average of up to twelve before them: {@value #VALUE_SHRINKING};</li>
 * <li>{@code growth.risk.complaints}: {@value #PER_COMPLAINT} a open complaint, at most
 * {@value #MAX_COMPLAINTS}; {@code growth.risk.breached}: any open ticket overdue: {@value #BREACHED};</li>
 * <li>{@code growth.risk.csat-low}: under half of the window's CSAT answers satisfied; {@code growth.risk.nps-negative}:
 * an NPS below zero: {@value #SCORES} each;</li>
 * <li>{@code growth.risk.unanswered-reminders}: {@value #PER_UNANSWERED} a reorder reminder mailed at least
 * {@value #ANSWER_DAYS} days ago with no order placed since it was mailed, at most {@value #MAX_UNANSWERED};</li>
 * <li>{@code growth.risk.tickets-unknown}, {@code growth.risk.scores-unknown}: 0 points, saying that part could
 * not be read, and {@code growth.risk.no-orders}: nothing to judge the rhythm by.</li>
 * </ul>
 */
public final class ChurnRules {

	static final int RHYTHM_LATE = 20;

	static final int RHYTHM_OVERDUE = 40;

	static final int FEWER_ORDERS = 20;

	static final int VALUE_SHRINKING = 20;

	static final int PER_COMPLAINT = 15;

	static final int MAX_COMPLAINTS = 30;

	static final int BREACHED = 20;

	static final int SCORES = 15;

	static final int PER_UNANSWERED = 10;

	static final int MAX_UNANSWERED = 20;

	/** How long a reminded customer has to order before the reminder counts as unanswered. */
	public static final int ANSWER_DAYS = 14;

	private static final Duration HALF_YEAR = Duration.ofDays(180);

	private ChurnRules() {
	}

	public static ChurnRisk assess(Collection<Rfm.Order> placed, SupportFacts facts, Instant now,
			TieringProperties rates, int threshold) {
		return assess(placed, facts, List.of(), now, rates, threshold);
	}

	/**
	 * @param remindersMailed when each reorder reminder of the organisation was mailed (any time; those younger than
	 *                        {@value #ANSWER_DAYS} days do not count yet)
	 */
	public static ChurnRisk assess(Collection<Rfm.Order> placed, SupportFacts facts, Collection<Instant> remindersMailed,
			Instant now, TieringProperties rates, int threshold) {
		List<Rfm.Order> orders = placed.stream()
			.filter(o -> o.placedAt() != null && !o.placedAt().isAfter(now))
			.sorted(Comparator.comparing(Rfm.Order::placedAt))
			.toList();
		List<RiskReason> reasons = new ArrayList<>();
		if (orders.isEmpty()) {
			reasons.add(new RiskReason("growth.risk.no-orders", List.of(), 0));
		}
		rhythm(orders, now, reasons);
		fewerOrders(orders, now, reasons);
		shrinkingValue(orders, rates, reasons);
		unansweredReminders(orders, remindersMailed, now, reasons);
		support(facts == null ? SupportFacts.UNKNOWN : facts, reasons);
		int score = Math.min(100, reasons.stream().mapToInt(RiskReason::points).sum());
		return new ChurnRisk(score, threshold, reasons, now);
	}

	private static void rhythm(List<Rfm.Order> orders, Instant now, List<RiskReason> reasons) {
		if (orders.size() < 3) {
			return;
		}
		List<Long> intervals = new ArrayList<>();
		for (int i = 1; i < orders.size(); i++) {
			intervals.add(Duration.between(orders.get(i - 1).placedAt(), orders.get(i).placedAt()).toDays());
		}
		intervals.sort(null);
		long usual = Math.max(1, intervals.get(intervals.size() / 2));
		long since = Duration.between(orders.get(orders.size() - 1).placedAt(), now).toDays();
		int points = since >= 2 * usual ? RHYTHM_OVERDUE : since * 2 >= 3 * usual ? RHYTHM_LATE : 0;
		if (points > 0) {
			reasons.add(new RiskReason("growth.risk.rhythm", List.of(Long.toString(since), Long.toString(usual)), points));
		}
	}

	private static void fewerOrders(List<Rfm.Order> orders, Instant now, List<RiskReason> reasons) {
		Instant half = now.minus(HALF_YEAR);
		Instant year = half.minus(HALF_YEAR);
		long recent = orders.stream().filter(o -> !o.placedAt().isBefore(half)).count();
		long before = orders.stream().filter(o -> !o.placedAt().isBefore(year) && o.placedAt().isBefore(half)).count();
		if (before >= 3 && recent * 2 < before) {
			reasons.add(new RiskReason("growth.risk.fewer-orders",
					List.of(Long.toString(recent), Long.toString(before)), FEWER_ORDERS));
		}
	}

	private static void shrinkingValue(List<Rfm.Order> orders, TieringProperties rates, List<RiskReason> reasons) {
		List<BigDecimal> values = orders.stream()
			.map(o -> o.amountMinorUnits() == null ? null : Rfm.inBaseCurrency(o, rates))
			.filter(v -> v != null)
			.toList();
		if (values.size() < 6) {
			return;
		}
		List<BigDecimal> latest = values.subList(values.size() - 3, values.size());
		List<BigDecimal> earlier = values.subList(Math.max(0, values.size() - 15), values.size() - 3);
		BigDecimal recentAverage = average(latest);
		BigDecimal earlierAverage = average(earlier);
		if (earlierAverage.signum() > 0
				&& recentAverage.compareTo(earlierAverage.multiply(new BigDecimal("0.7"))) < 0) {
			int drop = BigDecimal.ONE.subtract(recentAverage.divide(earlierAverage, 4, RoundingMode.HALF_EVEN))
				.movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).intValue();
			reasons.add(new RiskReason("growth.risk.value-shrinking", List.of(Integer.toString(drop),
					rates.baseCurrency(), recentAverage.toPlainString(), earlierAverage.toPlainString()), VALUE_SHRINKING));
		}
	}

	private static void unansweredReminders(List<Rfm.Order> orders, Collection<Instant> mailed, Instant now,
			List<RiskReason> reasons) {
		Instant answerBy = now.minus(Duration.ofDays(ANSWER_DAYS));
		long unanswered = mailed.stream()
			.filter(at -> !at.isAfter(answerBy))
			.filter(at -> orders.stream().noneMatch(order -> order.placedAt().isAfter(at)))
			.count();
		if (unanswered > 0) {
			reasons.add(new RiskReason("growth.risk.unanswered-reminders", List.of(Long.toString(unanswered)),
					(int) Math.min(MAX_UNANSWERED, PER_UNANSWERED * unanswered)));
		}
	}

	private static BigDecimal average(List<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_EVEN);
	}

	private static void support(SupportFacts facts, List<RiskReason> reasons) {
		if (facts.tickets() == null) {
			reasons.add(new RiskReason("growth.risk.tickets-unknown", List.of(), 0));
		}
		else {
			if (facts.tickets().openComplaints() > 0) {
				reasons.add(new RiskReason("growth.risk.complaints",
						List.of(Integer.toString(facts.tickets().openComplaints())),
						Math.min(MAX_COMPLAINTS, PER_COMPLAINT * facts.tickets().openComplaints())));
			}
			if (facts.tickets().breached() > 0) {
				reasons.add(new RiskReason("growth.risk.breached", List.of(Integer.toString(facts.tickets().breached())),
						BREACHED));
			}
		}
		if (facts.scores() == null) {
			reasons.add(new RiskReason("growth.risk.scores-unknown", List.of(), 0));
			return;
		}
		Integer csat = facts.scores().csatPercentBp();
		if (csat != null && csat < 5000) {
			reasons.add(new RiskReason("growth.risk.csat-low", List.of(Integer.toString(csat / 100)), SCORES));
		}
		Integer nps = facts.scores().nps();
		if (nps != null && nps < 0) {
			reasons.add(new RiskReason("growth.risk.nps-negative", List.of(Integer.toString(nps)), SCORES));
		}
	}
}
