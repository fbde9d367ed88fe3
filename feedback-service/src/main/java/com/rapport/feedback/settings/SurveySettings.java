package com.rapport.feedback.settings;

import java.time.Instant;

import com.rapport.feedback.response.FollowUpRules;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a CES survey is asked: after a resolved ticket ({@code cesAfterTicket}), after a delivered order
 * ({@code cesAfterOrder}), both or neither; and which answers open a follow-up ticket: a CSAT below
 * {@code followUpCsatBelow} (1 to 5; 1: none), an NPS of {@code followUpNpsAtMost} or less (-1 to 10; -1: none),
 * a negative or urgent comment ({@code followUpOnComments}). A threshold left null is the service's default
 * ({@code rapport.feedback.follow-up.*}). One document ({@value #ID}); {@code version} 0 is the defaults, never
 * stored; each save adds one.
 */
@Document("survey_settings")
public record SurveySettings(@Id String id, boolean cesAfterTicket, boolean cesAfterOrder, Integer followUpCsatBelow,
		Integer followUpNpsAtMost, Boolean followUpOnComments, long version, String updatedBy, Instant updatedAt) {

	static final String ID = "surveys";

	/** Until a manager decides: a CES after each delivered order, none after a ticket (its requester gets the CSAT). */
	static final SurveySettings DEFAULTS = new SurveySettings(ID, false, true, null, null, null, 0, null, null);

	/** The follow-up rules these settings make, with the service's defaults for any threshold not set. */
	public FollowUpRules followUps(FollowUpRules defaults) {
		return new FollowUpRules(followUpCsatBelow == null ? defaults.csatBelow() : followUpCsatBelow,
				followUpNpsAtMost == null ? defaults.npsAtMost() : followUpNpsAtMost,
				followUpOnComments == null ? defaults.onComments() : followUpOnComments);
	}
}
