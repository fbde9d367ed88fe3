package com.rapport.feedback.settings;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a CES survey is asked: after a resolved ticket ({@code cesAfterTicket}), after a delivered order
 * ({@code cesAfterOrder}), both or neither. One document ({@value #ID}); {@code version} 0 is the defaults, never
 * stored; each save adds one.
 */
@Document("survey_settings")
public record SurveySettings(@Id String id, boolean cesAfterTicket, boolean cesAfterOrder, long version,
		String updatedBy, Instant updatedAt) {

	static final String ID = "surveys";

	/** Until a manager decides: a CES after each delivered order, none after a ticket (its requester gets the CSAT). */
	static final SurveySettings DEFAULTS = new SurveySettings(ID, false, true, 0, null, null);
}
