package com.rapport.ticket.assignment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One ticket's automatic assignment under way or done ({@code assignment_picks}, id the ticket's id): the replica
 * that claimed it (the unique id lets only one claim a ticket), when, the agent chosen ({@code agentId}, set before
 * the rotation is advanced, so that the agent's in-flight ticket already counts against their cap) and whether it
 * was applied to the ticket. Kept a week (TTL), then forgotten.
 */
@Document("assignment_picks")
@CompoundIndex(name = "agent_applied", def = "{'agentId': 1, 'applied': 1}")
public record AssignmentPick(@Id String ticketId, String teamId, String claimedBy,
		@Indexed(name = "claimed_ttl", expireAfter = "7d") Instant claimedAt, String agentId, String agentName,
		boolean applied) {

	static AssignmentPick claim(String ticketId, String teamId, String replica, Instant at) {
		return new AssignmentPick(ticketId, teamId, replica, at, null, null, false);
	}
}
