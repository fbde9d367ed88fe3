package com.rapport.ticket.ticket;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out ticket numbers T-1001, T-1002, … from one counter document, incremented atomically, so replicas
 * opening tickets at once never share a number (the unique index on {@code number} guards it as well).
 */
@Component
class TicketNumbers {

	static final String COLLECTION = "counters";

	static final long FIRST = 1001;

	private final MongoTemplate mongo;

	TicketNumbers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	String next() {
		Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("ticket-number")),
				new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, COLLECTION);
		long value = ((Number) counter.get("value")).longValue();
		return "T-" + (FIRST - 1 + value);
	}
}
