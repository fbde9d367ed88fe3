package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.List;
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
 * @param summary    the line in English: the fallback for an entry without a code
 * @param summaryCode the line as a message code ({@code rapport/i18n/codes}, e.g. {@code timeline.order.placed}),
 *                   said in the reader's language; null for an old entry no known pattern matched
 * @param summaryArgs the values the code names, in order ({@code #{code}} for a value that is itself a code)
 */
@Document("interactions")
@CompoundIndexes({
		@CompoundIndex(name = "source_event", def = "{'source': 1, 'eventId': 1}", unique = true),
		@CompoundIndex(name = "organisation_newest", def = "{'organisationId': 1, 'occurredAt': -1, '_id': -1}"),
		@CompoundIndex(name = "organisation_kind_newest",
				def = "{'organisationId': 1, 'kind': 1, 'occurredAt': -1, '_id': -1}") })
public record Interaction(@Id String id, String source, String eventId, String organisationId, InteractionKind kind,
		Instant occurredAt, String summary, String reference, Map<String, String> attributes, Instant recordedAt,
		String summaryCode, List<String> summaryArgs) {

	public Interaction {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
		summaryArgs = summaryArgs == null ? List.of() : List.copyOf(summaryArgs);
	}

	/** An entry whose line is only words. */
	public Interaction(String id, String source, String eventId, String organisationId, InteractionKind kind,
			Instant occurredAt, String summary, String reference, Map<String, String> attributes, Instant recordedAt) {
		this(id, source, eventId, organisationId, kind, occurredAt, summary, reference, attributes, recordedAt, null,
				List.of());
	}

	/** The same entry with its line as a code. */
	public Interaction withSummaryCode(String code, List<String> args) {
		return new Interaction(id, source, eventId, organisationId, kind, occurredAt, summary, reference, attributes,
				recordedAt, code, args);
	}
}
