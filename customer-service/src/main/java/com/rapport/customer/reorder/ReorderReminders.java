package com.rapport.customer.reorder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.growth.Reorder;
import com.rapport.customer.growth.ReorderDue;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationStatus;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * When a reorder becomes due (its {@code REORDER_DUE} task opened, {@link ReorderDue}), each contact of the
 * organisation who turned reorder reminders on and has an email address gets one mail in their language with a
 * signed "reorder as last time" link. Once per contact and expected reorder: the reminder is stored before the mail
 * goes (its id the reorder's key and the contact's), and only the one who stored it sends.
 */
@Service
public class ReorderReminders {

	private static final Logger log = LoggerFactory.getLogger(ReorderReminders.class);

	private final ReorderReminderRepository reminders;

	private final ReorderLinks links;

	private final ReorderMail mail;

	private final ReorderProperties properties;

	private final Clock clock;

	ReorderReminders(ReorderReminderRepository reminders, ReorderLinks links, ReorderMail mail,
			ReorderProperties properties, Clock clock) {
		this.reminders = reminders;
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
					reorder.expectedOn(), ReorderReminder.State.PENDING, now, null));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		String token = links.issue(new ReorderLinks.Subject(organisation.id(), contact.id(), reorder.expectedOn(),
				reorder.sku()), reorder.expectedOn().atStartOfDay().toInstant(ZoneOffset.UTC)
					.plus(properties.linkLifetime()));
		String link = properties.portalUrl() + "/portal/reorder/" + token;
		try {
			mail.send(contact, mail.write(organisation, contact, reorder, link));
			reminders.save(new ReorderReminder(id, organisation.id(), contact.id(), reorder.sku(),
					reorder.expectedOn(), ReorderReminder.State.SENT, now, clock.instant()));
			log.info("Reorder reminder {} mailed", id);
			return true;
		}
		catch (MailException ex) {
			reminders.save(new ReorderReminder(id, organisation.id(), contact.id(), reorder.sku(),
					reorder.expectedOn(), ReorderReminder.State.FAILED, now, null));
			log.warn("Reorder reminder {} not mailed: {}", id, ex.toString());
			return false;
		}
	}
}
