package com.rapport.feedback.improvement;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An improvement the supplier made because of feedback: what the customers said, what was done, for one
 * organisation ({@code customerId}) or for every customer (null), who recorded it and when. A customer's list reads
 * its own by {@code customer_recorded} and those for everyone by {@code customerId} null, which MongoDB reads from
 * the same index and the embedded store by a scan of the collection (it does not index equality to null): managers
 * record improvements by hand, a few a month.
 */
@Document("improvements")
@CompoundIndex(name = "customer_recorded", def = "{'customerId': 1, 'recordedAt': -1}")
public record Improvement(@Id String id, String customerId, String youSaid, String weDid, String recordedBy,
		Instant recordedAt) {
}
