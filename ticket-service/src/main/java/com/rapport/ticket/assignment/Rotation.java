package com.rapport.ticket.assignment;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a team's round-robin stands ({@code assignment_rotations}, one per team): the agent who got the last
 * ticket and a sequence number that every advance raises by one. Advanced only by a conditional update that
 * matches the sequence read (see {@link AutoAssignment}), so two replicas never both advance from one state.
 */
@Document("assignment_rotations")
public record Rotation(@Id String teamId, long seq, String lastAgent) {

	/**
	 * The agent after {@code lastAgent} in the team's order, going round, who {@code canTake} the ticket; the first
	 * who can when nobody had one yet or the last one left the team; empty when nobody can.
	 */
	static Optional<TeamAgent> next(List<TeamAgent> agents, String lastAgent, Predicate<TeamAgent> canTake) {
		int start = 0;
		for (int i = 0; i < agents.size(); i++) {
			if (agents.get(i).userName().equals(lastAgent)) {
				start = i + 1;
				break;
			}
		}
		for (int k = 0; k < agents.size(); k++) {
			TeamAgent agent = agents.get((start + k) % agents.size());
			if (canTake.test(agent)) {
				return Optional.of(agent);
			}
		}
		return Optional.empty();
	}
}
