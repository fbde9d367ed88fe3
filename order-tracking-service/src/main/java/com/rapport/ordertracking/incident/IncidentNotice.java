package com.rapport.ordertracking.incident;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notice sent about an incident: who sent it and when, the selection, the cause and the corrective action as
 * written, and how many orders and organisations it reached. The id is the caller's (chosen with the preview), so
 * a repeated send is the same notice. {@code complete} turns true once every organisation's recipient is stored;
 * a send cut short is finished by its repeat. Listed newest first by the index {@code created}.
 */
@Document("incident_notices")
@CompoundIndex(name = "created", def = "{'createdAt': -1}")
public record IncidentNotice(@Id String id, IncidentSelection selection, String cause, String correctiveAction,
		String createdBy, Instant createdAt, int orderCount, int organisationCount, boolean complete) {
}
