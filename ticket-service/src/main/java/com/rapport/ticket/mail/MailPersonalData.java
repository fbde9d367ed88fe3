package com.rapport.ticket.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.rapport.support.privacy.DataSubject;
import com.rapport.support.privacy.Erasure;
import com.rapport.support.privacy.PersonalDataHolder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The mails a person sent to the support mailbox, found by their address (kept in lower case, index
 * {@code from_address}): those waiting in the triage or set aside, and those that became a ticket or a reply
 * (whose text the ticket keeps as a message: {@code tickets} exports and erases that). Erasing takes the sender,
 * the subject and the text out of every such record and discards what still waited; the Message-ID stays, so a
 * mail read again is not handled again.
 */
@Component
class MailPersonalData implements PersonalDataHolder {

	private final MongoTemplate mongo;

	private final Clock clock;

	MailPersonalData(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A mail as the export says it. */
	record SentMail(Instant receivedAt, String fromAddress, String fromName, String subject, String text,
			String state, String ticketNumber) {
	}

	@Override
	public String kind() {
		return "support-mails";
	}

	@Override
	public List<?> export(DataSubject subject) {
		if (subject.email().isEmpty()) {
			return List.of();
		}
		return mongo.find(from(subject).with(Sort.by("receivedAt", "_id")), InboundMail.class).stream()
			.map(mail -> new SentMail(mail.receivedAt(), mail.fromAddress(), mail.fromName(), mail.subject(), mail.body(),
					mail.state().name(), mail.ticketNumber()))
			.toList();
	}

	@Override
	public Erasure erase(DataSubject subject) {
		if (subject.email().isEmpty()) {
			return Erasure.NOTHING;
		}
		Instant now = clock.instant();
		int erased = 0;
		for (InboundMail mail : mongo.find(from(subject), InboundMail.class)) {
			// Saved with its version: a poller handling it meanwhile fails this save, and the erasure is retried.
			mongo.save(mail.withSenderErased(now));
			erased++;
		}
		return new Erasure(0, erased);
	}

	private static Query from(DataSubject subject) {
		return Query.query(Criteria.where("fromAddress").is(subject.email().toLowerCase(Locale.ROOT)));
	}
}
