package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The tickets a person raised, found by their contact id, or by their email for tickets that came in
 * without one (an email from an address not linked yet), within their own organisation. Erasing keeps
 * each ticket (the organisation's record of its request) and takes the person out of it: contact id, name
 * and email go, {@code requester.erased} says a person was there.
 */
@Component
class TicketPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	TicketPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What a ticket says about the person: that they raised it, and how they gave their name and email. */
	record RaisedTicket(String ticketId, String number, String organisationId, String subject, Instant openedAt,
			String status, String contactId, String name, String email) {
	}

	@Override
	public String kind() {
		return "tickets";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return mongo.find(raisedBy(subject).with(Sort.by("openedAt")), Ticket.class).stream()
			.map(ticket -> new RaisedTicket(ticket.id(), ticket.number(), ticket.customerId(), ticket.subject(),
					ticket.openedAt(), ticket.status().name(), ticket.requester().contactId(), ticket.requester().name(),
					ticket.requester().email()))
			.toList();
	}

	@Override
	public Erasure erase(DataSubject subject) {
		int erased = 0;
		for (Ticket ticket : mongo.find(raisedBy(subject), Ticket.class)) {
			// Saved whole, with its version: a change made meanwhile fails this one, and the erasure is retried.
			mongo.save(ticket.withRequesterErased());
			erased++;
		}
		return new Erasure(0, erased);
	}

	private static Query raisedBy(DataSubject subject) {
		List<Criteria> who = new ArrayList<>();
		who.add(Criteria.where("requester.contactId").is(subject.contactId()));
		if (!subject.email().isEmpty()) {
			who.add(Criteria.where("requester.email").is(subject.email().toLowerCase(java.util.Locale.ROOT)));
		}
		return Query.query(Criteria.where("customerId").is(subject.organisationId())
			.orOperator(who.toArray(Criteria[]::new)));
	}
}
