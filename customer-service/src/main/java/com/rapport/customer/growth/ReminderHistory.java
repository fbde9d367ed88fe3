package com.rapport.customer.growth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * When the organisation's contacts were mailed reorder reminders, for the churn risk's unanswered reminders (the
 * reorder package keeps them and answers; growth only reads). Nothing mailed: empty.
 */
public interface ReminderHistory {

	/** When each reminder to one of the organisation's contacts was mailed. */
	List<Instant> mailed(String organisationId);

	/** The same for a page of organisations in one read, by organisation; those without are left out. */
	Map<String, List<Instant>> mailed(Collection<String> organisationIds);
}
