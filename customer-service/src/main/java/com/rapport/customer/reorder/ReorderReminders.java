package com.rapport.customer.reorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.growth.GrowthService;
import com.rapport.customer.growth.Reorder;
import com.rapport.customer.growth.ReorderDue;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * When a reorder becomes due (its {@code REORDER_DUE} task opened, {@link ReorderDue}), each contact of the
 * organisation who turned reorder reminders on and has an email address gets one mail in their language with a
 * signed "reorder as last time" link. Once per contact and expected reorder: the reminder is stored before the mail
 * goes (its id the reorder's key and the contact's), and only the one who stored it sends. A mail the server refused
 * is tried again ({@link #retryOwed}, every minute on each replica, {@link ReorderReminderRetries}), and so is one
 * whose sender died before sending it.
 */
@Service
public class ReorderReminders {

	private static final Logger log = LoggerFactory.getLogger(ReorderReminders.class);

	/** How long a sender holds a reminder it is mailing; a sender that died lets it go after this. */
	static final Duration CLAIM = Duration.ofMinutes(2);

	/** The pause after each failed try; after the last, the reminder is given up ({@code DEAD}). */
	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));

	private final ReorderReminderRepository reminders;

	private final MongoTemplate mongo;

	private final OrganisationRepository organisations;

	private final GrowthService growth;

	private final ReorderLinks links;

	private final ReorderMail mail;

	private final ReorderProperties properties;

	private final Clock clock;

	ReorderReminders(ReorderReminderRepository reminders, MongoTemplate mongo, OrganisationRepository organisations,
			GrowthService growth, ReorderLinks links, ReorderMail mail, ReorderProperties properties, Clock clock) {
		this.reminders = reminders;
		this.mongo = mongo;
		this.organisations = organisations;
		this.growth = growth;
		this.links = links;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	public void onReorderDue(ReorderDue due) {
		if (!properties.enabled() || due.organisation().status() == OrganisationStatus.INACTIVE) {
			return;
		}
		for (Contact contact : due.organisation().contacts()) {
			if (contact.reorderReminderConsent() && contact.email() != null && !contact.email().isBlank()) {
				remind(due.organisation(), contact, due.reorder(), due.key());
			}
		}
	}

	/** @return whether this call mailed the reminder (false: mailed before, or the mail server refused) */
	boolean remind(Organisation organisation, Contact contact, Reorder reorder, String key) {
		String id = ReorderReminder.idOf(key, contact.id());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		try {
			reminders.insert(new ReorderReminder(id, organisation.id(), contact.id(), reorder.sku(),
					reorder.expectedOn(), ReorderReminder.State.PENDING, now, null, 0, now, now.plus(CLAIM), null));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		return send(id, organisation, contact, reorder, 0);
	}

	/**
	 * Tries again, up to {@code limit} at a time, the reminders the mail server refused whose pause is over and those
	 * whose sender died before sending (claim run out), each claimed first by one conditional write so that two
	 * replicas never send one twice; answers how many it mailed.
	 */
	public int retryOwed(int limit) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Query owed = Query.query(Criteria.where("state").in(ReorderReminder.State.PENDING, ReorderReminder.State.FAILED)
			.and("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt")).limit(limit);
		int mailed = 0;
		for (ReorderReminder reminder : mongo.find(owed, ReorderReminder.class)) {
			if (claim(reminder.id(), now) && retry(reminder)) {
				mailed++;
			}
		}
		return mailed;
	}

	private boolean claim(String id, Instant now) {
		Query free = Query.query(Criteria.where("_id").is(id)
			.and("state").in(ReorderReminder.State.PENDING, ReorderReminder.State.FAILED)
			.orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lte(now)));
		return mongo.updateFirst(free, new Update().set("claimedUntil", now.plus(CLAIM)), ReorderReminder.class)
			.getModifiedCount() == 1;
	}

	/** One more try of a claimed reminder, with what is known now of the contact and the reorder. */
	private boolean retry(ReorderReminder reminder) {
		Organisation organisation = organisations.findById(reminder.organisationId()).orElse(null);
		Contact contact = organisation == null ? null : organisation.contacts().stream()
			.filter(c -> c.id().equals(reminder.contactId())).findFirst().orElse(null);
		if (contact == null || organisation.status() == OrganisationStatus.INACTIVE || !contact.reorderReminderConsent()
				|| contact.email() == null || contact.email().isBlank()) {
			end(reminder, ReorderReminder.State.CANCELLED, "the contact no longer wants reorder reminders by mail");
			return false;
		}
		Reorder reorder = growth.reordersOf(organisation.id()).stream()
			.filter(r -> r.sku().equals(reminder.sku()) && r.expectedOn().equals(reminder.expectedOn()))
			.findFirst().orElse(null);
		if (reorder == null) {
			end(reminder, ReorderReminder.State.CANCELLED, "the reorder is no longer expected");
			return false;
		}
		return send(reminder.id(), organisation, contact, reorder, reminder.attempts());
	}

	private boolean send(String id, Organisation organisation, Contact contact, Reorder reorder, int attemptsBefore) {
		String token = links.issue(new ReorderLinks.Subject(organisation.id(), contact.id(), reorder.expectedOn(),
				reorder.sku()), reorder.expectedOn().atStartOfDay().toInstant(ZoneOffset.UTC)
					.plus(properties.linkLifetime()));
		String link = properties.portalUrl() + "/portal/reorder/" + token;
		int attempts = attemptsBefore + 1;
		try {
			mail.send(contact, mail.write(organisation, contact, reorder, link));
			Instant sent = clock.instant();
			mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
				.set("state", ReorderReminder.State.SENT).set("sentAt", sent).set("attempts", attempts)
				.unset("nextAttemptAt").unset("claimedUntil").unset("lastError"), ReorderReminder.class);
			log.info("Reorder reminder {} mailed{}", id, attempts > 1 ? " at try " + attempts : "");
			return true;
		}
		catch (MailException ex) {
			boolean last = attempts >= BACKOFF.size() + 1;
			Update update = new Update().set("attempts", attempts).set("lastError", ex.toString())
				.unset("claimedUntil");
			if (last) {
				update.set("state", ReorderReminder.State.DEAD).unset("nextAttemptAt");
				log.warn("Reorder reminder {} not mailed after {} tries, given up: {}", id, attempts, ex.toString());
			}
			else {
				update.set("state", ReorderReminder.State.FAILED)
					.set("nextAttemptAt", clock.instant().plus(BACKOFF.get(attempts - 1)));
				log.warn("Reorder reminder {} not mailed (try {}), tried again in {}: {}", id, attempts,
						BACKOFF.get(attempts - 1), ex.toString());
			}
			mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, ReorderReminder.class);
			return false;
		}
	}

	private void end(ReorderReminder reminder, ReorderReminder.State state, String why) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(reminder.id())), new Update().set("state", state)
			.set("lastError", why).unset("nextAttemptAt").unset("claimedUntil"), ReorderReminder.class);
		log.info("Reorder reminder {} not sent: {}", reminder.id(), why);
	}
}
