package com.rapport.customer.demo;

import java.time.Instant;
import java.time.LocalDate;

import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayService;
import com.rapport.customer.care.HolidayService.HolidayInput;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.ProfileRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTests {

	@Test
	void demoOrganisationsAndContactsKeepTheRulesTheApiEnforces() {
		assertThat(DemoData.ORGANISATIONS).extracting(Organisation::id)
			.containsExactly("acme-retail", "globex-trading", "initech-logistics", "stark-components",
					"wayne-hardware", "umbrella-supplies");
		DemoData.ORGANISATIONS.forEach(organisation -> {
			assertThat(ProfileRules.isCountry(organisation.country())).isTrue();
			assertThat(organisation.accountManager()).isIn("agent.li", "manager.wang");
			organisation.contacts().forEach(contact -> {
				assertThat(ProfileRules.emailProblem(contact.email())).isNull();
				assertThat(ProfileRules.phoneProblem(contact.phone())).isNull();
				assertThat(ProfileRules.language(contact.language())).isEqualTo(contact.language());
				assertThat(ProfileRules.isTimeZone(contact.timeZone())).isTrue();
			});
		});
	}

	@Test
	void demoContactsAreFoundBySearch() {
		assertThat(DemoData.ORGANISATIONS.get(0).searchKeys()).contains("alice", "bo", "zhang", "acme");
	}

	@Test
	void theDemoPortalLoginsAreLinkedToTheirContacts() {
		// The portal's profile page finds a contact by the login's user name (Keycloak realm: acme.buyer, ...).
		assertThat(DemoData.ORGANISATIONS).flatExtracting(o -> o.contacts().stream()
			.filter(c -> c.username() != null).map(c -> o.id() + "/" + c.name() + "/" + c.username()).toList())
			.contains("acme-retail/Alice Chen/acme.buyer", "globex-trading/Gavin Wu/globex.buyer");
	}

	@Test
	void theDemoCalendarHasTheChineseFestivalsForChinaAndChristmasElsewhereAndKeepsTheApisRules() {
		var calendar = DemoData.calendar(LocalDate.of(2026, 11, 30), Instant.parse("2026-11-30T12:00:00Z"));

		assertThat(calendar).extracting(h -> h.id() + " " + h.date()).containsExactly("christmas-2026 2026-12-25",
				"new-year-2027 2027-01-01", "spring-festival-2027 2027-02-06", "dragon-boat-festival-2027 2027-06-09",
				"national-day-sg-2027 2027-08-09", "mid-autumn-festival-2027 2027-09-15", "national-day-cn-2027 2027-10-01",
				"german-unity-day-2027 2027-10-03", "thanksgiving-2027 2027-11-25");
		Holiday christmas = calendar.get(0);
		assertThat(christmas.appliesTo("CN")).isFalse();
		assertThat(christmas.appliesTo("DE")).isTrue();
		assertThat(calendar.get(1).appliesTo("CN")).as("New Year, everywhere").isTrue();
		assertThat(calendar.get(2).countries()).containsExactly("CN", "SG");
		calendar.forEach(h -> assertThat(HolidayService.validated(h.id(),
				new HolidayInput(h.date().toString(), h.countries(), h.name(), h.greeting()), null, null))
			.isEqualTo(new Holiday(h.id(), h.date(), h.countries(), h.name(), h.greeting(), null, null)));
	}

	@Test
	void aBirthdayMovedToTheLoadDayIsTheContactsLocalDay() {
		// 23:30 UTC on 30 November is already 1 December in Shanghai, still 30 November in London.
		var moved = DemoData.ORGANISATIONS.stream()
			.map(o -> DemoData.withBirthdaysOn(o, Instant.parse("2026-11-30T23:30:00Z")))
			.flatMap(o -> o.contacts().stream()).filter(c -> DemoData.BIRTHDAY_ON_LOAD.contains(c.id())).toList();

		assertThat(moved).extracting(c -> c.name() + " " + c.birthday()).containsExactlyInAnyOrder(
				"Alice Chen 1986-12-01", "Bo Zhang 1990-12-01", "Oliver Hughes 1988-11-30");
	}
}
