package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaState;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Lists tickets: the console's queue for staff (every organisation, all filters, most urgent first) and an
 * organisation's tickets for its contacts and for partners (newest first). SLA states depend on the moment,
 * so a list filtered or sorted by them is computed over the matching tickets as of the answer; others are
 * paged by the store.
 */
@Service
public class TicketQueue {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	/** Most urgent first: breached, at risk, on track, paused, then done. */
	static final Comparator<SlaState> URGENCY = Comparator.comparingInt(state -> switch (state) {
		case BREACHED -> 0;
		case AT_RISK -> 1;
		case ON_TRACK -> 2;
		case PAUSED -> 3;
		case MET -> 4;
	});

	private final MongoTemplate mongo;

	private final SlaProperties sla;

	private final Clock clock;

	TicketQueue(MongoTemplate mongo, SlaProperties sla, Clock clock) {
		this.mongo = mongo;
		this.sla = sla;
		this.clock = clock;
	}

	public TicketPage list(Caller caller, TicketQuery query) {
		boolean sees = caller.seesAllCustomers() || caller.hasScope("tickets.read");
		if (!sees && !Callers.isContact(caller)) {
			throw new AccessDeniedException("Ticket lists are for staff, services, partners and contacts");
		}
		int page = Math.max(query.page(), 0);
		int size = query.pageSize() <= 0 ? DEFAULT_PAGE_SIZE : Math.min(query.pageSize(), MAX_PAGE_SIZE);
		boolean requesterVisible = Callers.isStaff(caller);
		Criteria criteria;
		boolean staffFilters = caller.seesAllCustomers();
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
		List<TicketStatus> statuses = statuses(query);
		if (statuses.isEmpty()) {
			return new TicketPage(List.of(), false, 0, page, size, requesterVisible);
		}
		criteria = criteria.and("status").in(statuses);
		if (staffFilters) {
			criteria = staffCriteria(criteria, caller, query);
		}
		TicketQuery.Sort sort = query.sort() != null ? query.sort()
				: staffFilters ? TicketQuery.Sort.MOST_URGENT : TicketQuery.Sort.NEWEST;
		Instant now = clock.instant();
		boolean bySla = staffFilters && !query.slaStates().isEmpty();
		if (sort == TicketQuery.Sort.NEWEST && !bySla) {
			Query find = listing(criteria).with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("number")))
				.skip((long) page * size).limit(size);
			List<OpenTickets.OpenTicket> found = mongo.find(find, Ticket.class).stream().map(t -> stated(t, now)).toList();
			int total = (int) mongo.count(Query.query(criteria), Ticket.class);
			return new TicketPage(found, next(page, size, total), total, page, size, requesterVisible);
		}
		List<OpenTickets.OpenTicket> matching = new ArrayList<>(mongo.find(listing(criteria), Ticket.class).stream()
			.map(t -> stated(t, now)).filter(t -> !bySla || query.slaStates().contains(t.state())).toList());
		matching.sort(sort == TicketQuery.Sort.NEWEST
				? Comparator.comparing((OpenTickets.OpenTicket t) -> t.ticket().openedAt()).reversed()
				: Comparator.comparing(OpenTickets.OpenTicket::state, URGENCY)
					.thenComparing(t -> t.ticket().nextDueAt(now)).thenComparing(t -> t.ticket().number()));
		int from = (int) Math.min((long) page * size, matching.size());
		List<OpenTickets.OpenTicket> shown = matching.subList(from, Math.min(from + size, matching.size()));
		return new TicketPage(shown, next(page, size, matching.size()), matching.size(), page, size, requesterVisible);
	}

	private static Criteria staffCriteria(Criteria criteria, Caller caller, TicketQuery query) {
		if (query.assignee() == TicketQuery.AssigneeFilter.ME) {
			criteria = criteria.and("assigneeId").is(caller.name());
		}
		else if (query.assignee() == TicketQuery.AssigneeFilter.UNASSIGNED) {
			criteria = criteria.and("assignee").is(null);
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
