package com.rapport.customer.care;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A task for an account manager about one organisation. The id is made from what caused it (see
 * {@link CareTaskService#openWakeUpCall}), so the same cause never opens two tasks.
 *
 * @param assignee the account manager's user name; {@code null} when the organisation has none yet
 */
@Document("care_tasks")
@CompoundIndex(name = "open_by_assignee", def = "{'open': 1, 'assignee': 1, 'createdAt': -1}")
public record CareTask(@Id String id, String organisationId, String assignee, CareTaskKind kind, String summary,
		Instant createdAt, boolean open) {
}
