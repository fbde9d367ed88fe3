package com.rapport.feedback.response;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.feedback.customer.InteractionRecorder;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Delivers the events waiting in answers' outboxes to customer-service's timeline and removes each from its
 * answer once delivered (the pattern of order-tracking-service's OrderEventRelay). At least once: a crash
 * between the two sends it again later, which the receiver ignores. When customer-service is down the round
 * stops and the events wait for the next; an event it refuses for good is moved to the answer's
 * {@code undeliverable} list with the reason.
 */
public class ResponseEventRelay {

	private static final Logger log = LoggerFactory.getLogger(ResponseEventRelay.class);

	static final int BATCH = 100;

	private final MongoTemplate mongo;

	private final InteractionRecorder recorder;

	public ResponseEventRelay(MongoTemplate mongo, InteractionRecorder recorder) {
		this.mongo = mongo;
		this.recorder = recorder;
	}

	/** One round; answers how many events were delivered. */
	public int relayPending() {
		Query pending = Query.query(Criteria.where("outbox.eventId").exists(true)).limit(BATCH);
		// The score too: it is a number, which a document read without it could not be made into.
		pending.fields().include("customerId", "score", "outbox");
		List<SurveyResponse> answers = mongo.find(pending, SurveyResponse.class);
		int delivered = 0;
		for (SurveyResponse answer : answers) {
			for (ResponseEvent event : answer.outbox()) {
				try {
					recorder.record(new InteractionRecorder.TimelineEntry(event.eventId(), answer.customerId(),
							ResponseEvent.KIND, event.occurredAt(), event.summary(), "survey-response:" + answer.id(),
							event.facts()));
				}
				catch (RemoteUnavailableException ex) {
					log.warn("customer-service unavailable; survey answer events wait for the next round");
					return delivered;
				}
				catch (RuntimeException ex) {
					log.error("Survey answer event {} refused by customer-service: {}", event.eventId(), ex.getMessage());
					mongo.updateFirst(byId(answer), new Update().pull("outbox", new Document("eventId", event.eventId()))
						.push("undeliverable", new Document("eventId", event.eventId()).append("reason",
								String.valueOf(ex.getMessage()))),
							SurveyResponse.class);
					continue;
				}
				mongo.updateFirst(byId(answer), new Update().pull("outbox", new Document("eventId", event.eventId())),
						SurveyResponse.class);
				delivered++;
			}
		}
		return delivered;
	}

	private static Query byId(SurveyResponse answer) {
		return Query.query(Criteria.where("_id").is(answer.id()));
	}

	/** How long a round may hold the lease at most; a replica that dies mid-round frees it then. */
	public static Duration maxRound() {
		return Duration.ofMinutes(2);
	}
}
