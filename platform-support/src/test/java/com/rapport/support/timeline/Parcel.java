package com.rapport.support.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service's record as the relay meets it: its own fields (a primitive among them, which the record cannot
 * be made without), an outbox of events and the list of those refused for good.
 */
@Document("parcels")
record Parcel(@Id String id, String customerId, int weight, List<Event> outbox, List<Undeliverable> undeliverable) {

	Parcel {
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		undeliverable = undeliverable == null ? List.of() : List.copyOf(undeliverable);
	}

	static Parcel of(String id, String customerId, Event... events) {
		return new Parcel(id, customerId, 7, List.of(events), List.of());
	}

	static Event event(String eventId, String kind, Instant occurredAt) {
		return new Event(eventId, kind, occurredAt, kind + " " + eventId, Map.of("weight", "7"));
	}

	record Event(String eventId, String kind, Instant occurredAt, String summary, Map<String, String> facts) {
	}

	record Undeliverable(String eventId, String kind, String reason) {
	}

	/** How parcels tell the timeline, as a service's own outbox would. */
	static final class Outbox implements TimelineOutbox<Parcel, Event> {

		@Override
		public Class<Parcel> recordType() {
			return Parcel.class;
		}

		@Override
		public List<String> fields() {
			return List.of("customerId", "weight");
		}

		@Override
		public List<Event> outbox(Parcel parcel) {
			return new ArrayList<>(parcel.outbox());
		}

		@Override
		public TimelineEntry entryOf(Parcel parcel, Event event) {
			return new TimelineEntry(event.eventId(), parcel.customerId(), event.kind(), event.occurredAt(),
					event.summary(), "parcel:" + parcel.id(), event.facts());
		}

		@Override
		public String recordName() {
			return "parcel";
		}

		@Override
		public String leaseName() {
			return "parcel-event-relay";
		}
	}
}
