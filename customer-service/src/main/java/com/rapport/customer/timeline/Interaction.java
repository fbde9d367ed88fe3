package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of an organisation's timeline. {@code (source, eventId)} is unique: the same event reported twice
 * (a retry, an at-least-once relay) is stored once. The timeline is read newest first per organisation, with
 * or without a filter by kind; {@code _id} breaks ties between equal {@code occurredAt} so pages never
 * overlap.
 *
 * @param source     the service that reported it, such as {@code order-tracking-service}
 * @param occurredAt when it happened (as the source says)
 * @param recordedAt when this service stored it
 * @param reference  the record it is about, as {@code <type>:<id>}
 * @param attributes facts of the kind, such as {@code order_number}
 */
@Document("interactions")
@CompoundIndexes({
		@CompoundIndex(name = "source_event", def = "{'source': 1, 'eventId': 1}", unique = true),
		@CompoundIndex(name = "organisation_newest", def = "{'organisationId': 1, 'occurredAt': -1, '_id': -1}"),
		@CompoundIndex(name = "organisation_kind_newest",
				def = "{'organisationId': 1, 'kind': 1, 'occurredAt': -1, '_id': -1}") })
public record Interaction(@Id String id, String source, String eventId, String organisationId, InteractionKind kind,
		Instant occurredAt, String summary, String reference, Map<String, String> attributes, Instant recordedAt) {

	public Interaction {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}
}
