package com.rapport.customer.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.care.GreetingRules.Delivery;
import com.rapport.customer.care.GreetingRules.Due;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.error.Message;
import com.rapport.support.message.Texts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Sends the day's birthday and holiday greetings to every contact whose local time has reached the hour,
 * once (see {@link Greeting}), and puts what happened on the organisation's timeline. A run reads only the
 * organisations with something to celebrate on one of the local dates the world has at that moment.
 */
@Service
public class GreetingService {

	private static final Logger log = LoggerFactory.getLogger(GreetingService.class);

	static final String SOURCE = "customer-service";

	static final int PAGE = 200;

	static final int MAX_REASON_LENGTH = 300;

	private final OrganisationRepository organisations;

	private final HolidayRepository holidays;

	private final MongoTemplate mongo;

	private final GreetingMail mail;

	private final TimelineService timeline;

	private final GreetingProperties properties;

	private final Clock clock;

	GreetingService(OrganisationRepository organisations, HolidayRepository holidays, MongoTemplate mongo,
			GreetingMail mail, TimelineService timeline, GreetingProperties properties, Clock clock) {
		this.organisations = organisations;
		this.holidays = holidays;
		this.mongo = mongo;
		this.mail = mail;
		this.timeline = timeline;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one run did. */
	public record Summary(int sent, int failed, int skipped) {
	}

	/** One pass over the occasions due now; safe to run again and on several replicas at once. */
	public Summary run() {
		Instant now = clock.instant();
		Set<LocalDate> days = GreetingRules.candidateDays(now);
		List<Holiday> calendar = holidays.findByDateIn(days);
		Set<String> countries = new TreeSet<>();
		calendar.forEach(h -> countries.addAll(h.countries()));
		boolean everyCountry = calendar.stream().anyMatch(h -> h.countries().isEmpty());
		Set<MonthDay> birthdays = GreetingRules.birthdaysOn(days);
		Tally tally = new Tally();
		String after = null;
		List<Organisation> page;
		do {
			page = organisations.celebrating(birthdays, countries, everyCountry, after, PAGE);
			for (Organisation organisation : page) {
				for (Contact contact : organisation.contacts()) {
					for (Due due : GreetingRules.due(organisation, contact, calendar, now, properties.sendFrom())) {
						try {
							greet(organisation, contact, due, tally);
						}
						catch (RuntimeException ex) {
							log.warn("Greeting {} not handled; the next run tries again", due.key(contact.id()), ex);
						}
					}
				}
				after = organisation.id();
			}
		}
		while (page.size() == PAGE);
		return tally.summary();
	}

	private void greet(Organisation organisation, Contact contact, Due due, Tally tally) {
		String key = due.key(contact.id());
		Greeting existing = mongo.findById(key, Greeting.class);
		if (existing == null) {
			start(organisation, contact, due, key, tally);
		}
		else if (existing.state() == GreetingState.FAILED && existing.attempts() < properties.maxAttempts()
				&& mayBeMailed(contact)) {
			retry(existing, organisation, contact, due, tally);
		}
		else if (!existing.recorded() && isFinal(existing)) {
			record(existing, organisation, contact, due);
		}
	}

	private void start(Organisation organisation, Contact contact, Due due, String key, Tally tally) {
		Delivery delivery = GreetingRules.delivery(contact);
		Instant now = now();
		if (delivery == Delivery.NO_CONSENT || delivery == Delivery.NO_CHANNEL) {
			String reason = delivery == Delivery.NO_CONSENT ? Greeting.NO_MARKETING_CONSENT
					: Greeting.CHANNEL_NOT_AVAILABLE;
			// A skipped holiday greeting for want of consent stays off the timeline (see README "Care greetings").
			boolean nothingToRecord = delivery == Delivery.NO_CONSENT && due.occasion() == Occasion.HOLIDAY;
			Greeting skipped = new Greeting(key, organisation.id(), contact.id(), due.occasion(), holidayId(due),
					due.day(), GreetingState.SKIPPED, reason, contact.preferredChannel(), null, 0, now, now, null,
					nothingToRecord);
			if (insert(skipped)) {
				tally.skipped++;
				if (!nothingToRecord) {
					record(skipped, organisation, contact, due);
				}
			}
			return;
		}
		Greeting pending = new Greeting(key, organisation.id(), contact.id(), due.occasion(), holidayId(due), due.day(),
				GreetingState.PENDING, null, contact.preferredChannel(), null, 1, now, now, null, false);
		if (insert(pending)) {
			send(pending, organisation, contact, due, tally);
		}
	}

	/** Claims a failed greeting for one more attempt; another replica claiming it at once loses. */
	private void retry(Greeting failed, Organisation organisation, Contact contact, Due due, Tally tally) {
		Query claim = Query.query(Criteria.where("_id").is(failed.id()).and("state").is(GreetingState.FAILED.name())
			.and("attempts").is(failed.attempts()));
		Update again = new Update().set("state", GreetingState.PENDING.name()).inc("attempts", 1)
			.set("updatedAt", now());
		if (mongo.updateFirst(claim, again, Greeting.class).getModifiedCount() == 1) {
			send(mongo.findById(failed.id(), Greeting.class), organisation, contact, due, tally);
		}
	}

	private void send(Greeting pending, Organisation organisation, Contact contact, Due due, Tally tally) {
		try {
			mail.send(contact, due);
		}
		catch (RuntimeException ex) {
			tally.failed++;
			String reason = reasonOf(ex);
			log.warn("Greeting {} not sent (attempt {} of {}): {}", pending.id(), pending.attempts(),
					properties.maxAttempts(), reason);
			Greeting failed = update(pending, new Update().set("state", GreetingState.FAILED.name())
				.set("reason", reason).set("updatedAt", now()));
			if (isFinal(failed)) {
				record(failed, organisation, contact, due);
			}
			return;
		}
		tally.sent++;
		Instant sentAt = now();
		Greeting sent = update(pending, new Update().set("state", GreetingState.SENT.name())
			.set("channel", PreferredChannel.EMAIL.name()).set("sentAt", sentAt).set("updatedAt", sentAt));
		record(sent, organisation, contact, due);
	}

	/** Puts a settled greeting on the timeline once (the greeting's id is the event id) and notes that it did. */
	private void record(Greeting greeting, Organisation organisation, Contact contact, Due due) {
		try {
			Message line = line(greeting, contact, due);
			timeline.recordOwn(new InteractionInput(SOURCE, greeting.id(), organisation.id(),
					InteractionKind.CARE_EVENT, greeting.sentAt() != null ? greeting.sentAt() : greeting.updatedAt(),
					summary(greeting, contact, due), "contact:" + contact.id(), attributes(greeting), line.code(),
					line.args()));
			mongo.updateFirst(Query.query(Criteria.where("_id").is(greeting.id())), new Update().set("recorded", true),
					Greeting.class);
		}
		catch (RuntimeException ex) {
			log.warn("Greeting {} not recorded on the timeline; the next run tries again", greeting.id(), ex);
		}
	}

	/**
	 * The timeline line as a code with its values, said in the reader's language: {0} the contact's name, {1}
	 * what was greeted (a holiday by its name in both languages), then a channel or a count.
	 */
	static Message line(Greeting greeting, Contact contact, Due due) {
		boolean birthday = due.occasion() == Occasion.BIRTHDAY;
		String name = contact.name();
		String what = birthday ? Texts.code("timeline.greeting.birthday")
				: Texts.code("timeline.greeting.holiday", codeValue(due.holiday().nameIn("en")),
						codeValue(due.holiday().nameIn("zh-CN")));
		boolean byEmail = greeting.preferredChannel() == PreferredChannel.EMAIL;
		return switch (greeting.state()) {
			case SENT -> !byEmail ? Message.of("timeline.greeting.sent-instead", name, what,
					channel(greeting.preferredChannel()))
					: birthday ? Message.of("timeline.greeting.birthday.sent", name)
							: Message.of("timeline.greeting.sent", name, what);
			case SKIPPED -> !Greeting.NO_MARKETING_CONSENT.equals(greeting.reason())
					? (byEmail ? Message.of("timeline.greeting.no-email", name, what)
							: Message.of("timeline.greeting.no-email-instead", name, what,
									channel(greeting.preferredChannel())))
					: birthday ? Message.of("timeline.greeting.birthday.no-consent", name)
							: Message.of("timeline.greeting.holiday.no-consent", name, what);
			case FAILED -> Message.of("timeline.greeting.failed", name, what, greeting.attempts());
			case PENDING -> Message.of("timeline.greeting.pending", name, what);
		};
	}

	/** A channel inside a line. */
	static String channel(PreferredChannel channel) {
		return switch (channel) {
			case PORTAL -> Texts.code("timeline.channel.portal");
			case SMS -> Texts.code("timeline.channel.sms");
			case EMAIL -> Texts.code("timeline.channel.email");
		};
	}

	/** A value inside a nested code ({@code #{code|a|b}}) may not hold its separators. */
	static String codeValue(String value) {
		return value == null ? "" : value.replace('|', '/').replace('}', ')');
	}

	/** English: the fallback for readers without the codes, and the line of the rarer greetings. */
	static String summary(Greeting greeting, Contact contact, Due due) {
		String what = due.occasion() == Occasion.BIRTHDAY ? "Birthday greeting"
				: due.holiday().nameIn("en") + " greeting";
		String name = contact.name();
		return switch (greeting.state()) {
			case SENT -> what + " sent to " + name + " by email" + (greeting.preferredChannel() == PreferredChannel.EMAIL
					? "" : "; " + channelName(greeting.preferredChannel()) + " is not available yet");
			case SKIPPED -> Greeting.NO_MARKETING_CONSENT.equals(greeting.reason())
					? (due.occasion() == Occasion.BIRTHDAY ? "Birthday of " + name : what + " for " + name)
							+ ": no greeting sent (no marketing consent)"
					: what + " to " + name + " not sent: " + (greeting.preferredChannel() == PreferredChannel.EMAIL
							? "" : channelName(greeting.preferredChannel()) + " is not available yet and ")
							+ "there is no email address";
			case FAILED -> what + " to " + name + " could not be sent: the mail server failed " + greeting.attempts()
					+ " times";
			case PENDING -> what + " to " + name + " is being sent";
		};
	}

	private static Map<String, String> attributes(Greeting greeting) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("contact_id", greeting.contactId());
		attributes.put("occasion", lower(greeting.occasion().name()));
		if (greeting.holidayId() != null) {
			attributes.put("holiday_id", greeting.holidayId());
		}
		attributes.put("day", greeting.day().toString());
		attributes.put("outcome", lower(greeting.state().name()));
		attributes.put("channel", greeting.channel() == null ? "none" : lower(greeting.channel().name()));
		attributes.put("preferred_channel", lower(greeting.preferredChannel().name()));
		if (greeting.state() == GreetingState.SKIPPED) {
			attributes.put("reason", greeting.reason());
		}
		return attributes;
	}

	/** Asked again before a retry: a consent withdrawn since the first attempt stops it. */
	private static boolean mayBeMailed(Contact contact) {
		Delivery delivery = GreetingRules.delivery(contact);
		return delivery == Delivery.EMAIL || delivery == Delivery.EMAIL_INSTEAD;
	}

	private boolean isFinal(Greeting greeting) {
		return greeting.state() == GreetingState.SENT || greeting.state() == GreetingState.SKIPPED
				|| (greeting.state() == GreetingState.FAILED && greeting.attempts() >= properties.maxAttempts());
	}

	/** Whether this call inserted the greeting; a duplicate key means another run or replica has it. */
	private boolean insert(Greeting greeting) {
		try {
			mongo.insert(greeting);
			return true;
		}
		catch (DuplicateKeyException ex) {
			log.debug("Greeting {} taken meanwhile by another run", greeting.id());
			return false;
		}
	}

	private Greeting update(Greeting greeting, Update update) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(greeting.id())), update, Greeting.class);
		return mongo.findById(greeting.id(), Greeting.class);
	}

	/** The error's kind and message, bounded; enough to tell a dead server from a refused address. */
	private static String reasonOf(RuntimeException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String reason = ex.getClass().getSimpleName() + ": " + cause.getClass().getSimpleName() + ": "
				+ cause.getMessage();
		return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
	}

	private static String channelName(PreferredChannel channel) {
		return channel == PreferredChannel.PORTAL ? "the portal inbox" : channel.name();
	}

	private static String holidayId(Due due) {
		return due.holiday() == null ? null : due.holiday().id();
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static final class Tally {

		int sent;

		int failed;

		int skipped;

		Summary summary() {
			return new Summary(sent, failed, skipped);
		}
	}
}
