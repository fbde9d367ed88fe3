package com.rapport.feedback.rollup;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.MonthRange;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The dashboard's survey figures, read from the monthly roll-ups ({@link Rollups}): every organisation's by the ids
 * of the {@value Rollup#ALL} roll-ups (three a month), some organisations' by the index {@code customer_month}.
 * Managers and admins read every organisation's (the KPI dashboards are theirs, ARCHITECTURE.md); a customer contact
 * its own organisation's alone, for its scorecard in the portal.
 */
@Service
public class FeedbackFigures {

	/** The longest period one call covers. */
	public static final int MAX_MONTHS = 24;

	/** The most organisations one call names, in its filter and groups together. */
	public static final int MAX_ORGANISATIONS = 5000;

	private final MongoTemplate mongo;

	FeedbackFigures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What one survey's answers add up to. */
	public record Totals(long[] distribution, long invited, long invitedAnswered) {

		static Totals empty(SurveyKind kind) {
			return new Totals(new long[kind.max() + 1], 0, 0);
		}

		Totals plus(Rollup rollup) {
			long[] sum = distribution.clone();
			long[] more = rollup.distribution();
			for (int score = 0; score < sum.length && score < more.length; score++) {
				sum[score] += more[score];
			}
			return new Totals(sum, invited + rollup.invitedCount(), invitedAnswered + rollup.invitedAnsweredCount());
		}
	}

	/** A month's, a group's or the period's totals of each survey. */
	public record Period(String label, Map<SurveyKind, Totals> kinds) {

		static Period empty(String label) {
			Map<SurveyKind, Totals> kinds = new EnumMap<>(SurveyKind.class);
			for (SurveyKind kind : SurveyKind.values()) {
				kinds.put(kind, Totals.empty(kind));
			}
			return new Period(label, kinds);
		}

		void add(Rollup rollup) {
			kinds.put(rollup.kind(), kinds.get(rollup.kind()).plus(rollup));
		}
	}

	public record Group(String label, List<String> customerIds) {
	}

	public record Figures(List<Period> months, Period total, List<Period> groups) {
	}

	public Figures of(Caller caller, String fromMonth, String toMonth, List<String> customerIds, List<Group> groups) {
		if (caller.isCustomer()) {
			// A contact's scorecard: its own organisation's figures alone, never another's nor a group's.
			String own = caller.customerId().orElse(null);
			if (own == null || customerIds.stream().anyMatch(id -> !id.equals(own))) {
				throw new NotFoundException(Message.of("organisation.not-found"));
			}
			customerIds = List.of(own);
			groups = List.of();
		}
		else if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The dashboard's figures are for managers");
		}
		List<YearMonth> months = months(fromMonth, toMonth, customerIds, groups);
		Map<String, Period> byMonth = new LinkedHashMap<>();
		months.forEach(month -> byMonth.put(month.toString(), Period.empty(month.toString())));
		Period total = Period.empty("");
		List<Period> groupTotals = groups.stream().map(group -> Period.empty(group.label())).toList();
		String from = months.get(0).toString();
		String to = months.get(months.size() - 1).toString();
		Set<String> filter = new HashSet<>(customerIds);
		List<Rollup> rollups = customerIds.isEmpty() ? everyOrganisation(months)
				: ofOrganisations(customerIds, from, to);
		for (Rollup rollup : rollups) {
			byMonth.get(rollup.month()).add(rollup);
			total.add(rollup);
		}
		if (!groups.isEmpty()) {
			Set<String> named = new HashSet<>();
			groups.forEach(group -> group.customerIds().stream()
				.filter(id -> filter.isEmpty() || filter.contains(id)).forEach(named::add));
			Map<String, List<Rollup>> byCustomer = new LinkedHashMap<>();
			for (Rollup rollup : named.isEmpty() ? List.<Rollup>of() : ofOrganisations(List.copyOf(named), from, to)) {
				byCustomer.computeIfAbsent(rollup.customerId(), id -> new ArrayList<>()).add(rollup);
			}
			for (int i = 0; i < groups.size(); i++) {
				Period period = groupTotals.get(i);
				new HashSet<>(groups.get(i).customerIds())
					.forEach(id -> byCustomer.getOrDefault(id, List.of()).forEach(period::add));
			}
		}
		return new Figures(List.copyOf(byMonth.values()), total, groupTotals);
	}

	/** Which segment's answers: each part blank for any ({@code tier} as {@code VIP} or {@code TIER_VIP}). */
	public record SegmentFilter(String tier, String industry, String region) {

		public SegmentFilter {
			tier = tier == null ? "" : tier.strip().toUpperCase(java.util.Locale.ROOT).replace("TIER_", "");
			industry = industry == null ? "" : industry.strip();
			region = region == null ? "" : region.strip();
		}
	}

	/** The breakdowns a segment request may ask. */
	public static final List<String> BREAKDOWNS = List.of("tier", "industry", "region");

	/**
	 * The figures of the answers given while their organisation was in the segments {@code filter} admits, from the
	 * roll-ups by segment (at most segments × months × 3 documents, however many organisations and answers), and
	 * with {@code breakdown} one group per tier, industry or region found among them (label: the value, empty when
	 * not given, {@code UNKNOWN} for answers whose segment could not be learnt): tiers VIP, KEY, NORMAL first, then
	 * the others alphabetically, not given and unknown last; a value without answers or invitations has no group.
	 * Managers and admins alone.
	 */
	public Figures bySegment(Caller caller, String fromMonth, String toMonth, SegmentFilter filter, String breakdown) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The figures by segment are for managers");
		}
		Map<String, Message> invalid = new LinkedHashMap<>();
		MonthRange period = MonthRange.parse(fromMonth, toMonth, MAX_MONTHS, "feedback.figures.month",
				"feedback.figures.period", invalid);
		String by = breakdown == null ? "" : breakdown.strip();
		if (!by.isEmpty() && !BREAKDOWNS.contains(by)) {
			invalid.put("breakdown", Message.of("feedback.figures.breakdown", String.join(", ", BREAKDOWNS)));
		}
		if (!invalid.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.figures-invalid"), invalid);
		}
		List<YearMonth> months = period.months();
		Map<String, Period> byMonth = new LinkedHashMap<>();
		months.forEach(month -> byMonth.put(month.toString(), Period.empty(month.toString())));
		Period total = Period.empty("");
		Map<String, Period> groups = new java.util.TreeMap<>(FeedbackFigures::groupOrder);
		Criteria criteria = Criteria.where("month").gte(months.get(0).toString())
			.lte(months.get(months.size() - 1).toString());
		if (!filter.tier().isEmpty()) {
			criteria = criteria.and("tier").is(filter.tier());
		}
		if (!filter.industry().isEmpty()) {
			criteria = criteria.and("industry").is(filter.industry());
		}
		if (!filter.region().isEmpty()) {
			criteria = criteria.and("region").is(filter.region());
		}
		for (SegmentRollup rollup : mongo.find(Query.query(criteria), SegmentRollup.class)) {
			Rollup counts = rollup.counts();
			byMonth.get(rollup.month()).add(counts);
			total.add(counts);
			if (!by.isEmpty()) {
				String value = switch (by) {
					case "industry" -> rollup.industry();
					case "region" -> rollup.region();
					default -> rollup.tier();
				};
				groups.computeIfAbsent(value == null ? "" : value, Period::empty).add(counts);
			}
		}
		return new Figures(List.copyOf(byMonth.values()), total,
				groups.values().stream().filter(FeedbackFigures::counts).toList());
	}

	/** Whether the period counts any answer or invitation (an unknown segment's answers all moved away count none). */
	private static boolean counts(Period period) {
		return period.kinds().values().stream().anyMatch(totals -> totals.invited() > 0 || totals.invitedAnswered() > 0
				|| java.util.Arrays.stream(totals.distribution()).anyMatch(count -> count != 0));
	}

	private static final List<String> TIERS = List.of("VIP", "KEY", "NORMAL");

	/** VIP, KEY, NORMAL, then the others alphabetically, then not given (empty), then unknown. */
	private static int groupOrder(String a, String b) {
		return java.util.Comparator.<String>comparingInt(FeedbackFigures::rank).thenComparing(java.util.Comparator.naturalOrder())
			.compare(a, b);
	}

	private static int rank(String value) {
		if (TIERS.contains(value)) {
			return TIERS.indexOf(value);
		}
		if (value.equals(com.rapport.feedback.segment.Segment.UNKNOWN_VALUE)) {
			return 6;
		}
		return value.isEmpty() ? 5 : 4;
	}

	private List<Rollup> everyOrganisation(List<YearMonth> months) {
		List<String> ids = new ArrayList<>();
		months.forEach(month -> {
			for (SurveyKind kind : SurveyKind.values()) {
				ids.add(Rollup.idOf(Rollup.ALL, month.toString(), kind));
			}
		});
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), Rollup.class);
	}

	private List<Rollup> ofOrganisations(List<String> customerIds, String from, String to) {
		return mongo.find(Query.query(Criteria.where("customerId").in(customerIds).and("month").gte(from).lte(to)),
				Rollup.class);
	}

	private static List<YearMonth> months(String fromMonth, String toMonth, List<String> customerIds,
			List<Group> groups) {
		Map<String, Message> invalid = new LinkedHashMap<>();
		MonthRange period = MonthRange.parse(fromMonth, toMonth, MAX_MONTHS, "feedback.figures.month",
				"feedback.figures.period", invalid);
		long named = customerIds.size() + groups.stream().mapToLong(group -> group.customerIds().size()).sum();
		if (named > MAX_ORGANISATIONS) {
			invalid.put(customerIds.size() > MAX_ORGANISATIONS ? "customerIds" : "groups",
					Message.of("feedback.figures.organisations", MAX_ORGANISATIONS));
		}
		if (!invalid.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.figures-invalid"), invalid);
		}
		return period.months();
	}
}
