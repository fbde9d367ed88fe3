package com.rapport.customer.reorder;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The draft order made for one expected reorder (collection {@code reorder_drafts}, id the reorder's key
 * {@code reorder:<organisation>:<sku>:<expected date>}): its existence is what makes the reminder's link single use
 * and the portal's button show "made".
 */
@Document("reorder_drafts")
public record ReorderDraft(@Id String key, @Indexed String organisationId, String sku, LocalDate expectedOn,
		String draftNumber, String contactId, Instant createdAt) {
}
