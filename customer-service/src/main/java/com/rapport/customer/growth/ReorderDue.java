package com.rapport.customer.growth;

import java.time.Instant;

import com.rapport.customer.organisation.Organisation;

/**
 * A regular buyer's reorder became due: its {@code REORDER_DUE} task was opened now (once per expected reorder,
 * {@code key} = {@code reorder:<organisation>:<sku>:<expected date>}, the task's id). Published for the reminders
 * to the organisation's contacts.
 */
public record ReorderDue(Organisation organisation, Reorder reorder, String key, Instant at) {
}
