package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Lists tickets: the console's queue for staff (every organisation, all filters, most urgent first) and an
 * organisation's tickets for its contacts and for partners (newest first). The queue most urgent first, and
 * any list filtered by SLA state, is read from the queue's indexes segment by segment (see {@link QueueSegment}
 * and {@link QueueKeys}), paged by a cursor; newest first is paged by the store by page number.
 */
@Service
public class TicketQueue {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private final MongoTemplate mongo;

	private final SlaProperties sla;

	private final SlaSettings settings;

	private final Clock clock;

	private final Duration reminderLead;

	@Autowired
	TicketQueue(MongoTemplate mongo, SlaProperties sla, SlaSettings settings, CommitmentProperties commitments,
			Clock clock) {
		this.mongo = mongo;
		this.sla = sla;
		this.settings = settings;
		this.clock = clock;
		this.reminderLead = commitments.reminderLead();
	}

	/** The queue with the default reminder lead time (2 h). */
	TicketQueue(MongoTemplate mongo, SlaProperties sla, SlaSettings settings, Clock clock) {
		this(mongo, sla, settings, new CommitmentProperties(false, Duration.ofMinutes(1), Duration.ofHours(2)), clock);
	}

	/**
	 * The page the query asks for; for staff each ticket whose earliest open promise is due within the reminder
	 * lead time (or overdue) is marked, and the page says how many tickets are (one count of the index
	 * {@code queue_promise_due} alone).
	 */
	public TicketPage list(Caller caller, TicketQuery query) {
		TicketPage page = listed(caller, query);
		if (!Callers.isStaff(caller)) {
			return page;
		}
		Instant bound = (page.promiseDueBefore() != null ? page.promiseDueBefore() : clock.instant().plus(reminderLead));
		int count = page.promiseDueBefore() != null ? page.promisesDueCount()
				: (int) mongo.count(Query.query(QueueSegment.PROMISE_DUE.criteria(bound, null)), Ticket.class);
		return page.withPromises(bound, count);
	}

	private TicketPage listed(Caller caller, TicketQuery query) {
		boolean sees = caller.seesAllCustomers() || caller.hasScope("tickets.read");
		if (!sees && !Callers.isContact(caller)) {
			throw new AccessDeniedException("Ticket lists are for staff, services, partners and contacts");
		}
		int size = query.pageSize() <= 0 ? DEFAULT_PAGE_SIZE : Math.min(query.pageSize(), MAX_PAGE_SIZE);
		boolean requesterVisible = Callers.isStaff(caller);
		Criteria criteria;
		boolean staffFilters = caller.seesAllCustomers();
		TicketQuery.Sort sort = query.sort() != null ? query.sort()
				: staffFilters ? TicketQuery.Sort.MOST_URGENT : TicketQuery.Sort.NEWEST;
		List<TicketStatus> statuses = statuses(query);
		// The done, newest first (the console's and the portal's "closed" views), are their lane read backwards from
		// its index (queue_done, customer_queue_done): sorted by the store over a status filter, 200,000 done tickets
		// were read whole into the service's memory. Partners page their lists by number and keep that way.
		boolean promises = staffFilters && query.promisesDue();
		boolean urgent = promises || staffFilters && (sort == TicketQuery.Sort.MOST_URGENT || !query.slaStates().isEmpty())
				|| (staffFilters || Callers.isContact(caller) && !sees) && onlyDone(statuses);
		QueueCursor cursor = urgent ? QueueCursor.of(query.pageToken(), clock.instant()) : null;
		int page = urgent ? 0 : pageOf(query);
		if (sees) {
			criteria = blank(query.customerId()) ? new Criteria() : Criteria.where("customerId").is(query.customerId().strip());
		}
		else {
			String own = caller.customerId().orElseThrow();
			if (!blank(query.customerId()) && !query.customerId().strip().equals(own)) {
				// Another organisation answers like one without tickets.
				return new TicketPage(List.of(), false, 0, page, size, false);
			}
			criteria = Criteria.where("customerId").is(own);
		}
		if (statuses.isEmpty()) {
			return new TicketPage(List.of(), false, 0, page, size, requesterVisible);
		}
		boolean doneLane = !urgent && onlyDone(statuses);
		if (doneLane) {
			// A partner's done tickets, paged by number: the done lane read backwards, as the queue's cursor does.
			criteria = criteria.and(QueueSegment.LANE).is(QueueKeys.Lane.DONE);
		}
		else if (!urgent || !lanesHold(statuses) || promises && statuses.size() < TicketStatus.values().length) {
			criteria = criteria.and("status").in(statuses);
		}
		if (staffFilters) {
			criteria = staffCriteria(criteria, caller, query);
		}
		if (promises) {
			return promisesDue(criteria, query, cursor, size, requesterVisible);
		}
		if (urgent) {
			return mostUrgent(criteria, query, statuses, cursor, size, requesterVisible);
		}
		Instant now = clock.instant();
		Query find = listing(criteria).with(doneLane ? QueueSegment.DONE.sort()
				: Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("number")))
			.skip((long) page * size).limit(size);
		List<OpenTickets.OpenTicket> found = mongo.find(find, Ticket.class).stream().map(t -> stated(t, now)).toList();
		int total = (int) mongo.count(Query.query(criteria), Ticket.class);
		return new TicketPage(found, next(page, size, total), total, page, size, requesterVisible);
	}

	/**
	 * The queue read segment by segment from the queue's indexes (see {@link QueueSegment}), each page going on
	 * where the cursor left off, as of the instant of the first page. Sorted newest first but filtered by SLA
	 * state, the matching segments are read the same way, in the same order.
	 */
	private TicketPage mostUrgent(Criteria criteria, TicketQuery query, List<TicketStatus> statuses,
			QueueCursor cursor, int size, boolean requesterVisible) {
		Instant now = cursor.asOf();
		if (cursor.segment() == QueueSegment.PROMISE_DUE) {
			throw QueueCursor.invalid();
		}
		List<QueueSegment> segments = segments(query, statuses);
		List<OpenTickets.OpenTicket> shown = new ArrayList<>();
		Map<String, BusinessCalendar> calendars = new HashMap<>();
		String nextToken = null;
		boolean reached = cursor.segment() == null;
		for (int i = 0; i < segments.size() && nextToken == null && shown.size() < size; i++) {
			QueueSegment segment = segments.get(i);
			reached = reached || segment == cursor.segment();
			if (!reached) {
				continue;
			}
			int wanted = size - shown.size();
			Query read = listing(within(criteria, segment, query, now, cursor)).with(segment.sort()).limit(wanted + 1);
			List<Ticket> found = mongo.find(read, Ticket.class);
			for (Ticket ticket : found.subList(0, Math.min(wanted, found.size()))) {
				shown.add(timed(ticket,
						segment.state() != null ? segment.state() : ticket.slaStateAt(now, sla.atRiskPercent()), now,
						calendars));
			}
			if (found.size() > wanted || (shown.size() == size && anyIn(criteria, segments.subList(i + 1,
					segments.size()), query, now))) {
				Ticket last = shown.get(shown.size() - 1).ticket();
				nextToken = new QueueCursor(now, segment, segment.key(last), last.id()).token();
			}
		}
		return new TicketPage(shown, nextToken != null, total(criteria, segments, query, now), 0, size,
				requesterVisible, nextToken);
	}

	/**
	 * The "promises due" view: the tickets whose earliest open commitment is due before now and the reminder lead
	 * time (overdue ones first), one range of {@code queue_promise_due} read in its order and paged by the cursor;
	 * the caller's other filters narrow the tickets the index gives. Counted from the index alone when none is set.
	 */
	private TicketPage promisesDue(Criteria criteria, TicketQuery query, QueueCursor cursor, int size,
			boolean requesterVisible) {
		if (cursor.segment() != null && cursor.segment() != QueueSegment.PROMISE_DUE) {
			throw QueueCursor.invalid();
		}
		Instant now = cursor.asOf();
		Instant bound = now.plus(reminderLead);
		QueueSegment segment = QueueSegment.PROMISE_DUE;
		Query read = listing(within(criteria, segment, query, bound, cursor)).with(segment.sort()).limit(size + 1);
		List<Ticket> found = mongo.find(read, Ticket.class);
		Map<String, BusinessCalendar> calendars = new HashMap<>();
		List<OpenTickets.OpenTicket> shown = new ArrayList<>();
		for (Ticket ticket : found.subList(0, Math.min(size, found.size()))) {
			shown.add(timed(ticket, ticket.slaStateAt(now, sla.atRiskPercent()), now, calendars));
		}
		String nextToken = null;
		if (found.size() > size) {
			Ticket last = shown.get(shown.size() - 1).ticket();
			nextToken = new QueueCursor(now, segment, segment.key(last), last.id()).token();
		}
		int total = (int) mongo.count(Query.query(within(criteria, segment, query, bound, null)), Ticket.class);
		int all = criteria.getCriteriaObject().isEmpty() ? total
				: (int) mongo.count(Query.query(segment.criteria(bound, null)), Ticket.class);
		return new TicketPage(shown, nextToken != null, total, 0, size, requesterVisible, nextToken).withPromises(bound,
				all);
	}

	/**
	 * How many tickets the segments hold: at risk and on track counted together when both are asked, since their
	 * union is one range of the due index (counted from the index alone) and each alone is not (every ticket
	 * read): at 2,000 open tickets the two counts were half of the service's time on the queue page.
	 */
	private int total(Criteria criteria, List<QueueSegment> segments, TicketQuery query, Instant now) {
		boolean together = segments.contains(QueueSegment.AT_RISK) && segments.contains(QueueSegment.ON_TRACK);
		long total = 0;
		for (QueueSegment segment : segments) {
			if (together && segment == QueueSegment.ON_TRACK) {
				continue;
			}
			Criteria counted = together && segment == QueueSegment.AT_RISK
					? (criteria.getCriteriaObject().isEmpty() ? QueueSegment.runningNotBreached(now)
							: new Criteria().andOperator(criteria, QueueSegment.runningNotBreached(now)))
					: within(criteria, segment, query, now, null);
			total += mongo.count(Query.query(counted), Ticket.class);
		}
		return (int) total;
	}

	/** Whether any of the segments holds a ticket (one read of at most one each, in order). */
	private boolean anyIn(Criteria criteria, List<QueueSegment> segments, TicketQuery query, Instant now) {
		for (QueueSegment segment : segments) {
			if (mongo.exists(Query.query(within(criteria, segment, query, now, null)).with(segment.sort()),
					Ticket.class)) {
				return true;
			}
		}
		return false;
	}

	/** The ticket with the working time it has left as of {@code now}, on its calendar. */
	private OpenTickets.OpenTicket timed(Ticket ticket, SlaState state, Instant now,
			Map<String, BusinessCalendar> calendars) {
		QueueKeys keys = ticket.queue();
		if (keys.lane() == null || keys.lane() == QueueKeys.Lane.DONE) {
			return new OpenTickets.OpenTicket(ticket, state);
		}
		if (keys.lane() == QueueKeys.Lane.PAUSED) {
			return new OpenTickets.OpenTicket(ticket, state, Duration.ofSeconds(keys.pausedLeftSeconds()), false);
		}
		String calendarId = ticket.sla().calendarId();
		BusinessCalendar calendar = calendars.computeIfAbsent(String.valueOf(calendarId),
				id -> settings.calendar(calendarId));
		return new OpenTickets.OpenTicket(ticket, state, calendar.between(now, keys.slaDueAt()),
				keys.slaDueAt().isAfter(now) && calendar.isWorkingAt(now));
	}

	/** The filter of one segment: the caller's filters, the segment's, and for the done the SLA states asked. */
	private static Criteria within(Criteria criteria, QueueSegment segment, TicketQuery query, Instant now,
			QueueCursor cursor) {
		Set<SlaState> states = query.slaStates();
		if (segment == QueueSegment.DONE && !states.isEmpty()
				&& states.contains(SlaState.MET) != states.contains(SlaState.BREACHED)) {
			return new Criteria().andOperator(criteria, segment.criteria(now, cursor),
					Criteria.where(QueueSegment.MET).is(states.contains(SlaState.MET)));
		}
		return criteria.getCriteriaObject().isEmpty() ? segment.criteria(now, cursor)
				: new Criteria().andOperator(criteria, segment.criteria(now, cursor));
	}

	/** The segments the statuses and SLA states asked for can be in, most urgent first. */
	private static List<QueueSegment> segments(TicketQuery query, List<TicketStatus> statuses) {
		boolean open = statuses.stream().anyMatch(TicketStatus::isOpen);
		boolean done = statuses.stream().anyMatch(status -> !status.isOpen());
		Set<SlaState> states = query.slaStates();
		List<QueueSegment> segments = new ArrayList<>();
		for (QueueSegment segment : QueueSegment.values()) {
			if (segment == QueueSegment.PROMISE_DUE) {
				continue;
			}
			boolean inStatus = segment == QueueSegment.DONE ? done : open;
			boolean inState = states.isEmpty() || (segment == QueueSegment.DONE
					? states.contains(SlaState.MET) || states.contains(SlaState.BREACHED)
					: states.contains(segment.state()));
			if (inStatus && inState) {
				segments.add(segment);
			}
		}
		return segments;
	}

	/** Whether these are exactly the done statuses (resolved and closed). */
	private static boolean onlyDone(List<TicketStatus> statuses) {
		return !statuses.isEmpty() && statuses.stream().noneMatch(TicketStatus::isOpen) && lanesHold(statuses);
	}

	/** Whether the queue's lanes alone hold exactly these statuses: all, the open ones or the done ones. */
	private static boolean lanesHold(List<TicketStatus> statuses) {
		Set<TicketStatus> asked = Set.copyOf(statuses);
		Set<TicketStatus> open = Set.copyOf(TicketStatus.OPEN_STATUSES);
		return asked.size() == TicketStatus.values().length || asked.equals(open)
				|| asked.stream().noneMatch(open::contains) && asked.size() == TicketStatus.values().length - open.size();
	}

	/** The page number of a list paged by number; a queue's cursor does not page it. */
	private static int pageOf(TicketQuery query) {
		if (!blank(query.pageToken())) {
			throw QueueCursor.invalid();
		}
		return Math.max(query.page(), 0);
	}

	private static Criteria staffCriteria(Criteria criteria, Caller caller, TicketQuery query) {
		if (query.assignee() == TicketQuery.AssigneeFilter.ME) {
			criteria = criteria.and("queue.assignee").is(caller.name());
		}
		else if (query.assignee() == TicketQuery.AssigneeFilter.UNASSIGNED) {
			criteria = criteria.and("queue.assignee").is("");
		}
		else if (!blank(query.assigneeId())) {
			criteria = criteria.and("queue.assignee").is(query.assigneeId().strip());
		}
		if (!query.tiers().isEmpty()) {
			criteria = criteria.and("tier").in(query.tiers());
		}
		if (!query.channels().isEmpty()) {
			criteria = criteria.and("channel").in(query.channels());
		}
		return criteria;
	}

	/** The statuses asked for: the exact ones, within open or closed if that was asked too. */
	private static List<TicketStatus> statuses(TicketQuery query) {
		List<TicketStatus> statuses = new ArrayList<>();
		for (TicketStatus status : TicketStatus.values()) {
			boolean inState = query.open() == null || query.open() == status.isOpen();
			if (inState && (query.statuses().isEmpty() || query.statuses().contains(status))) {
				statuses.add(status);
			}
		}
		return statuses;
	}

	/** Without what a list does not show: the conversation and the outboxes. */
	private static Query listing(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields().exclude("messages", "outbox", "undeliverable", "partnerRequest", "surveyRequests");
		return query;
	}

	private OpenTickets.OpenTicket stated(Ticket ticket, Instant now) {
		return new OpenTickets.OpenTicket(ticket, ticket.slaStateAt(now, sla.atRiskPercent()));
	}

	private static boolean next(int page, int size, int total) {
		return (long) (page + 1) * size < total;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
