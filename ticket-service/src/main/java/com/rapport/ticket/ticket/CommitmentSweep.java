package com.rapport.ticket.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Commitments' own round, every {@code rapport.tickets.commitments.interval}: reminds the owner of each open
 * commitment whose reminder time ({@code reminder-lead} before it is due) has come and that is not due yet, once, by mail
 * ({@link CommitmentReminderMail}; the console's ticket page then says the reminder went out); then finds the open
 * commitments past their due time broken, once each, with the event for the customer's timeline.
 *
 * <p>Safe at two replicas without a lease. A reminder is claimed by setting its {@code remindedAt}, saved at the
 * version the ticket was read with and only while it is unset, so exactly one replica sends it: never twice. Should the
 * mail fail, the claim is given back (the next round tries again); should the replica die between claiming and
 * sending, that reminder is lost (at most once, by design: a promise's owner is never reminded twice). A break is
 * saved at the version the ticket was read with, so of two replicas one saves and the other reads it again and
 * finds it broken. The platform's own work: not audited.
 */
@Component
public class CommitmentSweep {

	static final String REMINDED = "rapport.tickets.commitments.reminded";

	static final String BROKEN = "rapport.tickets.commitments.broken";

	static final int BATCH = 200;

	private static final int ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(CommitmentSweep.class);

	private final MongoTemplate mongo;

	private final TicketRepository tickets;

	private final CommitmentReminderMail mail;

	private final CommitmentProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	CommitmentSweep(MongoTemplate mongo, TicketRepository tickets, CommitmentReminderMail mail,
			CommitmentProperties properties, MeterRegistry meters, Clock clock) {
		this.mongo = mongo;
		this.tickets = tickets;
		this.mail = mail;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${rapport.tickets.commitments.interval:1m}",
			fixedDelayString = "${rapport.tickets.commitments.interval:1m}")
	void run() {
		if (!properties.enabled()) {
			return;
		}
		try {
			int reminded = remindOwners();
			int broken = findBroken();
			if (reminded > 0 || broken > 0) {
				log.info("Reminded {} commitments' owners; {} commitments found broken", reminded, broken);
			}
		}
		catch (RuntimeException ex) {
			log.warn("The commitments' round failed, tried again next run: {}", ex.toString());
		}
	}

	/** Sends each reminder that is due and not sent, claimed first; answers how many this replica sent. */
	public int remindOwners() {
		Instant now = clock.instant();
		// One already past its due time is broken, not reminded.
		// Only commitments whose reminder is still owed carry remindKey (see Commitment): the index holds nothing else.
		Query query = Query.query(Criteria.where("commitments.remindKey").lte(now)).limit(BATCH);
		query.fields().exclude("messages", "outbox", "undeliverable", "partnerRequest", "surveyRequests");
		int sent = 0;
		for (Ticket ticket : mongo.find(query, Ticket.class)) {
			for (Commitment commitment : List.copyOf(ticket.commitments())) {
				if (commitment.isOpen() && commitment.remindedAt() == null && !commitment.remindAt().isAfter(now)
						&& commitment.dueAt().isAfter(now) && claim(ticket.id(), commitment.id(), now)) {
					try {
						mail.send(ticket, commitment);
						count(REMINDED);
						sent++;
					}
					catch (RuntimeException ex) {
						release(ticket.id(), commitment.id(), now);
						log.warn("The reminder of commitment {} on {} could not be sent, tried again next run: {}",
								commitment.id(), ticket.number(), ex.toString());
					}
				}
			}
		}
		return sent;
	}

	/**
	 * Takes the reminder of one commitment for this replica: sets its {@code remindedAt}, saved at the version the
	 * ticket was read with and only while it is unset, so of two replicas one saves and the other, failing on the
	 * version, reads the ticket again and finds it taken.
	 */
	boolean claim(String ticketId, String commitmentId, Instant now) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Ticket fresh = tickets.findById(ticketId).orElse(null);
			Commitment current = fresh == null ? null : fresh.commitment(commitmentId).orElse(null);
			if (current == null || !current.isOpen() || current.remindedAt() != null) {
				return false;
			}
			try {
				tickets.save(fresh.withCommitmentChanged(current.remindedAt(now), now, false));
				return true;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile (the other replica's claim, a reply): read it again.
			}
		}
		return false;
	}

	/** Gives a claim back after the mail failed, so that the next round tries again. */
	private void release(String ticketId, String commitmentId, Instant claimedAt) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Ticket fresh = tickets.findById(ticketId).orElse(null);
			Commitment current = fresh == null ? null : fresh.commitment(commitmentId).orElse(null);
			if (current == null || !claimedAt.equals(current.remindedAt())) {
				return;
			}
			try {
				tickets.save(fresh.withCommitmentChanged(current.remindedAt(null), claimedAt, false));
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile: give it back on the fresh one.
			}
		}
	}

	/** Marks the open commitments past their due time broken, once each; answers how many this replica did. */
	public int findBroken() {
		Instant now = clock.instant();
		// Only open commitments not found broken yet carry breakKey (their due time).
		Query query = Query.query(Criteria.where("commitments.breakKey").lt(now)).limit(BATCH);
		query.fields().include("_id", "commitments");
		int broken = 0;
		for (Ticket candidate : mongo.find(query, Ticket.class)) {
			broken += breakPastDue(candidate.id(), now);
		}
		return broken;
	}

	private int breakPastDue(String id, Instant now) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			Ticket fresh = tickets.findById(id).orElse(null);
			if (fresh == null) {
				return 0;
			}
			Ticket changed = fresh;
			int count = 0;
			for (Commitment commitment : fresh.commitments()) {
				if (commitment.isOpen() && commitment.brokenAt() == null && now.isAfter(commitment.dueAt())) {
					changed = changed.withCommitmentChanged(commitment.brokenFrom(now), now, false);
					count++;
				}
			}
			if (count == 0) {
				return 0;
			}
			try {
				tickets.save(changed);
				for (int i = 0; i < count; i++) {
					count(BROKEN);
				}
				return count;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile (the other replica's round, a keep): read it again.
			}
		}
		return 0;
	}

	private void count(String name) {
		Counter.builder(name).description("Commitments' reminders sent and commitments found broken")
			.register(meters).increment();
	}
}
