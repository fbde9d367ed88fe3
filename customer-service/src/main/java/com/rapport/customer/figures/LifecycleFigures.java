package com.rapport.customer.figures;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The lifecycle stages in force now, counted for the dashboard and the QBR (managers and admins), and the changes of a
 * period. Never a scan: every organisation's by counts on the index {@value #INDEX} (led by {@code lifecycleStage}), a
 * segment's on the segment indexes ({@link SegmentStages}), the named ones' read by id (each its stage only); a
 * period's changes from the monthly roll-ups ({@link LifecycleMonths}, {@link PeriodChanges}).
 */
@Service
public class LifecycleFigures {

	static final int MAX_ORGANISATIONS = 5_000;

	static final String INDEX = SegmentStages.STAGE_SEGMENT;

	static final int MAX_MONTHS = 24;

	private final MongoTemplate mongo;

	private final SegmentStages stages;

	private final LifecycleMonths months;

	LifecycleFigures(MongoTemplate mongo, SegmentStages stages, LifecycleMonths months) {
		this.mongo = mongo;
		this.stages = stages;
		this.months = months;
	}

	/** The indexes every organisation's stages are counted by; made once, a no-op when they are there. */
	@EventListener(ApplicationReadyEvent.class)
	void index() {
		SegmentStages.index(mongo);
	}

	/** A group (or the total) by segment: its stages now and, with a period, the period's changes. */
	public record Row(StageCounts now, PeriodChanges period) {
	}

	/** By segment: the total, each group of the breakdown, and each month of the period (none without one). */
	public record SegmentFigures(Row total, List<Row> groups, List<PeriodChanges> months) {
	}

	/** The industries and the regions organisations have now, sorted. */
	public record Choices(List<String> industries, List<String> regions) {
	}

	/**
	 * The stages now of the organisations the filter admits, and with a period ({@code fromMonth} and
	 * {@code toMonth}, both empty for none) each month's changes and retention; a group per value of the breakdown
	 * ({@code ""}: none).
	 */
	public SegmentFigures bySegment(Caller caller, String fromMonth, String toMonth, Segment filter, String breakdown) {
		requireManager(caller);
		YearMonth[] period = period(fromMonth, toMonth);
		if (!breakdown.isEmpty() && !Segment.DIMENSIONS.contains(breakdown)) {
			throw UnprocessableException.field(Message.of("organisations.figures-invalid"), "breakdown",
					Message.of("organisations.figures.breakdown", String.join(", ", Segment.DIMENSIONS)));
		}
		StageCounts total = stages.count("", filter);
		List<StageCounts> groups = breakdown.isEmpty() ? List.of() : stages.breakdown(filter, breakdown, total);
		if (period == null) {
			return new SegmentFigures(new Row(total, null), groups.stream().map(group -> new Row(group, null)).toList(),
					List.of());
		}
		List<LifecycleMonths.Changes> since = months.since(period[0]).stream()
			.filter(change -> filter.admits(change.segment())).toList();
		List<PeriodChanges> ofTotal = PeriodChanges.of(period[0], period[1], total.retained(), since, "");
		List<Row> groupRows = new ArrayList<>();
		for (StageCounts group : groups) {
			List<LifecycleMonths.Changes> ofGroup = since.stream()
				.filter(change -> change.segment().value(breakdown).equals(group.label())).toList();
			List<PeriodChanges> counted = PeriodChanges.of(period[0], period[1], group.retained(), ofGroup, group.label());
			groupRows.add(new Row(group, counted.get(counted.size() - 1)));
		}
		return new SegmentFigures(new Row(total, ofTotal.get(ofTotal.size() - 1)), groupRows,
				ofTotal.subList(0, ofTotal.size() - 1));
	}

	/** The dashboard's filter choices, from the indexes led by industry and by region. */
	public Choices choices(Caller caller) {
		requireManager(caller);
		return new Choices(stages.distinct("industry"), stages.distinct("region"));
	}

	/** Both months, or null when neither is given; refused when only one is, reversed, or too far apart. */
	private YearMonth[] period(String fromMonth, String toMonth) {
		if (fromMonth.isBlank() && toMonth.isBlank()) {
			return null;
		}
		try {
			YearMonth from = YearMonth.parse(fromMonth.strip());
			YearMonth to = YearMonth.parse(toMonth.strip());
			if (!to.isBefore(from) && !from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
				return new YearMonth[] { from, to };
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		throw UnprocessableException.field(Message.of("organisations.figures-invalid"),
				fromMonth.isBlank() ? "fromMonth" : "toMonth", Message.of("organisations.figures.period", MAX_MONTHS));
	}

	private static void requireManager(Caller caller) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The lifecycle figures are the managers'");
		}
	}

	/** One organisation and its stage, as read for the named ones. */
	record Staged(String id, LifecycleStage lifecycleStage) {
	}

	/** A named set of organisations (a tier's, an industry's, a region's). */
	public record Group(String label, Set<String> customerIds) {
	}

	public record Figures(StageCounts total, List<StageCounts> groups) {
	}

	public Figures of(Caller caller, List<String> customerIds, List<Group> groups) {
		requireManager(caller);
		long named = customerIds.size() + groups.stream().mapToLong(group -> group.customerIds().size()).sum();
		if (named > MAX_ORGANISATIONS) {
			throw UnprocessableException.field(Message.of("organisations.figures-invalid"),
					customerIds.size() > MAX_ORGANISATIONS ? "customerIds" : "groups",
					Message.of("organisations.figures.organisations", MAX_ORGANISATIONS));
		}
		Set<String> toRead = new LinkedHashSet<>(customerIds);
		groups.forEach(group -> toRead.addAll(group.customerIds()));
		Map<String, LifecycleStage> stages = stagesOf(toRead);
		StageCounts total = customerIds.isEmpty() ? everyOrganisation() : count("", customerIds, stages);
		List<StageCounts> groupCounts = new ArrayList<>();
		groups.forEach(group -> groupCounts.add(count(group.label(), group.customerIds(), stages)));
		return new Figures(total, groupCounts);
	}

	private StageCounts everyOrganisation() {
		StageCounts counts = StageCounts.empty("");
		for (LifecycleStage stage : LifecycleStage.values()) {
			// Every organisation is stored with its stage (a prospect until its first order).
			counts = counts.plus(stage,
					mongo.count(Query.query(Criteria.where("lifecycleStage").is(stage.name())), Organisation.class));
		}
		return counts;
	}

	private Map<String, LifecycleStage> stagesOf(Set<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("lifecycleStage");
		return mongo.find(query, Staged.class, mongo.getCollectionName(Organisation.class)).stream()
			.collect(Collectors.toMap(Staged::id, staged -> staged.lifecycleStage() == null ? LifecycleStage.PROSPECT
					: staged.lifecycleStage(), (one, other) -> one));
	}

	/** An organisation this service does not know counts nowhere. */
	private static StageCounts count(String label, java.util.Collection<String> ids, Map<String, LifecycleStage> stages) {
		StageCounts counts = StageCounts.empty(label);
		for (String id : new LinkedHashSet<>(ids)) {
			LifecycleStage stage = stages.get(id);
			if (stage != null) {
				counts = counts.plus(stage, 1);
			}
		}
		return counts;
	}
}
