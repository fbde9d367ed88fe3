package com.rapport.ticket.ticket;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.ticket.customer.InteractionRecorder;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Delivers the events waiting in tickets' outboxes to customer-service's timeline and removes each from its
 * ticket once delivered. At least once: a crash between the two sends it again later, and a change saved
 * from a copy read before the removal puts the event back; the receiver ignores the repeat (one interaction
 * per event id). When customer-service is down the round stops and the events wait for the next; an event it
 * refuses for good is moved to the ticket's {@code undeliverable} list with the reason.
 */
public class TicketEventRelay {

	private static final Logger log = LoggerFactory.getLogger(TicketEventRelay.class);

	static final int BATCH = 100;

	private final MongoTemplate mongo;

	private final InteractionRecorder recorder;

	public TicketEventRelay(MongoTemplate mongo, InteractionRecorder recorder) {
		this.mongo = mongo;
		this.recorder = recorder;
	}

	/** One round; answers how many events were delivered. */
	public int relayPending() {
		Query pending = Query.query(Criteria.where("outbox.eventId").exists(true)).limit(BATCH);
		pending.fields().include("customerId", "outbox");
		List<Ticket> tickets = mongo.find(pending, Ticket.class);
		int delivered = 0;
		for (Ticket ticket : tickets) {
			for (TicketEvent event : ticket.outbox()) {
				try {
					recorder.record(new InteractionRecorder.TimelineEntry(event.eventId(), ticket.customerId(),
							event.kind().name(), event.occurredAt(), event.summary(), "ticket:" + ticket.id(),
							event.facts()));
				}
				catch (RemoteUnavailableException ex) {
					log.warn("customer-service unavailable; ticket events wait for the next round");
					return delivered;
				}
				catch (RuntimeException ex) {
					// Refused for good (e.g. the organisation no longer exists): set aside in the ticket with the
					// reason, so it is neither lost nor sent again every round.
					log.error("Ticket event {} of ticket {} refused by customer-service: {}", event.eventId(),
							ticket.id(), ex.getMessage());
					mongo.updateFirst(Query.query(Criteria.where("_id").is(ticket.id())),
							new Update().pull("outbox", new Document("eventId", event.eventId()))
								.push("undeliverable", new Document("eventId", event.eventId())
									.append("kind", event.kind().name()).append("reason", String.valueOf(ex.getMessage()))),
							Ticket.class);
					continue;
				}
				mongo.updateFirst(Query.query(Criteria.where("_id").is(ticket.id())),
						new Update().pull("outbox", new Document("eventId", event.eventId())), Ticket.class);
				delivered++;
			}
		}
		return delivered;
	}

	/** How long a round may hold the lease at most; a replica that dies mid-round frees it then. */
	public static Duration maxRound() {
		return Duration.ofMinutes(2);
	}
}
