package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An interaction as a service reports it. {@code source} may be left out: it is then the reporting service's
 * client id. Blank optional texts count as absent. {@code summaryCode} and {@code summaryArgs} are the line as a
 * message code (see {@link Interaction}).
 */
public record InteractionInput(String source, String eventId, String organisationId, InteractionKind kind,
		Instant occurredAt, String summary, String reference, Map<String, String> attributes, String summaryCode,
		List<String> summaryArgs) {

	public InteractionInput {
		summaryArgs = summaryArgs == null ? List.of() : List.copyOf(summaryArgs);
	}

	/** An interaction whose line is only words. */
	public InteractionInput(String source, String eventId, String organisationId, InteractionKind kind,
			Instant occurredAt, String summary, String reference, Map<String, String> attributes) {
		this(source, eventId, organisationId, kind, occurredAt, summary, reference, attributes, null, List.of());
	}
}
