package com.rapport.benchmarks.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Which seeded ticket is what: tickets {@code 0} to {@code done - 1} are resolved or closed, opened oldest first
 * over the two years before the seeding, the last {@code open} ones are open (new, open or waiting on the customer),
 * opened over the last days, so that tickets go into the store in the order they were opened, as in a live one.
 * Each has its own {@code _id} (a UUID made from its index, as ticket-service's ids are UUIDs) and number
 * ({@code T-1000000} on, far past the demo's {@code T-1001}, so that tickets opened later never meet one), an
 * organisation of {@code organisations} and an agent of {@code agents} in turn (and nobody's in turn: one in three with two agents).
 */
record TicketPlan(int tickets, int open, List<String> organisations, List<Agent> agents) {

	/** The first seeded ticket's number. */
	static final int FIRST_NUMBER = 1_000_000;

	/** How far back the oldest done ticket was opened. */
	static final Duration DONE_SPAN = Duration.ofDays(730);

	/** The newest done ticket was opened this long before the seeding. */
	static final Duration DONE_NEWEST = Duration.ofDays(2);

	/** The open tickets were opened over this long before the seeding, one step apart in turn. */
	static final Duration OPEN_STEP = Duration.ofMinutes(37);

	static final int OPEN_STEPS = 97;

	/** A staff member tickets are given to: the user name (ticket-service's {@code assigneeId}) and the name shown. */
	record Agent(String username, String name) {
	}

	TicketPlan {
		if (open < 0 || open > tickets || organisations.isEmpty()) {
			throw new IllegalArgumentException("a plan needs 0 to " + tickets + " open tickets and an organisation");
		}
		organisations = List.copyOf(organisations);
		agents = List.copyOf(agents);
	}

	int done() {
		return tickets - open;
	}

	boolean isOpen(int n) {
		return n >= done();
	}

	String id(int n) {
		return UUID.nameUUIDFromBytes(("bench-ticket:" + n).getBytes(StandardCharsets.UTF_8)).toString();
	}

	String number(int n) {
		return "T-" + (FIRST_NUMBER + n);
	}

	String organisation(int n) {
		return organisations.get(n % organisations.size());
	}

	/** Its agent, or null for nobody's. */
	Agent agent(int n) {
		int slot = n % (agents.size() + 1);
		return slot < agents.size() ? agents.get(slot) : null;
	}

	/** How long before the seeding ticket {@code n} was opened. */
	Duration age(int n) {
		if (isOpen(n)) {
			return OPEN_STEP.multipliedBy((n - done()) % OPEN_STEPS);
		}
		long spanMillis = DONE_SPAN.minus(DONE_NEWEST).toMillis();
		long step = done() <= 1 ? 0 : spanMillis * (done() - 1L - n) / (done() - 1L);
		return DONE_NEWEST.plusMillis(step);
	}
}
