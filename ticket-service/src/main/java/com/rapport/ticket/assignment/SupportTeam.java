package com.rapport.ticket.assignment;

import java.time.Instant;
import java.util.List;

import com.rapport.ticket.ticket.Category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A support team ({@code support_teams}): the ticket categories it takes (empty: every one) and its agents, in the
 * order the rotation goes round them; who stored it last, and when.
 */
@Document("support_teams")
public record SupportTeam(@Id String id, String name, List<Category> categories, List<TeamAgent> agents,
		Instant updatedAt, String updatedBy) {

	public SupportTeam {
		categories = categories == null ? List.of() : List.copyOf(categories);
		agents = agents == null ? List.of() : List.copyOf(agents);
	}

	/** Whether the team takes tickets of {@code category} (null: a ticket without one, any team takes it). */
	public boolean takes(Category category) {
		return category == null || categories.isEmpty() || categories.contains(category);
	}

	/** The agent whose user name is {@code userName}, if they are one of the team. */
	public java.util.Optional<TeamAgent> agent(String userName) {
		return agents.stream().filter(a -> a.userName().equals(userName)).findFirst();
	}
}
