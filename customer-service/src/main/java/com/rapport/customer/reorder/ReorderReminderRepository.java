package com.rapport.customer.reorder;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The reminders mailed, one per contact and expected reorder. */
public interface ReorderReminderRepository extends MongoRepository<ReorderReminder, String> {
}
