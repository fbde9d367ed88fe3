package com.rapport.benchmarks.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.rapport.benchmarks.orders.OrderClones;
import org.bson.Document;

/**
 * Seeded tickets made from real ones: a template is a ticket document exactly as ticket-service stored it (the
 * demo's, read raw from its store: Spring Data's field names and types, {@code _class}, its SLA clock and queue
 * keys), an open one for an open seeded ticket, a done one (resolved or closed) for a done one. A clone gets its own
 * {@code _id}, number, organisation and assignee; every time in it (opened, created, the SLA's due and at-risk
 * instants, the queue keys, messages, resolution) moves by the same amount so that it is opened when the plan says:
 * its SLA clock, its queue keys and its state stay what ticket-service worked out for the template, moved in time
 * (so a ticket on track in the template may be at risk or breached as a clone, opened hours earlier).
 * <p>
 * Nothing is left owed: no outbox, survey requests or mails to the customer, no escalation mail; an open clone
 * breached already carries its breach escalation (as one the escalation sweep has seen), so that starting on the
 * seeded store does not escalate thousands of tickets at once. A done clone resolved more than
 * {@link #CLOSED_AFTER} before the seeding is closed (the auto-close's default quiet period, and a day), the rest
 * stay resolved. A clone of another organisation than its template's names a requester of no contact, as a partner's
 * ticket does, so that no contact of one organisation is the requester of another's ticket.
 */
final class TicketClones {

	/** Resolved tickets older than this are closed: the auto-close's 7 days, less a day for the run. */
	static final Duration CLOSED_AFTER = Duration.ofDays(6);

	private static final Set<String> OPEN = Set.of("NEW", "OPEN", "PENDING");

	private TicketClones() {
	}

	static boolean isOpen(Document ticket) {
		return OPEN.contains(ticket.getString("status"));
	}

	/**
	 * Seeded ticket {@code n} of {@code plan}, from {@code template}, opened {@code plan.age(n)} before {@code now};
	 * {@code templatesLoadedAt}: when the templates were made (the demo's load), the instant they are moved from.
	 */
	static Document clone(Document template, TicketPlan plan, int n, Instant now, Instant templatesLoadedAt) {
		long shift = Duration.between(templatesLoadedAt, now).minus(plan.age(n)).toMillis();
		Document ticket = (Document) OrderClones.copy(template, shift);
		ticket.put("_id", plan.id(n));
		ticket.put("number", plan.number(n));
		String organisation = plan.organisation(n);
		if (!organisation.equals(template.getString("customerId"))) {
			ticket.put("requester", new Document("name", "Bench Buyer").append("email", "bench.buyer@example.com")
				.append("erased", false));
		}
		ticket.put("customerId", organisation);
		TicketPlan.Agent agent = plan.agent(n);
		ticket.put("assigneeId", agent == null ? null : agent.username());
		ticket.put("assignee", agent == null ? null : agent.name());
		Document queue = ticket.get("queue", Document.class);
		if (queue != null) {
			queue.put("assignee", agent == null ? "" : agent.username());
		}
		for (String owed : List.of("outbox", "surveyRequests", "customerMails", "undeliverable")) {
			if (ticket.containsKey(owed)) {
				ticket.put(owed, new ArrayList<>());
			}
		}
		ticket.remove("partnerRequest");
		ticket.remove("merge");
		List<Document> escalations = new ArrayList<>();
		for (Object each : ticket.getList("escalations", Object.class, List.of())) {
			Document escalation = (Document) each;
			escalation.put("mailPending", false);
			escalation.remove("mailClaimedUntil");
			escalations.add(escalation);
		}
		if (queue != null && "RUNNING".equals(queue.getString("lane")) && queue.get("slaDueAt") instanceof Date due
				&& due.toInstant().isBefore(now) && escalations.stream().noneMatch(e -> "BREACH".equals(e.get("kind")))) {
			escalations.add(new Document("kind", "BREACH").append("at", due)
				.append("fromPriority", ticket.get("priority")).append("toPriority", ticket.get("priority"))
				.append("reason", "Breached before it was seeded.").append("mailPending", false).append("mailedAt", due));
		}
		ticket.put("escalations", escalations);
		if ("RESOLVED".equals(ticket.getString("status")) && ticket.get("resolvedAt") instanceof Date resolved
				&& resolved.toInstant().isBefore(now.minus(CLOSED_AFTER))) {
			ticket.put("status", "CLOSED");
			ticket.put("closedAt", Date.from(resolved.toInstant().plus(CLOSED_AFTER).plus(Duration.ofDays(1))));
		}
		return ticket;
	}
}
