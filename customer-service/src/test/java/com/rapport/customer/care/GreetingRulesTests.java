package com.rapport.customer.care;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.rapport.customer.care.GreetingRules.Delivery;
import com.rapport.customer.care.GreetingRules.Due;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.PreferredChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GreetingRulesTests {

	static final LocalTime NINE = LocalTime.of(9, 0);

	static Contact contact(String zone, LocalDate birthday, PreferredChannel channel, boolean consent, String email) {
		return new Contact("c-1", "Alice Chen", null, email, "+86 21 5555 0101", "zh-CN", zone, birthday, channel,
				consent, false, null, null);
	}

	static Contact contact(String zone, LocalDate birthday) {
		return contact(zone, birthday, PreferredChannel.EMAIL, true, "alice@acme.example");
	}

	static Organisation in(String country, Contact contact) {
		return Organisation.create("acme-retail", "Acme Retail", null, country, contact);
	}

	static Holiday holiday(String id, LocalDate date, String... countries) {
		return new Holiday(id, date, List.of(countries), Map.of("en", id, "zh-CN", id),
				Map.of("en", "Dear {name}", "zh-CN", "{name}，您好"), null, null);
	}

	static List<Due> due(Organisation organisation, Instant now, Holiday... holidays) {
		return GreetingRules.due(organisation, organisation.contacts().get(0), List.of(holidays), now, NINE);
	}

	@Test
	void aContactInShanghaiIsGreetedOnItsOwnDayWhileItIsStillThePreviousDayInUtc() {
		Organisation acme = in("CN", contact("Asia/Shanghai", LocalDate.of(1986, 12, 1)));
		// 23:30 UTC on 30 November is 07:30 on 1 December in Shanghai.
		Instant now = Instant.parse("2026-11-30T23:30:00Z");

		assertThat(GreetingRules.due(acme, acme.contacts().get(0), List.of(), now, LocalTime.of(7, 0)))
			.containsExactly(new Due(Occasion.BIRTHDAY, null, LocalDate.of(2026, 12, 1)));
		assertThat(due(acme, now)).as("before nine in Shanghai").isEmpty();
		assertThat(due(acme, Instant.parse("2026-12-01T01:00:00Z"))).as("nine in Shanghai")
			.containsExactly(new Due(Occasion.BIRTHDAY, null, LocalDate.of(2026, 12, 1)));
	}

	@Test
	void aContactInAucklandIsGreetedAtNineItsTimeOnTheEveningBeforeInUtc() {
		Organisation kiwi = in("NZ", contact("Pacific/Auckland", LocalDate.of(1980, 12, 1)));

		assertThat(due(kiwi, Instant.parse("2026-11-30T19:59:00Z"))).isEmpty();
		assertThat(due(kiwi, Instant.parse("2026-11-30T20:00:00Z")))
			.containsExactly(new Due(Occasion.BIRTHDAY, null, LocalDate.of(2026, 12, 1)));
	}

	@Test
	void theLocalDayEndsAtLocalMidnightNotAtUtcMidnight() {
		Organisation nyc = in("US", contact("America/New_York", LocalDate.of(1975, 11, 30)));

		// 02:00 UTC on 1 December is still 30 November, 21:00, in New York.
		assertThat(due(nyc, Instant.parse("2026-12-01T02:00:00Z")))
			.containsExactly(new Due(Occasion.BIRTHDAY, null, LocalDate.of(2026, 11, 30)));
		assertThat(due(nyc, Instant.parse("2026-12-01T05:00:00Z"))).as("midnight in New York").isEmpty();
	}

	@Test
	void beforeTheHourNothingIsDueAndFromTheHourOnItIs() {
		Organisation acme = in("CN", contact("Asia/Shanghai", LocalDate.of(1986, 11, 30)));

		assertThat(due(acme, Instant.parse("2026-11-30T00:59:59Z"))).isEmpty();
		assertThat(due(acme, Instant.parse("2026-11-30T01:00:00Z"))).hasSize(1);
		assertThat(due(acme, Instant.parse("2026-11-30T15:59:59Z"))).as("23:59:59 in Shanghai").hasSize(1);
	}

	@Test
	void aFebruary29BirthdayFallsOnFebruary28InOtherYearsAndOnFebruary29InLeapYears() {
		LocalDate leapling = LocalDate.of(1992, 2, 29);

		assertThat(GreetingRules.isBirthday(leapling, LocalDate.of(2027, 2, 28))).isTrue();
		assertThat(GreetingRules.isBirthday(leapling, LocalDate.of(2027, 3, 1))).isFalse();
		assertThat(GreetingRules.isBirthday(leapling, LocalDate.of(2028, 2, 28))).isFalse();
		assertThat(GreetingRules.isBirthday(leapling, LocalDate.of(2028, 2, 29))).isTrue();
		assertThat(GreetingRules.isBirthday(LocalDate.of(1990, 2, 28), LocalDate.of(2028, 2, 28))).isTrue();
		assertThat(GreetingRules.birthdaysOn(List.of(LocalDate.of(2027, 2, 28))))
			.containsExactlyInAnyOrder(MonthDay.of(2, 28), MonthDay.of(2, 29));
		assertThat(GreetingRules.birthdaysOn(List.of(LocalDate.of(2028, 2, 28)))).containsExactly(MonthDay.of(2, 28));
	}

	@Test
	void aContactWithoutABirthdayOrOnAnotherDayHasNoBirthdayGreeting() {
		Instant noonInShanghai = Instant.parse("2026-11-30T04:00:00Z");

		assertThat(due(in("CN", contact("Asia/Shanghai", null)), noonInShanghai)).isEmpty();
		assertThat(due(in("CN", contact("Asia/Shanghai", LocalDate.of(1986, 12, 1))), noonInShanghai)).isEmpty();
	}

	@Test
	void aHolidayOfTheDayIsDueForItsCountriesOnly() {
		Instant noonInShanghai = Instant.parse("2027-02-06T04:00:00Z");
		Holiday springFestival = holiday("spring-festival-2027", LocalDate.of(2027, 2, 6), "CN", "SG");

		assertThat(due(in("CN", contact("Asia/Shanghai", null)), noonInShanghai, springFestival))
			.containsExactly(new Due(Occasion.HOLIDAY, springFestival, LocalDate.of(2027, 2, 6)));
		assertThat(due(in("DE", contact("Asia/Shanghai", null)), noonInShanghai, springFestival))
			.as("an organisation in another country").isEmpty();
	}

	@Test
	void aHolidayForAllCountriesIsDueEverywhereOnEachContactsOwnDay() {
		Holiday newYear = holiday("new-year-2027", LocalDate.of(2027, 1, 1));
		Organisation berlin = in("DE", contact("Europe/Berlin", null));
		Organisation shanghai = in("CN", contact("Asia/Shanghai", null));
		// 09:00 on 1 January in Shanghai is still New Year's Eve in Berlin.
		Instant now = Instant.parse("2027-01-01T01:00:00Z");

		assertThat(due(shanghai, now, newYear)).extracting(Due::holiday).containsExactly(newYear);
		assertThat(due(berlin, now, newYear)).isEmpty();
		assertThat(due(berlin, Instant.parse("2027-01-01T08:00:00Z"), newYear)).extracting(Due::holiday)
			.containsExactly(newYear);
	}

	@Test
	void aBirthdayOnAHolidayIsTwoGreetings() {
		Holiday nationalDay = holiday("national-day-cn-2027", LocalDate.of(2027, 10, 1), "CN");
		Organisation acme = in("CN", contact("Asia/Shanghai", LocalDate.of(1980, 10, 1)));

		assertThat(due(acme, Instant.parse("2027-10-01T04:00:00Z"), nationalDay)).extracting(Due::occasion)
			.containsExactly(Occasion.BIRTHDAY, Occasion.HOLIDAY);
	}

	@Test
	void withoutMarketingConsentNothingIsSentWhateverTheChannel() {
		assertThat(GreetingRules.delivery(contact("UTC", null, PreferredChannel.EMAIL, false, "a@acme.example")))
			.isEqualTo(Delivery.NO_CONSENT);
		assertThat(GreetingRules.delivery(contact("UTC", null, PreferredChannel.SMS, false, "a@acme.example")))
			.isEqualTo(Delivery.NO_CONSENT);
	}

	@Test
	void smsAndPortalContactsAreGreetedByEmailInsteadAndWithoutAnEmailNotAtAll() {
		assertThat(GreetingRules.delivery(contact("UTC", null, PreferredChannel.EMAIL, true, "a@acme.example")))
			.isEqualTo(Delivery.EMAIL);
		assertThat(GreetingRules.delivery(contact("UTC", null, PreferredChannel.SMS, true, "a@acme.example")))
			.isEqualTo(Delivery.EMAIL_INSTEAD);
		assertThat(GreetingRules.delivery(contact("UTC", null, PreferredChannel.PORTAL, true, "a@acme.example")))
			.isEqualTo(Delivery.EMAIL_INSTEAD);
		assertThat(GreetingRules.delivery(contact("UTC", null, PreferredChannel.SMS, true, null)))
			.isEqualTo(Delivery.NO_CHANNEL);
	}

	@Test
	void aContactWithoutATimeZoneLivesInItsCountrysZoneOrElseInUtc() {
		assertThat(GreetingRules.zoneOf(contact(null, null), "CN")).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(GreetingRules.zoneOf(contact("Not/AZone", null), "DE")).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(GreetingRules.zoneOf(contact(null, null), "US")).as("several zones: not guessed")
			.isEqualTo(ZoneOffset.UTC);
		assertThat(GreetingRules.zoneOf(contact("America/Chicago", null), "CN")).isEqualTo(ZoneId.of("America/Chicago"));
	}

	@Test
	void theCandidateDaysAreEveryLocalDateTheWorldHasAtThatMoment() {
		assertThat(GreetingRules.candidateDays(Instant.parse("2026-11-30T12:00:00Z"))).containsExactly(
				LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1));
	}
}
