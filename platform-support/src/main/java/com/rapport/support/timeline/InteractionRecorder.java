package com.rapport.support.timeline;

import java.time.Instant;
import java.util.List;
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
	 * @param kind        a timeline kind such as {@code ORDER_PLACED}, {@code TICKET_OPENED}, {@code SURVEY_ANSWERED}
	 * @param summary     the line in English, for readers without the codes
	 * @param reference   the record it is about, {@code <type>:<id>}
	 * @param summaryCode the line as a message code ({@code rapport/i18n/codes}), said in the reader's language;
	 *                    null when the entry has none
	 * @param summaryArgs the values the code names, in order ({@code #{code}} for a value that is itself a code)
	 */
	record TimelineEntry(String eventId, String organisationId, String kind, Instant occurredAt, String summary,
			String reference, Map<String, String> facts, String summaryCode, List<String> summaryArgs) {

		public TimelineEntry {
			summaryArgs = summaryArgs == null ? List.of() : List.copyOf(summaryArgs);
		}

		/** An entry whose line is only words. */
		public TimelineEntry(String eventId, String organisationId, String kind, Instant occurredAt, String summary,
				String reference, Map<String, String> facts) {
			this(eventId, organisationId, kind, occurredAt, summary, reference, facts, null, List.of());
		}
	}
}
