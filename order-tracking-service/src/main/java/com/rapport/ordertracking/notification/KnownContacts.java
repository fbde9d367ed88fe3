package com.rapport.ordertracking.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The last answer customer-service gave about an organisation's contacts, used while it cannot answer. */
@Document("notification_contacts")
record KnownContacts(@Id String organisationId, List<NotificationContact> contacts, Instant fetchedAt) {
}
