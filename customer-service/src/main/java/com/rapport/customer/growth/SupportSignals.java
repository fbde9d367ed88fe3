package com.rapport.customer.growth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an organisation's {@link SupportFacts} from ticket-service and feedback-service (gRPC adapter in
 * {@code growth.grpc}); never throws: a part that cannot be read is {@code null}.
 */
public interface SupportSignals {

	SupportFacts of(String organisationId);

	/**
	 * The facts of a page of organisations (the nightly recompute's), by id; the adapter asks each service once for
	 * the whole page. By default one organisation after the other.
	 */
	default Map<String, SupportFacts> ofAll(List<String> organisationIds) {
		Map<String, SupportFacts> facts = new LinkedHashMap<>();
		organisationIds.forEach(id -> facts.put(id, of(id)));
		return facts;
	}
}
