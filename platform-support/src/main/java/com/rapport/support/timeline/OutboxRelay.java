package com.rapport.support.timeline;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.timeline.InteractionRecorder.TimelineEntry;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Delivers the events waiting in a service's records' outboxes to customer-service's timeline and removes
 * each from its record once delivered: up to {@value #BATCH} records a round, found by the index on
 * {@code outbox.eventId} that each service declares (so a round costs the pending records, not the collection), in
 * that index's order, each record's events oldest first. At least once: a crash
 * between the two sends it again later, and a change saved from a copy read before the removal puts the
 * event back; the receiver ignores the repeat (one interaction per event id). When customer-service is down
 * the round stops and the events wait for the next; an event it refuses for good is moved to the record's
 * {@code undeliverable} list with the reason, so it is neither lost nor sent again every round.
 *
 * @param <R> the service's document class
 * @param <E> the type of its outbox elements
 */
public class OutboxRelay<R, E> {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** How many records a round reads at most. */
	public static final int BATCH = 100;

	/** How long a round may hold the lease at most; a replica that dies mid-round frees it then. */
	public static final Duration MAX_ROUND = Duration.ofMinutes(2);

	private final MongoTemplate mongo;

	private final InteractionRecorder recorder;

	private final TimelineOutbox<R, E> outbox;

	private final MongoPersistentEntity<?> entity;

	public OutboxRelay(MongoTemplate mongo, InteractionRecorder recorder, TimelineOutbox<R, E> outbox) {
		this.mongo = mongo;
		this.recorder = recorder;
		this.outbox = outbox;
		this.entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(outbox.recordType());
	}

	public TimelineOutbox<R, E> outbox() {
		return outbox;
	}

	/** One round; answers how many events were delivered. */
	public int relayPending() {
		// Every event id is text, so "at least the empty text" means "has a pending event"; unlike $exists, a range
		// on the leading key lets both stores answer from each service's index outbox_pending on outbox.eventId.
		Query pending = Query.query(Criteria.where("outbox.eventId").gte("")).limit(BATCH);
		pending.fields().include(outbox.fields().toArray(String[]::new)).include("outbox");
		List<R> records = mongo.find(pending, outbox.recordType());
		int delivered = 0;
		int setAside = 0;
		for (R record : records) {
			Object id = entity.getIdentifierAccessor(record).getRequiredIdentifier();
			for (E event : outbox.outbox(record)) {
				TimelineEntry entry = outbox.entryOf(record, event);
				try {
					recorder.record(entry);
				}
				catch (RemoteUnavailableException ex) {
					log.warn("customer-service unavailable; {} {} events wait for the next round",
							waiting(records) - delivered - setAside, outbox.recordName());
					return delivered;
				}
				catch (RuntimeException ex) {
					// Refused for good (e.g. the organisation no longer exists): set aside in the record with the
					// reason, so it is neither lost nor sent again every round.
					log.error("Event {} of {} {} refused by customer-service: {}", entry.eventId(), outbox.recordName(),
							id, ex.getMessage());
					mongo.updateFirst(byId(id), removal(entry).push("undeliverable",
							new Document("eventId", entry.eventId()).append("kind", entry.kind())
								.append("reason", String.valueOf(ex.getMessage()))),
							outbox.recordType());
					setAside++;
					continue;
				}
				mongo.updateFirst(byId(id), removal(entry), outbox.recordType());
				delivered++;
			}
		}
		return delivered;
	}

	private long waiting(List<R> records) {
		return records.stream().mapToLong(record -> outbox.outbox(record).size()).sum();
	}

	private static Query byId(Object id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static Update removal(TimelineEntry entry) {
		return new Update().pull("outbox", new Document("eventId", entry.eventId()));
	}
}
