package com.rapport.ordertracking.live;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of an order in the live feed ({@code live_events}). The id is the change's event id, so a change is in
 * the feed once however often it is moved there; {@code position} is unique and increasing in the order the
 * changes were put in (one writer at a time, under a lease), the follower's resume point. Kept
 * {@code rapport.live.retention} (a day), then swept.
 */
@Document("live_events")
@CompoundIndexes({ @CompoundIndex(name = "position", def = "{'position': 1}", unique = true),
		@CompoundIndex(name = "customer_position", def = "{'customerId': 1, 'position': 1}"),
		@CompoundIndex(name = "customer_recorded", def = "{'customerId': 1, 'recordedAt': 1}"),
		@CompoundIndex(name = "recorded", def = "{'recordedAt': 1}") })
public record LiveEvent(@Id String id, long position, String customerId, String orderId, String orderNumber,
		String kind, Instant occurredAt, Instant recordedAt, Map<String, String> facts) {

	public LiveEvent {
		facts = facts == null ? Map.of() : Map.copyOf(facts);
	}
}
