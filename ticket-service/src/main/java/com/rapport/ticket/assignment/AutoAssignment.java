package com.rapport.ticket.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.mongodb.client.result.UpdateResult;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Classification;
import com.rapport.ticket.ticket.QueueKeys;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Gives unassigned open tickets to an agent of the team that takes their category: a VIP organisation's ticket to
 * its account manager (customer-service's) when they are an available agent under their cap, else the next agent
 * round the team's rotation who is available, under their cap of open tickets and skilled for the ticket's category
 * and the requester's language.
 *
 * <p>Safe and fair at two replicas, without a lease, by conditional updates on the store:
 * <ol>
 * <li>a replica <em>claims</em> the ticket by inserting its pick ({@link AssignmentPick}, id the ticket's id): of two
 * replicas one inserts, the other finds the claim and leaves the ticket (a claim older than
 * {@value #STALE_CLAIM_SECONDS} s, of a replica that died, is taken over by a conditional update);</li>
 * <li>it notes the agent it would choose on its pick (so the agent's in-flight ticket counts against their cap) and
 * advances the team's {@link Rotation} by an update that matches only the sequence it read; when another replica
 * advanced it first, it reads it again and chooses again;</li>
 * <li>it assigns the ticket by an update that matches only while the ticket is still open and unassigned (a person
 * who assigned it meanwhile wins), raising its version so a concurrent save of a stale copy fails and retries.</li>
 * </ol>
 * So each ticket advances the rotation at most once and is assigned once, and the agents of a team get tickets in
 * turn however many replicas assign at once. The platform's own work: not audited (the assignment shows on the
 * ticket and in the queue).
 */
@Service
public class AutoAssignment {

	static final long STALE_CLAIM_SECONDS = 60;

	static final int ROTATION_ATTEMPTS = 50;

	private static final Logger log = LoggerFactory.getLogger(AutoAssignment.class);

	private final MongoTemplate mongo;

	private final SupportTeams teams;

	private final CustomerDirectory customers;

	private final ContactDirectory contacts;

	private final Clock clock;

	/** This replica's name on its claims. */
	private final String replica;

	@Autowired
	AutoAssignment(MongoTemplate mongo, SupportTeams teams, CustomerDirectory customers, ContactDirectory contacts,
			Clock clock) {
		this(mongo, teams, customers, contacts, clock, "replica-" + UUID.randomUUID());
	}

	/** An assigner of its own name (tests run two as two replicas would). */
	AutoAssignment(MongoTemplate mongo, SupportTeams teams, CustomerDirectory customers, ContactDirectory contacts,
			Clock clock, String replica) {
		this.mongo = mongo;
		this.teams = teams;
		this.customers = customers;
		this.contacts = contacts;
		this.clock = clock;
		this.replica = replica;
	}

	/** What became of one ticket. */
	public enum Outcome {
		/** This replica assigned it. */
		ASSIGNED,
		/** Another replica is on it, or it was assigned or closed meanwhile. */
		TAKEN,
		/** No team takes its category. */
		NO_TEAM,
		/** Nobody of its team can take it now (away, at their cap, without the skill): tried again next round. */
		NOBODY_AVAILABLE
	}

	/** What of a ticket assignment reads. */
	record Unassigned(String id, String customerId, Tier tier, Classification classification, Requester requester,
			String assigneeId, TicketStatus status) {

		Category category() {
			return classification == null ? null : classification.category();
		}
	}

	/** Assigns up to {@code limit} unassigned open tickets, most urgent first; answers how many it assigned. */
	public int assignWaiting(int limit) {
		int assigned = 0;
		for (Unassigned ticket : waiting(limit)) {
			try {
				if (assign(ticket) == Outcome.ASSIGNED) {
					assigned++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Ticket {} not assigned this round: {}", ticket.id(), ex.toString());
			}
		}
		return assigned;
	}

	/** The unassigned open tickets, from the queue's assignee index, the soonest due first. */
	List<Unassigned> waiting(int limit) {
		Query query = Query.query(Criteria.where("queue.assignee").is("").and("queue.lane")
			.in(QueueKeys.Lane.RUNNING.name(), QueueKeys.Lane.PAUSED.name()))
			.with(Sort.by("queue.assignee", "queue.lane", "queue.slaDueAt", "_id"))
			.limit(limit);
		query.fields().include("customerId", "tier", "classification", "requester", "assigneeId", "status");
		return mongo.find(query, Unassigned.class, "tickets");
	}

	/** Assigns the ticket {@code id} if it is open and unassigned (see the class comment). */
	public Outcome assign(String id) {
		Query query = Query.query(Criteria.where("_id").is(id));
		query.fields().include("customerId", "tier", "classification", "requester", "assigneeId", "status");
		Unassigned ticket = mongo.findOne(query, Unassigned.class, "tickets");
		if (ticket == null) {
			throw new NotFoundException(Message.of("ticket.not-found", id));
		}
		return assign(ticket);
	}

	Outcome assign(Unassigned ticket) {
		if (ticket.assigneeId() != null || ticket.status() == null || !ticket.status().isOpen()) {
			return Outcome.TAKEN;
		}
		Optional<SupportTeam> found = teams.teamFor(ticket.category());
		if (found.isEmpty()) {
			return Outcome.NO_TEAM;
		}
		SupportTeam team = found.get();
		Instant now = clock.instant();
		AssignmentPick pick = claim(ticket, team, now);
		if (pick == null) {
			return Outcome.TAKEN;
		}
		if (pick.agentId() != null) {
			// A claim taken over from a replica that died after choosing: its choice stands.
			return apply(ticket.id(), pick.agentId(), pick.agentName(), now);
		}
		Optional<TeamAgent> chosen = accountManager(ticket, team).or(() -> rotate(ticket, team));
		if (chosen.isEmpty()) {
			mongo.remove(Query.query(Criteria.where("_id").is(ticket.id()).and("claimedBy").is(replica)),
					AssignmentPick.class);
			return Outcome.NOBODY_AVAILABLE;
		}
		return apply(ticket.id(), chosen.get().userName(), chosen.get().displayName(), now);
	}

	/** This replica's claim on the ticket, or null when another replica holds a live one. */
	private AssignmentPick claim(Unassigned ticket, SupportTeam team, Instant now) {
		try {
			return mongo.insert(AssignmentPick.claim(ticket.id(), team.id(), replica, now));
		}
		catch (DuplicateKeyException ex) {
			AssignmentPick held = mongo.findById(ticket.id(), AssignmentPick.class);
			if (held == null || held.applied()
					|| held.claimedAt().isAfter(now.minus(Duration.ofSeconds(STALE_CLAIM_SECONDS)))) {
				return null;
			}
			UpdateResult taken = mongo.updateFirst(
					Query.query(Criteria.where("_id").is(ticket.id()).and("claimedBy").is(held.claimedBy())
						.and("claimedAt").is(held.claimedAt()).and("applied").is(false)),
					new Update().set("claimedBy", replica).set("claimedAt", now), AssignmentPick.class);
			return taken.getModifiedCount() == 1 ? mongo.findById(ticket.id(), AssignmentPick.class) : null;
		}
	}

	/** A VIP organisation's account manager, when they are an agent who can take one more ticket now. */
	private Optional<TeamAgent> accountManager(Unassigned ticket, SupportTeam team) {
		if (ticket.tier() != Tier.VIP) {
			return Optional.empty();
		}
		Optional<String> manager;
		try {
			manager = customers.accountManagerOf(ticket.customerId());
		}
		catch (RemoteUnavailableException | NotFoundException ex) {
			return Optional.empty();
		}
		if (manager.isEmpty()) {
			return Optional.empty();
		}
		Optional<TeamAgent> agent = team.agent(manager.get())
			.or(() -> teams.all().stream().flatMap(t -> t.agent(manager.get()).stream()).findFirst());
		if (agent.isEmpty() || !agent.get().available()) {
			return Optional.empty();
		}
		note(ticket.id(), agent.get());
		return underCap(ticket.id()).test(agent.get()) ? agent : Optional.empty();
	}

	/** The next agent round the team's rotation who can take the ticket, the rotation advanced past them. */
	private Optional<TeamAgent> rotate(Unassigned ticket, SupportTeam team) {
		String language = language(ticket, team);
		Predicate<TeamAgent> canTake = agent -> agent.available()
				&& agent.skilledFor(ticket.category(), language);
		for (int attempt = 0; attempt < ROTATION_ATTEMPTS; attempt++) {
			Rotation rotation = mongo.findById(team.id(), Rotation.class);
			if (rotation == null) {
				try {
					mongo.insert(new Rotation(team.id(), 0, null));
				}
				catch (DuplicateKeyException ex) {
					// Another replica started it: read it again.
				}
				continue;
			}
			Optional<TeamAgent> next = Rotation.next(team.agents(), rotation.lastAgent(),
					canTake.and(underCap(ticket.id())));
			if (next.isEmpty()) {
				return next;
			}
			// Noted before the advance: from the advance on, the agent's in-flight ticket counts against their cap.
			note(ticket.id(), next.get());
			UpdateResult advanced = mongo.updateFirst(
					Query.query(Criteria.where("_id").is(team.id()).and("seq").is(rotation.seq())),
					new Update().set("lastAgent", next.get().userName()).inc("seq", 1), Rotation.class);
			if (advanced.getModifiedCount() == 1) {
				return next;
			}
		}
		log.warn("Rotation of team {} too contended; ticket {} waits for the next round", team.id(), ticket.id());
		return Optional.empty();
	}

	/** Whether the agent has fewer open tickets than their cap, counting other tickets being assigned to them. */
	private Predicate<TeamAgent> underCap(String ticketId) {
		return agent -> {
			long inFlight = mongo.count(Query.query(Criteria.where("agentId").is(agent.userName()).and("applied")
				.is(false).and("_id").ne(ticketId)), AssignmentPick.class);
			return teams.openTickets(agent.userName()) + inFlight < agent.maxOpenTickets();
		};
	}

	private void note(String ticketId, TeamAgent agent) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId).and("claimedBy").is(replica)),
				new Update().set("agentId", agent.userName()).set("agentName", agent.displayName()),
				AssignmentPick.class);
	}

	/** Assigns the ticket while it is still open and unassigned; the pick is applied either way. */
	private Outcome apply(String ticketId, String agentId, String agentName, Instant now) {
		UpdateResult assigned = mongo.updateFirst(
				Query.query(Criteria.where("_id").is(ticketId).and("assigneeId").is(null).and("status")
					.in(TicketStatus.NEW.name(), TicketStatus.OPEN.name(), TicketStatus.PENDING.name())),
				new Update().set("assigneeId", agentId).set("assignee", agentName).set("queue.assignee", agentId)
					.set("updatedAt", now).inc("version", 1),
				"tickets");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId)),
				new Update().set("applied", true).set("agentId", agentId).set("agentName", agentName),
				AssignmentPick.class);
		if (assigned.getModifiedCount() == 1) {
			log.info("Ticket {} assigned to {}", ticketId, agentId);
			return Outcome.ASSIGNED;
		}
		return Outcome.TAKEN;
	}

	/** The requester's language when some agent of the team is bound to languages, else null (no need to ask). */
	private String language(Unassigned ticket, SupportTeam team) {
		Requester requester = ticket.requester();
		if (requester == null || team.agents().stream().allMatch(a -> a.languages().isEmpty())
				|| (requester.contactId() == null && requester.email() == null)) {
			return null;
		}
		try {
			return contacts.contact(ticket.customerId(), requester.contactId(), requester.email())
				.map(ContactDirectory.KnownContact::language)
				.filter(language -> !language.isBlank())
				.orElse(null);
		}
		catch (RemoteUnavailableException ex) {
			return null;
		}
	}
}
