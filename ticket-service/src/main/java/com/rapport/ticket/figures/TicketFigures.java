package com.rapport.ticket.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.MonthRange;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The tickets resolved month by month (by {@code resolvedAt}, UTC months) and the open ones now. A resolved ticket's
 * SLA was kept when its first answer came by its first-response due time (a ticket resolved without an answer: its
 * resolution counts as the answer) and it was resolved by its resolution due time, both as the ticket's timers stood.
 * Managers and admins read every organisation's; a customer contact its own organisation's.
 */
@Service
public class TicketFigures {

	public static final int MAX_MONTHS = 24;

	private static final List<TicketStatus> DONE = List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

	private static final List<TicketStatus> OPEN = List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);

	private final MongoTemplate mongo;

	private final SlaProperties sla;

	private final Clock clock;

	private final com.rapport.ticket.sla.SlaSettings settings;

	TicketFigures(MongoTemplate mongo, SlaProperties sla, com.rapport.ticket.sla.SlaSettings settings, Clock clock) {
		this.settings = settings;
		this.mongo = mongo;
		this.sla = sla;
		this.clock = clock;
	}

	/** The resolved tickets of a month or of the period. */
	public record Period(String label, int resolved, int responded, long firstResponseSeconds, long handlingSeconds,
			int firstContactResolved, int slaKept, long firstResponseWorkingSeconds, long handlingWorkingSeconds) {

		/** Without working time (none counted: its averages are absent). */
		public Period(String label, int resolved, int responded, long firstResponseSeconds, long handlingSeconds,
				int firstContactResolved, int slaKept) {
			this(label, resolved, responded, firstResponseSeconds, handlingSeconds, firstContactResolved, slaKept, -1,
					-1);
		}

		static Period empty(String label) {
			return new Period(label, 0, 0, 0, 0, 0, 0, 0, 0);
		}

		/** Whether the working-time sums were counted (every ticket of the period on its calendar). */
		public boolean workingTimeCounted() {
			return firstResponseWorkingSeconds >= 0 && handlingWorkingSeconds >= 0;
		}

		Period plus(Resolved ticket) {
			boolean answered = ticket.firstResponseSeconds() != null;
			return new Period(label, resolved + 1, responded + (answered ? 1 : 0),
					firstResponseSeconds + (answered ? ticket.firstResponseSeconds() : 0),
					handlingSeconds + ticket.handlingSeconds(), firstContactResolved + (ticket.firstContact() ? 1 : 0),
					slaKept + (ticket.slaKept() ? 1 : 0),
					firstResponseWorkingSeconds + (answered ? ticket.firstResponseWorkingSeconds() : 0),
					handlingWorkingSeconds + ticket.handlingWorkingSeconds());
		}
	}

	/** What one resolved ticket adds (durations in seconds, wall clock and working time on its calendar). */
	record Resolved(String month, Long firstResponseSeconds, long handlingSeconds, boolean firstContact,
			boolean slaKept, long firstResponseWorkingSeconds, long handlingWorkingSeconds) {
	}

	/** Open tickets and how many of them breached, by one key. */
	public record Backlog(String key, int open, int breached) {
	}

	/**
	 * {@code calendars} (session 17): the business calendars the period's working-time averages counted on, by id
	 * (a ticket opened before calendars counts on the wall clock and names none).
	 */
	public record Figures(List<Period> months, Period total, int open, int breached, List<Backlog> byTier,
			List<Backlog> byChannel, List<Backlog> byAssignee, Commitments commitments, List<CalendarCounted> calendars) {
	}

	/** A business calendar the working-time averages counted on: its id and its name. */
	public record CalendarCounted(String id, String name) {
	}

	/** Commitments kept and broken of one month, owner or organisation ({@code key}), or of the period (""). */
	public record Promises(String key, int kept, int broken) {

		Promises plus(boolean keptOne) {
			return new Promises(key, kept + (keptOne ? 1 : 0), broken + (keptOne ? 0 : 1));
		}
	}

	/**
	 * The commitments that fell due in the period (by the UTC month of their due time) and are decided: kept by the
	 * due time, or broken (not kept by it; one due and still open counts once its due time has passed). One not due
	 * yet, or cancelled before its due time, is in no count.
	 */
	public record Commitments(List<Promises> byMonth, Promises total, List<Promises> byOwner,
			List<Promises> byOrganisation) {
	}

	public Figures of(Caller caller, String fromMonth, String toMonth, String customerId) {
		String organisation = organisationFor(caller, customerId);
		List<YearMonth> months = months(fromMonth, toMonth);
		Instant from = months.get(0).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant until = months.get(months.size() - 1).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Map<String, Period> byMonth = new LinkedHashMap<>();
		months.forEach(month -> byMonth.put(month.toString(), Period.empty(month.toString())));
		Period total = Period.empty("");
		Map<String, com.rapport.ticket.sla.BusinessCalendar> calendars = new java.util.TreeMap<>();
		for (Resolved ticket : resolved(organisation, from, until, calendars)) {
			byMonth.computeIfPresent(ticket.month(), (month, period) -> period.plus(ticket));
			total = total.plus(ticket);
		}
		Map<String, int[]> tiers = new TreeMap<>();
		Map<String, int[]> channels = new TreeMap<>();
		Map<String, int[]> assignees = new TreeMap<>();
		int open = 0;
		int breached = 0;
		Instant now = clock.instant();
		Criteria openOnes = organisation == null ? Criteria.where("status").in(OPEN)
				: Criteria.where("customerId").is(organisation).and("status").in(OPEN);
		for (Ticket ticket : mongo.find(Query.query(openOnes), Ticket.class)) {
			boolean late = ticket.slaStateAt(now, sla.atRiskPercent()) == SlaState.BREACHED;
			open++;
			breached += late ? 1 : 0;
			count(tiers, ticket.tier() == null ? "" : ticket.tier().name(), late);
			count(channels, ticket.channel() == null ? "" : ticket.channel().name(), late);
			count(assignees, ticket.assignee() == null ? "" : ticket.assignee(), late);
		}
		return new Figures(List.copyOf(byMonth.values()), total, open, breached, backlog(tiers), backlog(channels),
				caller.isCustomer() ? List.of() : backlog(assignees),
				commitments(caller, organisation, months, from, until, now),
				calendars.values().stream().map(c -> new CalendarCounted(c.id(), c.name())).distinct().toList());
	}

	private Commitments commitments(Caller caller, String organisation, List<YearMonth> months, Instant from,
			Instant until, Instant now) {
		Criteria due = Criteria.where("commitments").elemMatch(Criteria.where("dueAt").gte(from).lt(until));
		if (organisation != null) {
			due = Criteria.where("customerId").is(organisation).andOperator(due);
		}
		Query query = Query.query(due);
		query.fields().include("customerId", "commitments");
		Map<String, Promises> byMonth = new LinkedHashMap<>();
		months.forEach(month -> byMonth.put(month.toString(), new Promises(month.toString(), 0, 0)));
		Map<String, Promises> byOwner = new TreeMap<>();
		Map<String, Promises> byOrganisation = new TreeMap<>();
		Promises total = new Promises("", 0, 0);
		for (Document ticket : mongo.find(query, Document.class, "tickets")) {
			String customer = ticket.getString("customerId");
			List<?> promises = ticket.get("commitments", List.class);
			for (Object each : promises == null ? List.of() : promises) {
				if (!(each instanceof Document promise)) {
					continue;
				}
				Instant dueAt = instant(promise.get("dueAt"));
				if (dueAt == null || dueAt.isBefore(from) || !dueAt.isBefore(until)) {
					continue;
				}
				Boolean kept = decided(promise, dueAt, now);
				if (kept == null) {
					continue;
				}
				String month = YearMonth.from(dueAt.atOffset(ZoneOffset.UTC)).toString();
				byMonth.computeIfPresent(month, (m, p) -> p.plus(kept));
				String owner = promise.getString("ownerName") != null ? promise.getString("ownerName") : "";
				byOwner.computeIfAbsent(owner, k -> new Promises(k, 0, 0));
				byOwner.computeIfPresent(owner, (k, p) -> p.plus(kept));
				String org = customer == null ? "" : customer;
				byOrganisation.computeIfAbsent(org, k -> new Promises(k, 0, 0));
				byOrganisation.computeIfPresent(org, (k, p) -> p.plus(kept));
				total = total.plus(kept);
			}
		}
		boolean staff = !caller.isCustomer();
		return new Commitments(List.copyOf(byMonth.values()), total,
				staff ? List.copyOf(byOwner.values()) : List.of(),
				staff ? List.copyOf(byOrganisation.values()) : List.of());
	}

	/** True kept by its due time, false broken, null not decided (not due yet, or cancelled before its due time). */
	static Boolean decided(Document promise, Instant dueAt, Instant now) {
		String status = promise.getString("status");
		Instant keptAt = instant(promise.get("keptAt"));
		Instant brokenAt = instant(promise.get("brokenAt"));
		if (brokenAt != null) {
			return false;
		}
		if ("KEPT".equals(status) && keptAt != null) {
			return !keptAt.isAfter(dueAt);
		}
		if ("OPEN".equals(status)) {
			return now.isAfter(dueAt) ? Boolean.FALSE : null;
		}
		return null;
	}

	/** The organisation read: a customer's own (another is not found), else the one asked, or null for every one. */
	private static String organisationFor(Caller caller, String customerId) {
		String asked = customerId == null ? "" : customerId.strip();
		if (caller.isCustomer()) {
			String own = caller.customerId().orElse(null);
			if (own == null || (!asked.isEmpty() && !asked.equals(own))) {
				throw new NotFoundException(Message.of("organisation.not-found"));
			}
			return own;
		}
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Ticket figures are for managers and the customer's own contacts");
		}
		return asked.isEmpty() ? null : asked;
	}

	private List<Resolved> resolved(String organisation, Instant from, Instant until,
			Map<String, com.rapport.ticket.sla.BusinessCalendar> calendars) {
		Criteria criteria = organisation == null ? Criteria.where("status").in(DONE)
				: Criteria.where("customerId").is(organisation).and("status").in(DONE);
		Query query = Query.query(criteria.and("resolvedAt").gte(from).lt(until));
		query.fields().include("openedAt", "firstRespondedAt", "resolvedAt", "firstContactResolution",
				"sla.firstResponseDue", "sla.resolutionDue", "sla.calendarId");
		List<Resolved> resolved = new ArrayList<>();
		// Each calendar read once per call (a calendar that is gone counts on the standard one, as the SLA does).
		for (Document ticket : mongo.find(query, Document.class, "tickets")) {
			Instant opened = instant(ticket.get("openedAt"));
			Instant done = instant(ticket.get("resolvedAt"));
			if (opened == null || done == null) {
				continue;
			}
			Instant answered = instant(ticket.get("firstRespondedAt"));
			Document timers = ticket.get("sla", Document.class);
			Instant responseDue = timers == null ? null : instant(timers.get("firstResponseDue"));
			Instant resolutionDue = timers == null ? null : instant(timers.get("resolutionDue"));
			Instant firstAnswer = answered != null ? answered : done;
			boolean kept = responseDue != null && resolutionDue != null && !firstAnswer.isAfter(responseDue)
					&& !done.isAfter(resolutionDue);
			String calendarId = timers == null ? null : timers.getString("calendarId");
			com.rapport.ticket.sla.BusinessCalendar calendar = calendarId == null
					? com.rapport.ticket.sla.BusinessCalendar.ROUND_THE_CLOCK
					: calendars.computeIfAbsent(calendarId, settings::calendar);
			resolved.add(new Resolved(YearMonth.from(done.atOffset(ZoneOffset.UTC)).toString(),
					answered == null ? null : Math.max(0, answered.getEpochSecond() - opened.getEpochSecond()),
					Math.max(0, done.getEpochSecond() - opened.getEpochSecond()),
					Boolean.TRUE.equals(ticket.get("firstContactResolution")), kept,
					answered == null || answered.isBefore(opened) ? 0 : calendar.between(opened, answered).toSeconds(),
					done.isBefore(opened) ? 0 : calendar.between(opened, done).toSeconds()));
		}
		return resolved;
	}

	private static Instant instant(Object value) {
		return value instanceof Date date ? date.toInstant() : value instanceof Instant instant ? instant : null;
	}

	private static void count(Map<String, int[]> counts, String key, boolean breached) {
		int[] c = counts.computeIfAbsent(key, k -> new int[2]);
		c[0]++;
		c[1] += breached ? 1 : 0;
	}

	private static List<Backlog> backlog(Map<String, int[]> counts) {
		return counts.entrySet().stream().map(e -> new Backlog(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	private static List<YearMonth> months(String fromMonth, String toMonth) {
		Map<String, Message> invalid = new LinkedHashMap<>();
		MonthRange period = MonthRange.parse(fromMonth, toMonth, MAX_MONTHS, "tickets.figures.month",
				"tickets.figures.period", invalid);
		if (!invalid.isEmpty()) {
			throw new UnprocessableException(Message.of("tickets.figures-invalid"), invalid);
		}
		return period.months();
	}
}
