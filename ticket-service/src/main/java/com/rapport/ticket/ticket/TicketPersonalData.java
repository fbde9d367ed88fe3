package com.rapport.ticket.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The tickets a person raised, found by their contact id, their portal user name, or their email for tickets
 * that came in without either (an email from an address not linked yet), and the tickets they wrote messages
 * in, within their own organisation. Erasing keeps each ticket and each message (the organisation's record of
 * its request) and takes the person out of them: contact id, user name, name and email of the requester go,
 * {@code requester.erased} says a person was there, and their messages lose their author.
 */
@Component
class TicketPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	TicketPersonalData(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * What a ticket says about the person: that they raised it ({@code raisedByThem}), how they gave their name
	 * and email, and the messages they wrote in it.
	 */
	record RaisedTicket(String ticketId, String number, String organisationId, String subject, Instant openedAt,
			String status, String contactId, String name, String email, boolean raisedByThem,
			List<WrittenMessage> messages) {
	}

	/** A message the person wrote, as it stands in the ticket. */
	record WrittenMessage(Instant at, String authorName, boolean internal, String body) {
	}

	@Override
	public String kind() {
		return "tickets";
	}

	@Override
	public List<?> export(DataSubject subject) {
		return mongo.find(about(subject).with(Sort.by("openedAt")), Ticket.class).stream().map(ticket -> {
			boolean raised = raisedBy(ticket, subject);
			Requester requester = raised ? ticket.requester() : Requester.ERASED;
			return new RaisedTicket(ticket.id(), ticket.number(), ticket.customerId(), ticket.subject(),
					ticket.openedAt(), ticket.status().name(), requester.contactId(), requester.name(), requester.email(),
					raised, ticket.messages().stream().filter(writtenBy(subject))
						.map(m -> new WrittenMessage(m.at(), m.authorName(), m.internal(), m.body())).toList());
		}).toList();
	}

	@Override
	public Erasure erase(DataSubject subject) {
		int erased = 0;
		for (Ticket ticket : mongo.find(about(subject), Ticket.class)) {
			Ticket without = ticket.withAuthorsErased(writtenBy(subject));
			if (raisedBy(ticket, subject)) {
				without = without.withRequesterErased();
			}
			// Saved whole, with its version: a change made meanwhile fails this one, and the erasure is retried.
			mongo.save(without);
			erased++;
		}
		return new Erasure(0, erased);
	}

	private static Query about(DataSubject subject) {
		List<Criteria> who = new ArrayList<>();
		who.add(Criteria.where("requester.contactId").is(subject.contactId()));
		if (!subject.email().isEmpty()) {
			who.add(Criteria.where("requester.email").is(subject.email().toLowerCase(Locale.ROOT)));
		}
		if (!subject.username().isEmpty()) {
			who.add(Criteria.where("requester.username").is(subject.username()));
		}
		who.add(Criteria.where("messages.authorId").in(ids(subject)));
		return Query.query(Criteria.where("customerId").is(subject.organisationId())
			.orOperator(who.toArray(Criteria[]::new)));
	}

	private static boolean raisedBy(Ticket ticket, DataSubject subject) {
		Requester requester = ticket.requester();
		return subject.contactId().equals(requester.contactId())
				|| (!subject.email().isEmpty() && subject.email().equalsIgnoreCase(String.valueOf(requester.email())))
				|| (!subject.username().isEmpty() && subject.username().equals(requester.username()));
	}

	/** The ids a message of theirs carries: their contact id, user name or email. */
	private static Set<String> ids(DataSubject subject) {
		Set<String> ids = new java.util.HashSet<>();
		ids.add(subject.contactId());
		if (!subject.username().isEmpty()) {
			ids.add(subject.username());
		}
		if (!subject.email().isEmpty()) {
			ids.add(subject.email().toLowerCase(Locale.ROOT));
		}
		return ids;
	}

	private static Predicate<TicketMessage> writtenBy(DataSubject subject) {
		Set<String> ids = ids(subject);
		return message -> message.authorKind() == AuthorKind.CUSTOMER && message.authorId() != null
				&& (ids.contains(message.authorId()) || ids.contains(message.authorId().toLowerCase(Locale.ROOT)));
	}
}
