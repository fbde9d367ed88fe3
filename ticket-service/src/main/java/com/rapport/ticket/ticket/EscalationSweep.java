package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.ticket.sla.SlaSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes breached tickets to the team's manager, every {@code rapport.tickets.escalation.interval}: each open
 * ticket breached now (the queue's breached segment, read from its index) and not escalated for a breach yet is
 * escalated once: its priority one step up with its running targets recomputed as a change of priority does,
 * the reason kept as an internal note, counted ({@value #ESCALATED}, tag {@code kind}). Then every mail owed to
 * the manager (breaches, and critical complaints, escalated when they are opened) is sent and marked.
 *
 * <p>Safe at two replicas without a lease: the escalation is claimed by saving the ticket at the version it was
 * read with and only while it has no breach escalation, so of two replicas one saves and the other, failing on
 * the version, reads the ticket again and finds it escalated. A mail is marked sent by the same kind of save;
 * a replica that dies between sending and marking makes the next sweep send it again (at least once). The
 * platform's own work: not audited.
 */
@Component
public class EscalationSweep {

	static final String ESCALATED = "rapport.tickets.escalated";

	static final int BATCH = 200;

	private static final int ATTEMPTS = 3;

	/** How long a replica holds an escalation's mail while it sends it. */
	static final Duration MAIL_CLAIM = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

	private final MongoTemplate mongo;

	private final TicketRepository tickets;

	private final SlaSettings settings;

	private final EscalationMail mail;

	private final EscalationProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	EscalationSweep(MongoTemplate mongo, TicketRepository tickets, SlaSettings settings, EscalationMail mail,
			EscalationProperties properties, MeterRegistry meters, Clock clock) {
		this.mongo = mongo;
		this.tickets = tickets;
		this.settings = settings;
		this.mail = mail;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${rapport.tickets.escalation.interval:30s}",
			fixedDelayString = "${rapport.tickets.escalation.interval:30s}")
	void run() {
		if (!properties.enabled()) {
			return;
		}
		try {
			int escalated = escalateBreaches();
			int mailed = sendOwedMails();
			if (escalated > 0 || mailed > 0) {
				log.info("Escalated {} breached tickets; {} mails to the manager sent", escalated, mailed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Escalating tickets failed, tried again next run: {}", ex.toString());
		}
	}

	/** Escalates the tickets breached now and not escalated for it yet; answers how many this replica did. */
	public int escalateBreaches() {
		Instant now = clock.instant();
		// Those escalated already stay breached: left out, so that they never crowd out a new breach.
		Query breached = Query.query(QueueSegment.BREACHED.criteria(now, null).and("escalations.kind")
			.ne(Escalation.Kind.BREACH)).with(QueueSegment.BREACHED.sort()).limit(BATCH);
		breached.fields().include("_id", "escalations");
		int escalated = 0;
		for (Ticket candidate : mongo.find(breached, Ticket.class)) {
			if (!candidate.escalated(Escalation.Kind.BREACH) && escalate(candidate.id(), now)) {
				escalated++;
			}
		}
		return escalated;
	}

	/** Claims and makes the breach escalation of one ticket; false when it is not (or no longer) due. */
	private boolean escalate(String id, Instant now) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Ticket fresh = tickets.findById(id).orElse(null);
			if (fresh == null || !fresh.isOpen() || fresh.escalated(Escalation.Kind.BREACH)
					|| fresh.slaStateAt(now, settings.atRiskPercent()) != com.rapport.ticket.sla.SlaState.BREACHED) {
				return false;
			}
			String reason = "Escalated to the manager: SLA breached; priority " + fresh.priority() + " -> "
					+ Escalation.stepUp(fresh.priority()) + ".";
			Ticket escalated = fresh.escalatedAt(Escalation.Kind.BREACH, now, reason,
					settings.policy(fresh.tier(), Escalation.stepUp(fresh.priority())),
					settings.calendar(fresh.sla().calendarId()), settings.atRiskPercent());
			try {
				tickets.save(escalated);
				count(Escalation.Kind.BREACH);
				return true;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile (another replica's escalation, a reply): read it again.
			}
		}
		return false;
	}

	/** Sends every mail owed to the manager and marks it sent; answers how many went out. */
	public int sendOwedMails() {
		Query owed = Query.query(Criteria.where("escalations.mailPending").is(true)).with(Sort.by("_id")).limit(BATCH);
		owed.fields().exclude("messages", "outbox", "undeliverable", "partnerRequest", "surveyRequests");
		int sent = 0;
		for (Ticket ticket : mongo.find(owed, Ticket.class)) {
			for (Escalation escalation : List.copyOf(ticket.escalations())) {
				if (Boolean.TRUE.equals(escalation.mailPending()) && claimMail(ticket.id(), escalation.kind())) {
					mail.send(ticket, escalation);
					markMailed(ticket.id(), escalation.kind());
					sent++;
				}
			}
		}
		return sent;
	}

	/**
	 * Takes the owed mail of one escalation for this replica ({@link #MAIL_CLAIM}) in one conditional write: false when
	 * it is sent already or another replica holds it. The ticket's version goes up with it, so that a save of the
	 * ticket read before the claim fails and reads it again instead of dropping the claim.
	 */
	private boolean claimMail(String id, Escalation.Kind kind) {
		Instant now = clock.instant();
		Criteria owed = Criteria.where("kind").is(kind.name()).and("mailPending").is(true)
			.orOperator(Criteria.where("mailClaimedUntil").is(null), Criteria.where("mailClaimedUntil").lte(now));
		Query query = Query.query(Criteria.where("_id").is(id).and("escalations").elemMatch(owed));
		Update claim = new Update().set("escalations.$.mailClaimedUntil", now.plus(MAIL_CLAIM)).inc("version", 1);
		return mongo.updateFirst(query, claim, Ticket.class).getModifiedCount() == 1;
	}

	void count(Escalation.Kind kind) {
		Counter.builder(ESCALATED).tag("kind", kind.name()).description("Tickets escalated to the manager")
			.register(meters).increment();
	}

	private void markMailed(String id, Escalation.Kind kind) {
		Instant now = clock.instant();
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Ticket fresh = tickets.findById(id).orElse(null);
			if (fresh == null) {
				return;
			}
			try {
				tickets.save(fresh.escalationMailedAt(kind, now));
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile: mark it on the fresh one.
			}
		}
	}
}
