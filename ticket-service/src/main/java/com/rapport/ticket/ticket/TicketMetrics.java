package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * ticket-service's business meters on {@code /actuator/prometheus}: {@value #OPENED} (tickets opened, tag
 * {@code channel}), counted when a ticket is first stored, and {@value #SLA} (open tickets by SLA state, tag
 * {@code state}: {@code BREACHED}, {@code AT_RISK}, {@code ON_TRACK}, {@code PAUSED}), counted from the store
 * by the tickets' own SLA rule at most every {@link #SNAPSHOT} (so every replica reports the same). Escalations
 * are counted as {@code rapport.tickets.escalated} (tag {@code kind}): breaches by {@link EscalationSweep}, critical
 * complaints here, when they are opened.
 */
@Component
class TicketMetrics extends AbstractMongoEventListener<Ticket> {

	static final String OPENED = "rapport.tickets.opened";

	static final String SLA = "rapport.tickets.sla";

	static final Duration SNAPSHOT = Duration.ofSeconds(15);

	private final MeterRegistry meters;

	private final MongoTemplate mongo;

	private final SlaProperties sla;

	private final Clock clock;

	private Map<SlaState, Long> states = Map.of();

	private Instant countedAt = Instant.MIN;

	TicketMetrics(MeterRegistry meters, MongoTemplate mongo, SlaProperties sla, Clock clock) {
		this.meters = meters;
		this.mongo = mongo;
		this.sla = sla;
		this.clock = clock;
		for (SlaState state : new SlaState[] { SlaState.BREACHED, SlaState.AT_RISK, SlaState.ON_TRACK, SlaState.PAUSED }) {
			Gauge.builder(SLA, this, metrics -> metrics.openIn(state)).tag("state", state.name())
				.description("Open tickets by SLA state").register(meters);
		}
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Ticket> event) {
		Ticket ticket = event.getSource();
		// A ticket is stored first at version 0; every later change raises it.
		if (ticket.version() != null && ticket.version() == 0 && ticket.channel() != null) {
			Counter.builder(OPENED).tag("channel", ticket.channel().name()).description("Tickets opened")
				.register(meters).increment();
			if (ticket.escalated(Escalation.Kind.CRITICAL_COMPLAINT)) {
				Counter.builder(EscalationSweep.ESCALATED).tag("kind", Escalation.Kind.CRITICAL_COMPLAINT.name())
					.description("Tickets escalated to the manager").register(meters).increment();
			}
		}
	}

	private synchronized long openIn(SlaState state) {
		Instant now = clock.instant();
		if (countedAt.plus(SNAPSHOT).isBefore(now)) {
			Query open = Query.query(Criteria.where("status").in(TicketStatus.OPEN_STATUSES));
			open.fields().include("status", "firstRespondedAt", "resolvedAt", "sla", "version");
			Map<SlaState, Long> counted = new EnumMap<>(SlaState.class);
			for (Ticket ticket : mongo.find(open, Ticket.class)) {
				if (ticket.sla() != null) {
					counted.merge(ticket.slaStateAt(now, sla.atRiskPercent()), 1L, Long::sum);
				}
			}
			states = counted;
			countedAt = now;
		}
		return states.getOrDefault(state, 0L);
	}
}
