package com.rapport.support.timeline;

import java.time.Instant;
import java.util.Map;

import com.rapport.support.error.RemoteUnavailableException;

/** Tells customer-service's timeline what happened between the supplier and an organisation. */
public interface InteractionRecorder {

	/**
	 * Records the entry; a repeat of one already recorded (same event id) is fine. Throws
	 * {@link RemoteUnavailableException} when customer-service cannot take it now; any other exception means
	 * it refused the entry for good.
	 */
	void record(TimelineEntry entry);

	/**
	 * @param kind      a timeline kind such as {@code ORDER_PLACED}, {@code TICKET_OPENED}, {@code SURVEY_ANSWERED}
	 * @param reference the record it is about, {@code <type>:<id>}
	 */
	record TimelineEntry(String eventId, String organisationId, String kind, Instant occurredAt, String summary,
			String reference, Map<String, String> facts) {
	}
}
