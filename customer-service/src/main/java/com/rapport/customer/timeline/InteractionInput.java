package com.rapport.customer.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * An interaction as a service reports it. {@code source} may be left out: it is then the reporting service's
 * client id. Blank optional texts count as absent.
 */
public record InteractionInput(String source, String eventId, String organisationId, InteractionKind kind,
		Instant occurredAt, String summary, String reference, Map<String, String> attributes) {
}
