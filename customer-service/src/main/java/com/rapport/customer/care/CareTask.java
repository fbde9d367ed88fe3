package com.rapport.customer.care;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A task for an account manager about one organisation. The id is made from what caused it (see
 * {@link CareTaskService#openWakeUpCall}), so the same cause never opens two tasks. The console lists open tasks
 * newest first, everyone's ({@code open_newest}) or one assignee's ({@code open_by_assignee}); the recompute asks
 * for an organisation's open tasks of a kind ({@code organisation_kind_open}).
 *
 * @param assignee the account manager's user name; {@code null} when the organisation has none yet
 */
@Document("care_tasks")
@CompoundIndexes({
		@CompoundIndex(name = "open_by_assignee", def = "{'open': 1, 'assignee': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "open_newest", def = "{'open': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "organisation_kind_open", def = "{'organisationId': 1, 'kind': 1, 'open': 1}") })
public record CareTask(@Id String id, String organisationId, String assignee, CareTaskKind kind, String summary,
		Instant createdAt, boolean open) {
}
