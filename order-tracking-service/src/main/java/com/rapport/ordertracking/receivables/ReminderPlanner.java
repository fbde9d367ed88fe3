package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.rapport.ordertracking.notification.ContactSource;
import com.rapport.ordertracking.notification.NotificationContact;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Queues the reminders the cadence makes due: for each open invoice whose next step's date has come (in the business
 * time zone) and that no promise or plan pauses, one reminder per contact of the organisation with an email address,
 * due at the contact's next working hour (its time zone, its region's public holidays), worded formally or warmly by
 * the organisation's size. The reminders are stored first (their id is the step and the address, so a repeat stores
 * nothing twice), then the step is marked sent on the invoice by one conditional write. One replica at a time (lease
 * {@code invoice-reminder-planner}), though two would still queue each reminder once.
 */
@Component
public class ReminderPlanner {

	private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

	static final int BATCH = 500;

	private final MongoTemplate mongo;

	private final CadenceSettings cadence;

	private final ContactSource contacts;

	private final OrganisationSizes sizes;

	private final ReceivablesProperties properties;

	private final Clock clock;

	ReminderPlanner(MongoTemplate mongo, CadenceSettings cadence, ContactSource contacts, OrganisationSizes sizes,
			ReceivablesProperties properties, Clock clock) {
		this.mongo = mongo;
		this.cadence = cadence;
		this.contacts = contacts;
		this.sizes = sizes;
		this.properties = properties;
		this.clock = clock;
	}

	/** One round; answers how many reminders it queued. */
	public int plan() {
		ReminderCadence current = cadence.current().cadence();
		LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
		int earliest = current.offsets().get(0);
		// Open invoices whose first step may have come, by the index open_due.
		Query open = Query.query(Criteria.where("status").is(Invoice.Status.OPEN).and("dueDate")
			.lte(today.minusDays(earliest))).with(Sort.by("dueDate")).limit(BATCH);
		int queued = 0;
		for (Invoice invoice : mongo.find(open, Invoice.class)) {
			Optional<ReminderCadence.Step> step = current.dueStep(invoice, today);
			if (step.isPresent()) {
				queued += queue(invoice, step.get());
			}
		}
		return queued;
	}

	private int queue(Invoice invoice, ReminderCadence.Step step) {
		List<NotificationContact> people;
		try {
			people = contacts.contactsOf(invoice.customerId());
		}
		catch (NotFoundException gone) {
			people = List.of();
		}
		catch (RemoteUnavailableException down) {
			log.info("customer-service unavailable; the reminder of invoice {} waits", invoice.id());
			return 0;
		}
		Invoice.Style style = sizes.styleOf(invoice.customerId())
			.orElse(invoice.style() == null ? Invoice.Style.FORMAL : invoice.style());
		Instant now = clock.instant();
		int queued = 0;
		for (NotificationContact contact : people) {
			if (contact.email() == null || contact.email().isBlank()) {
				continue;
			}
			ZoneId zone = WorkingHours.zoneOf(contact.timeZone());
			Instant stepStarts = step.date().atStartOfDay(zone).toInstant();
			Instant earliest = now.isAfter(stepStarts) ? now : stepStarts;
			Instant due = properties.workingHoursOnly() ? properties.workingHours().nextOpening(earliest, zone,
					HolidayCalendar.ofTimeZone(contact.timeZone())) : earliest;
			InvoiceReminder reminder = new InvoiceReminder(
					InvoiceReminder.idOf(invoice.id(), step.offset(), contact.email()), invoice.id(),
					invoice.customerId(), invoice.invoiceNumber(), step.offset(), step.tone(), style, step.date(),
					contact.id(), contact.name(), contact.email().trim(), languageOf(contact.language()),
					contact.timeZone(), InvoiceReminder.State.QUEUED, 0, due, null, null, null, now, null);
			try {
				mongo.insert(reminder);
				queued++;
			}
			catch (DuplicateKeyException already) {
				// queued before (a round cut short after it): once is enough
			}
		}
		Query unmarked = Query.query(Criteria.where("_id").is(invoice.id()).and("status").is(Invoice.Status.OPEN)
			.and("stepsSent").ne(step.offset()));
		mongo.updateFirst(unmarked, new Update().addToSet("stepsSent", step.offset()).set("style", style)
			.inc("version", 1), Invoice.class);
		return queued;
	}

	static String languageOf(String language) {
		return language != null && language.startsWith("zh") ? "zh-CN" : "en";
	}
}
