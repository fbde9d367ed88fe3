package com.rapport.ticket.facts;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The open tickets of many organisations at once, counted as {@code ListOpenTickets} counts one organisation's (its
 * SLA states at the same instant, with the same at-risk share): one read by the index {@code customer_status_opened}
 * for the whole page of organisations. Services alone.
 */
@Service
public class OpenTicketFacts {

	/** The most organisations one call takes: customer-service's page. */
	public static final int MAX_ORGANISATIONS = 500;

	private static final List<TicketStatus> OPEN = List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);

	private final MongoTemplate mongo;

	private final SlaProperties sla;

	private final Clock clock;

	OpenTicketFacts(MongoTemplate mongo, SlaProperties sla, Clock clock) {
		this.mongo = mongo;
		this.sla = sla;
		this.clock = clock;
	}

	/** One organisation's counts. */
	public record Counts(String customerId, int open, int complaints, int breached) {
	}

	/** The counts of each organisation asked, in the order asked (zeros without open tickets). */
	public List<Counts> of(Caller caller, List<String> customerIds) {
		if (!caller.hasRole(Caller.INTERNAL)) {
			throw new AccessDeniedException("Ticket facts are for services");
		}
		check(customerIds);
		Instant now = clock.instant();
		Map<String, int[]> counts = new LinkedHashMap<>();
		customerIds.forEach(id -> counts.put(id, new int[3]));
		Query open = Query.query(Criteria.where("customerId").in(customerIds).and("status").in(OPEN));
		for (Ticket ticket : mongo.find(open, Ticket.class)) {
			int[] c = counts.get(ticket.customerId());
			if (c == null) {
				continue;
			}
			c[0]++;
			if (ticket.kind() == TicketKind.COMPLAINT) {
				c[1]++;
			}
			if (ticket.slaStateAt(now, sla.atRiskPercent()) == SlaState.BREACHED) {
				c[2]++;
			}
		}
		return counts.entrySet().stream()
			.map(e -> new Counts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.toList();
	}

	private static void check(List<String> customerIds) {
		Set<String> seen = new HashSet<>();
		boolean bad = customerIds.isEmpty() || customerIds.size() > MAX_ORGANISATIONS
				|| customerIds.stream().anyMatch(id -> id == null || id.isBlank() || !seen.add(id));
		if (bad) {
			throw UnprocessableException.field(Message.of("facts.organisations-invalid"), "customerIds",
					Message.of("facts.organisations.range", MAX_ORGANISATIONS));
		}
	}
}
