package com.rapport.ticket.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.NewTicket;
import com.rapport.ticket.ticket.Priority;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketService;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Tickets for the demo organisations (ids and contacts as in customer-service's demo data), opened through
 * {@link TicketService} so they carry their SLA timers and reach the timeline, and dated relative to now and
 * to the configured targets so the first look shows every SLA state: Acme Retail (VIP) a breached complaint
 * about the late delivery of ACME-1015, one at risk, one on track, one waiting on the customer and one
 * resolved in time; Globex Trading (key) one on track. The tiers are given, the ones customer-service's demo
 * ends with, so that the states do not depend on whether customer-service is up yet (it is asked nothing).
 * Loaded only into an empty store; runs once the application (and its gRPC clients) is ready, and a failure
 * is logged, never fatal to start-up.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String ACME = "acme-retail";

	static final String GLOBEX = "globex-trading";

	private static final Requester ALICE = Requester.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001", "Alice Chen",
			"alice.chen@acme-retail.example");

	private static final Requester BO = Requester.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002", "Bo Zhang",
			"bo.zhang@acme-retail.example");

	private static final Requester GAVIN = Requester.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b2001", "Gavin Wu",
			"gavin.wu@globex.example");

	private final TicketService tickets;

	private final TicketRepository repository;

	private final SlaProperties sla;

	private final Clock clock;

	DemoData(TicketService tickets, TicketRepository repository, SlaProperties sla, Clock clock) {
		this.tickets = tickets;
		this.repository = repository;
		this.sla = sla;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (repository.count() > 0) {
			return;
		}
		try {
			load();
		}
		catch (RuntimeException ex) {
			log.warn("Demo tickets not loaded: {}", ex.toString());
		}
	}

	private void load() {
		Instant now = clock.instant();
		SlaPolicy vip = sla.policyFor(Tier.VIP);
		Duration resolution = vip.resolution();
		Duration firstResponse = vip.firstResponse();

		// Overdue by a quarter of its resolution target, answered in time.
		Instant late = now.minus(resolution).minus(resolution.dividedBy(4));
		Ticket breached = open(ACME, "Order ACME-1015 arrived three days late, held at customs", TicketKind.COMPLAINT,
				Priority.HIGH, Channel.EMAIL, ALICE, late, Tier.VIP);
		tickets.respond(breached.id(), "Li Na", late.plus(firstResponse.dividedBy(2)));

		// Four fifths of the at-risk share of its resolution target left.
		Instant risky = now.minus(resolution).plus(resolution.multipliedBy(sla.atRiskPercent() * 4L).dividedBy(500));
		Ticket atRisk = open(ACME, "Copy of the invoice for ACME-1013 with the new VAT number", TicketKind.REQUEST,
				Priority.NORMAL, Channel.PORTAL, ALICE, risky, Tier.VIP);
		tickets.respond(atRisk.id(), "Li Na", risky.plus(firstResponse.dividedBy(2)));

		Instant recent = now.minus(resolution.dividedBy(10));
		Ticket onTrack = open(ACME, "Delivery window for ACME-1014 at the Pudong warehouse", TicketKind.REQUEST,
				Priority.NORMAL, Channel.PHONE, BO, recent, Tier.VIP);
		tickets.respond(onTrack.id(), "Li Na", recent.plus(half(firstResponse, Duration.between(recent, now))));

		Instant asked = now.minus(resolution.dividedBy(2));
		Ticket pending = open(ACME, "Return of 5 damaged chairs from ACME-1012", TicketKind.COMPLAINT,
				Priority.NORMAL, Channel.PORTAL, ALICE, asked, Tier.VIP);
		Instant answered = asked.plus(firstResponse.dividedBy(2));
		tickets.respond(pending.id(), "Li Na", answered);
		tickets.waitOnCustomer(pending.id(), answered.plus(Duration.between(answered, now).dividedBy(2)));

		Instant lastWeek = now.minus(Duration.ofDays(5));
		Ticket resolved = open(ACME, "Assembly instructions for CHAIR-ERG-01 in Chinese", TicketKind.REQUEST,
				Priority.LOW, Channel.PORTAL, ALICE, lastWeek, Tier.VIP);
		tickets.respond(resolved.id(), "Li Na", lastWeek.plus(firstResponse.dividedBy(2)));
		tickets.resolve(resolved.id(), lastWeek.plus(resolution.dividedBy(2)));

		Duration keyResolution = sla.policyFor(Tier.KEY).resolution();
		Instant globexOpened = now.minus(keyResolution.dividedBy(10));
		Ticket globex = open(GLOBEX, "Bulk price for 1,000 LED desk lamps (LAMP-LED-02)", TicketKind.REQUEST,
				Priority.NORMAL, Channel.EMAIL, GAVIN, globexOpened, Tier.KEY);
		tickets.respond(globex.id(), "Li Na", globexOpened.plus(half(sla.policyFor(Tier.KEY).firstResponse(),
				Duration.between(globexOpened, now))));

		log.info("Loaded {} demo tickets into the empty store", repository.count());
	}

	private Ticket open(String customerId, String subject, TicketKind kind, Priority priority, Channel channel,
			Requester requester, Instant openedAt, Tier tier) {
		return tickets.open(new NewTicket(customerId, subject, kind, priority, channel, requester, null, openedAt, tier));
	}

	/** Half the shorter of two durations: a response in time that lies in the past. */
	private static Duration half(Duration a, Duration b) {
		return (a.compareTo(b) < 0 ? a : b).dividedBy(2);
	}
}
