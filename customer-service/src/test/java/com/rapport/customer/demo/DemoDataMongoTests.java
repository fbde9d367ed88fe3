package com.rapport.customer.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayRepository;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading the demo into the embedded store (in memory), as {@code ./platform up} does on a fresh one. */
@DataMongoTest
@Import(MongoConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = "rapport.mongodb.embedded.in-memory=true")
class DemoDataMongoTests {

	/** 20:30 in Shanghai, 12:30 in London. */
	static final Instant LOADED = Instant.parse("2026-11-30T12:30:00Z");

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	HolidayRepository holidays;

	DemoData demo;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		holidays.deleteAll();
		demo = new DemoData(organisations, holidays, Clock.fixed(LOADED, ZoneOffset.UTC));
	}

	@Test
	void anEmptyStoreGetsTheOrganisationsAndAHolidayCalendarForTheNext12Months() {
		demo.run(new DefaultApplicationArguments());

		assertThat(organisations.count()).isEqualTo(DemoData.ORGANISATIONS.size());
		assertThat(holidays.findAll()).extracting(Holiday::id).contains("christmas-2026", "new-year-2027",
				"spring-festival-2027", "dragon-boat-festival-2027", "mid-autumn-festival-2027", "national-day-cn-2027",
				"thanksgiving-2027");
		assertThat(holidays.findById("spring-festival-2027").orElseThrow().date()).isEqualTo(LocalDate.of(2027, 2, 6));
		assertThat(holidays.findAll()).allSatisfy(holiday -> assertThat(holiday.date())
			.isBetween(LocalDate.of(2026, 11, 30), LocalDate.of(2027, 11, 29)));
	}

	@Test
	void threeDemoContactsHaveTheirBirthdayOnTheDayTheDemoIsLoaded() {
		demo.run(new DefaultApplicationArguments());

		assertThat(organisations.findAll()).flatExtracting(o -> o.contacts()).filteredOn(c -> c.birthday() != null
				&& c.birthday().getMonthValue() == 11 && c.birthday().getDayOfMonth() == 30)
			.extracting(Contact::name).containsExactlyInAnyOrder("Alice Chen", "Bo Zhang", "Oliver Hughes");
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts().get(0).birthday())
			.as("the year is kept").isEqualTo(LocalDate.of(1986, 11, 30));
	}

	@Test
	void aStoreWithDataKeepsItAndGetsOnlyTheMissingCalendar() {
		demo.run(new DefaultApplicationArguments());
		holidays.deleteAll();
		organisations.deleteById("umbrella-supplies");

		demo.run(new DefaultApplicationArguments());
		long days = holidays.count();
		demo.run(new DefaultApplicationArguments());

		assertThat(organisations.existsById("umbrella-supplies")).as("organisations are loaded into an empty store only")
			.isFalse();
		assertThat(days).isPositive();
		assertThat(holidays.count()).isEqualTo(days);
	}
}
