package com.rapport.support.timeline;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Delivers the events waiting in a service's records' {@link Outbox} (customer-service's timeline, or another
 * receiver) and removes each from its record once delivered: up to {@value #BATCH} records a round, found by the
 * index on {@code <field>.eventId} that each service declares (so a round costs the pending records, not the collection), in
 * that index's order, each record's events oldest first. At least once: a crash
 * between the two sends it again later, and a change saved from a copy read before the removal puts the
 * event back; the receiver ignores the repeat (one per event id). When the receiver is down the round stops
 * and the events wait for the next; an event it refuses for good is moved to the record's undeliverable list
 * with the reason, so it is neither lost nor sent again every round.
 *
 * @param <R> the service's document class
 * @param <E> the type of its outbox elements
 */
public class OutboxRelay<R, E> {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** How many records a round reads at most. */
	public static final int BATCH = 100;

	/**
	 * How long a round may hold the lease at most. A replica that dies mid-round frees it sooner, once the lease's
	 * liveness runs out ({@code MongoLease.LIVENESS}): the lease is renewed only while the round runs.
	 */
	public static final Duration MAX_ROUND = Duration.ofMinutes(2);

	private final MongoTemplate mongo;

	private final Outbox<R, E> outbox;

	private final MongoPersistentEntity<?> entity;

	private final OutboxTelemetry telemetry;

	/** The relay of the service's timeline events to customer-service. */
	public OutboxRelay(MongoTemplate mongo, InteractionRecorder recorder, TimelineOutbox<R, E> outbox) {
		this(mongo, recorder, outbox, OutboxTelemetry.NONE);
	}

	/** The same, continuing each event's trace and reporting its backlog and outcomes to {@code telemetry}. */
	public OutboxRelay(MongoTemplate mongo, InteractionRecorder recorder, TimelineOutbox<R, E> outbox,
			OutboxTelemetry telemetry) {
		this(mongo, new TimelineDelivery<>(recorder, outbox), telemetry);
	}

	public OutboxRelay(MongoTemplate mongo, Outbox<R, E> outbox) {
		this(mongo, outbox, OutboxTelemetry.NONE);
	}

	public OutboxRelay(MongoTemplate mongo, Outbox<R, E> outbox, OutboxTelemetry telemetry) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(outbox.recordType());
		this.telemetry = telemetry;
		telemetry.backlog(outbox.leaseName(), () -> mongo.count(pendingRecords(), outbox.recordType()));
	}

	/** Every record with a pending event. */
	private Query pendingRecords() {
		// Every event id is text, so "at least the empty text" means "has a pending event"; unlike $exists, a range
		// on the leading key lets both stores answer from each service's sparse index on <field>.eventId.
		return Query.query(Criteria.where(outbox.field() + ".eventId").gte(""));
	}

	public String leaseName() {
		return outbox.leaseName();
	}

	/** One round; answers how many events were delivered. */
	public int relayPending() {
		Query pending = pendingRecords().limit(BATCH);
		pending.fields().include(outbox.fields().toArray(String[]::new)).include(outbox.field());
		List<R> records = mongo.find(pending, outbox.recordType());
		int delivered = 0;
		int setAside = 0;
		for (R record : records) {
			Object id = entity.getIdentifierAccessor(record).getRequiredIdentifier();
			for (E event : outbox.pending(record)) {
				if (!outbox.due(record, event)) {
					continue;
				}
				String eventId = outbox.eventId(record, event);
				String kind = outbox.kind(record, event);
				try {
					// In the trace of the request that wrote the event: the receiver's log lines carry its trace id.
					telemetry.delivering(event, outbox.leaseName(), kind, () -> {
						outbox.deliver(record, event);
						log.info("Event {} ({}) of {} {} delivered to {}", eventId, kind, outbox.recordName(), id,
								outbox.receiverName());
						return null;
					});
				}
				catch (RemoteUnavailableException ex) {
					log.warn("{} unavailable; {} {} events wait for the next round", outbox.receiverName(),
							waiting(records) - delivered - setAside, outbox.recordName());
					return delivered;
				}
				catch (RuntimeException ex) {
					// Refused for good (e.g. the organisation no longer exists): set aside in the record with the
					// reason, so it is neither lost nor sent again every round.
					log.error("Event {} of {} {} refused by {}: {}", eventId, outbox.recordName(), id,
							outbox.receiverName(), ex.getMessage());
					mongo.updateFirst(byId(id), removal(eventId).push(outbox.undeliverableField(),
							new Document("eventId", eventId).append("kind", kind)
								.append("reason", String.valueOf(ex.getMessage()))),
							outbox.recordType());
					setAside++;
					telemetry.relayed(outbox.leaseName(), "undeliverable");
					continue;
				}
				mongo.updateFirst(byId(id), removal(eventId), outbox.recordType());
				delivered++;
				telemetry.relayed(outbox.leaseName(), "delivered");
			}
		}
		return delivered;
	}

	private long waiting(List<R> records) {
		return records.stream().mapToLong(record -> outbox.pending(record).size()).sum();
	}

	private static Query byId(Object id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private Update removal(String eventId) {
		return new Update().pull(outbox.field(), new Document("eventId", eventId));
	}

	/** A {@link TimelineOutbox} as an outbox whose receiver is customer-service's timeline. */
	private record TimelineDelivery<R, E>(InteractionRecorder recorder, TimelineOutbox<R, E> timeline)
			implements Outbox<R, E> {

		@Override
		public Class<R> recordType() {
			return timeline.recordType();
		}

		@Override
		public String field() {
			return "outbox";
		}

		@Override
		public String undeliverableField() {
			return "undeliverable";
		}

		@Override
		public List<String> fields() {
			return timeline.fields();
		}

		@Override
		public List<E> pending(R record) {
			return timeline.outbox(record);
		}

		@Override
		public String eventId(R record, E event) {
			return timeline.entryOf(record, event).eventId();
		}

		@Override
		public String kind(R record, E event) {
			return timeline.entryOf(record, event).kind();
		}

		@Override
		public void deliver(R record, E event) {
			recorder.record(timeline.entryOf(record, event));
		}

		@Override
		public String recordName() {
			return timeline.recordName();
		}

		@Override
		public String receiverName() {
			return "customer-service";
		}

		@Override
		public String leaseName() {
			return timeline.leaseName();
		}
	}
}
