package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes resolved tickets nobody touched for the quiet period ({@code rapport.tickets.auto-close.after}). Safe
 * at any number of replicas without a lease: each ticket is closed by a conditional update that matches only
 * while it is still resolved with the same resolution and version, so of two replicas one closes it and the
 * other changes nothing, and a customer's reply that reopened it meanwhile wins. The platform's own work: not
 * audited.
 */
@Component
public class AutoClose {

	private static final Logger log = LoggerFactory.getLogger(AutoClose.class);

	/** Tickets closed per run at most; the rest wait for the next run. */
	static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final AutoCloseProperties properties;

	private final Clock clock;

	AutoClose(MongoTemplate mongo, AutoCloseProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${rapport.tickets.auto-close.interval:5m}",
			fixedDelayString = "${rapport.tickets.auto-close.interval:5m}")
	void run() {
		if (!properties.enabled()) {
			return;
		}
		try {
			int closed = closeQuietTickets();
			if (closed > 0) {
				log.info("Closed {} resolved tickets after a quiet period of {}", closed, properties.after());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Closing quiet tickets failed, tried again next run: {}", ex.toString());
		}
	}

	/**
	 * Closes the resolved tickets quiet for longer than the quiet period (no change since); answers how many this
	 * run closed.
	 */
	public int closeQuietTickets() {
		Instant now = clock.instant();
		Instant quietSince = now.minus(properties.after());
		Query due = Query.query(Criteria.where("status").is(TicketStatus.RESOLVED).and("resolvedAt").lt(quietSince))
			.with(Sort.by("resolvedAt")).limit(BATCH);
		due.fields().include("_id", "openedAt", "resolvedAt", "updatedAt", "version");
		int closed = 0;
		for (Ticket ticket : mongo.find(due, Ticket.class)) {
			if (!ticket.lastChangedAt().isBefore(quietSince)) {
				continue; // a note or reply after the resolution: not quiet yet
			}
			Criteria unchanged = Criteria.where("_id").is(ticket.id()).and("status").is(TicketStatus.RESOLVED)
				.and("resolvedAt").is(ticket.resolvedAt()).and("version").is(ticket.version());
			Update close = new Update().set("status", TicketStatus.CLOSED).set("closedAt", now).set("updatedAt", now)
				.inc("version", 1);
			closed += (int) mongo.updateFirst(Query.query(unchanged), close, Ticket.class).getModifiedCount();
		}
		return closed;
	}
}
