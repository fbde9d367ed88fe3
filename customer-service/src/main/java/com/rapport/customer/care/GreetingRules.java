package com.rapport.customer.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.organisation.ProfileRules;

/**
 * Who is greeted for what, when and how: pure rules over a contact, its organisation, the calendar and an
 * instant, so that every case can be tested without a store or a mail server.
 */
final class GreetingRules {

	/**
	 * Where a contact without a time zone most likely lives: countries with a single civil time zone. Others
	 * (the United States, Russia, Australia, ...) are left to UTC rather than guessed.
	 */
	static final Map<String, ZoneId> COUNTRY_ZONES = Map.ofEntries(zone("CN", "Asia/Shanghai"),
			zone("HK", "Asia/Hong_Kong"), zone("MO", "Asia/Macau"), zone("TW", "Asia/Taipei"),
			zone("SG", "Asia/Singapore"), zone("MY", "Asia/Kuala_Lumpur"), zone("TH", "Asia/Bangkok"),
			zone("VN", "Asia/Ho_Chi_Minh"), zone("PH", "Asia/Manila"), zone("JP", "Asia/Tokyo"),
			zone("KR", "Asia/Seoul"), zone("IN", "Asia/Kolkata"), zone("AE", "Asia/Dubai"),
			zone("GB", "Europe/London"), zone("IE", "Europe/Dublin"), zone("DE", "Europe/Berlin"),
			zone("FR", "Europe/Paris"), zone("IT", "Europe/Rome"), zone("NL", "Europe/Amsterdam"),
			zone("BE", "Europe/Brussels"), zone("CH", "Europe/Zurich"), zone("AT", "Europe/Vienna"),
			zone("PL", "Europe/Warsaw"), zone("CZ", "Europe/Prague"), zone("SE", "Europe/Stockholm"),
			zone("NO", "Europe/Oslo"), zone("DK", "Europe/Copenhagen"), zone("FI", "Europe/Helsinki"),
			zone("ZA", "Africa/Johannesburg"));

	private GreetingRules() {
	}

	/** How a greeting can reach a contact who is to get one. */
	enum Delivery {
		/** By email, the contact's preferred channel. */
		EMAIL,
		/** By email instead of SMS or the portal inbox, which the platform does not have yet. */
		EMAIL_INSTEAD,
		/** Not at all: no marketing consent. */
		NO_CONSENT,
		/** Not at all: the preferred channel is not available yet and there is no email address. */
		NO_CHANNEL
	}

	/** An occasion due for a contact on its local {@code day}; {@code holiday} is null for a birthday. */
	record Due(Occasion occasion, Holiday holiday, LocalDate day) {

		String key(String contactId) {
			return Greeting.key(occasion, holiday == null ? null : holiday.id(), contactId, day);
		}
	}

	/** The contact's own zone; else its organisation's country's, if it has just one; else UTC. */
	static ZoneId zoneOf(Contact contact, String country) {
		if (contact.timeZone() != null && ProfileRules.isTimeZone(contact.timeZone())) {
			return ZoneId.of(contact.timeZone());
		}
		return country == null ? ZoneOffset.UTC : COUNTRY_ZONES.getOrDefault(country, ZoneOffset.UTC);
	}

	/** The local date at {@code now} in {@code zone}, once the local time has reached {@code sendFrom}. */
	static Optional<LocalDate> dueDay(Instant now, ZoneId zone, LocalTime sendFrom) {
		ZonedDateTime local = now.atZone(zone);
		return local.toLocalTime().isBefore(sendFrom) ? Optional.empty() : Optional.of(local.toLocalDate());
	}

	/** Whether {@code day} is a birthday: the same month and day; February 29 is February 28 in other years. */
	static boolean isBirthday(LocalDate birthday, LocalDate day) {
		if (birthday == null) {
			return false;
		}
		if (MonthDay.from(birthday).equals(MonthDay.from(day))) {
			return true;
		}
		return birthday.getMonth() == Month.FEBRUARY && birthday.getDayOfMonth() == 29 && !day.isLeapYear()
				&& day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 28;
	}

	/** Every local date some time zone has at {@code now}: UTC's day and the days either side (UTC−12 to UTC+14). */
	static Set<LocalDate> candidateDays(Instant now) {
		LocalDate utc = now.atOffset(ZoneOffset.UTC).toLocalDate();
		return new LinkedHashSet<>(List.of(utc.minusDays(1), utc, utc.plusDays(1)));
	}

	/** The birthdays (month and day) that fall on these days, February 29 included where it falls on the 28th. */
	static Set<MonthDay> birthdaysOn(Collection<LocalDate> days) {
		Set<MonthDay> birthdays = new LinkedHashSet<>();
		for (LocalDate day : days) {
			birthdays.add(MonthDay.from(day));
			if (isBirthday(LocalDate.of(2000, 2, 29), day)) {
				birthdays.add(MonthDay.of(Month.FEBRUARY, 29));
			}
		}
		return birthdays;
	}

	/**
	 * The occasions due for the contact at {@code now}: none before {@code sendFrom} on its local day; then its
	 * birthday, and each holiday of that day that applies to its organisation's country.
	 */
	static List<Due> due(Organisation organisation, Contact contact, Collection<Holiday> holidays, Instant now,
			LocalTime sendFrom) {
		Optional<LocalDate> day = dueDay(now, zoneOf(contact, organisation.country()), sendFrom);
		if (day.isEmpty()) {
			return List.of();
		}
		List<Due> due = new ArrayList<>();
		if (isBirthday(contact.birthday(), day.get())) {
			due.add(new Due(Occasion.BIRTHDAY, null, day.get()));
		}
		holidays.stream().filter(h -> h.date().equals(day.get()) && h.appliesTo(organisation.country()))
			.forEach(h -> due.add(new Due(Occasion.HOLIDAY, h, day.get())));
		return due;
	}

	/**
	 * Greetings are marketing: without marketing consent, nothing. With it, by email: the preferred channel,
	 * or in place of SMS and the portal inbox, which do not exist yet; without an email address, not at all.
	 */
	static Delivery delivery(Contact contact) {
		if (!Boolean.TRUE.equals(contact.marketingConsent())) {
			return Delivery.NO_CONSENT;
		}
		if (contact.email() == null || contact.email().isBlank()) {
			return Delivery.NO_CHANNEL;
		}
		return contact.preferredChannel() == PreferredChannel.EMAIL ? Delivery.EMAIL : Delivery.EMAIL_INSTEAD;
	}

	private static Map.Entry<String, ZoneId> zone(String country, String zone) {
		return Map.entry(country, ZoneId.of(zone));
	}
}
