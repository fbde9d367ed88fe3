package com.rapport.customer.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayRepository;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.organisation.SizeBand;
import com.rapport.customer.organisation.Tier;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The organisations of the demo: their ids match the {@code customer_id} attribute of the demo users in
 * {@code keycloak/rapport-realm.json}, their account managers the demo staff. Loaded only into an empty
 * store, so it never overwrites real data. The holiday calendar (the next 12 months) is loaded when there is
 * none, so an older demo store gets one too. So that the care greetings show on the day the demo is loaded,
 * three contacts have their birthday that day: Alice Chen (Chinese, wants the portal inbox: greeted by email
 * instead), Oliver Hughes (English, email) and Bo Zhang (no marketing consent: not greeted, and that is
 * recorded). Alice Chen has turned reorder reminders on: Acme Retail's ergonomic chairs, due to be reordered, bring
 * her a reminder in Chinese with a "reorder as last time" link.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final List<Organisation> ORGANISATIONS = List.of(
			organisation("acme-retail", "Acme Retail", "Retail", SizeBand.LARGE, "CN", "East China",
					List.of("strategic", "apparel"), "agent.li", "CRM-0001",
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001", "Alice Chen", "Purchasing manager",
							"alice.chen@acme-retail.example", "+86 21 5555 0101", "zh-CN", "Asia/Shanghai",
							LocalDate.of(1986, 4, 12), PreferredChannel.PORTAL, true, true, "CRM-0001-C1",
							"acme.buyer", null, true),
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002", "Bo Zhang", "Warehouse lead",
							"bo.zhang@acme-retail.example", "+86 21 5555 0102", "zh-CN", "Asia/Shanghai",
							LocalDate.of(1990, 11, 3), PreferredChannel.SMS, false, true, "CRM-0001-C2", null)),
			organisation("globex-trading", "Globex Trading", "Wholesale", SizeBand.MEDIUM, "SG", "Southeast Asia",
					List.of("distributor"), "agent.li", "CRM-0002",
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b2001", "Gavin Wu", "Procurement director",
							"gavin.wu@globex.example", "+65 6555 0199", "en", "Asia/Singapore",
							LocalDate.of(1979, 2, 28), PreferredChannel.EMAIL, true, true, "CRM-0002-C1",
							"globex.buyer")),
			organisation("initech-logistics", "Initech Logistics", "Logistics", SizeBand.SMALL, "DE", "Berlin",
					List.of(), "manager.wang", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b3001", "Petra Vogel", "Head of operations",
							"petra.vogel@initech.example", "+49 30 5555 0142", "en", "Europe/Berlin",
							null, PreferredChannel.EMAIL, false, false, null, null)),
			// The next three, with the orders order-tracking-service's demo places, show every tier and stage:
			// dormant (a wake-up call for agent.li), churned and a prospect without any order.
			organisation("stark-components", "Stark Components", "Electronics", SizeBand.MEDIUM, "CN", "South China",
					List.of("components"), "agent.li", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b4001", "Lei Zhou", "Purchasing lead",
							"lei.zhou@stark-components.example", "+86 755 5555 0177", "zh-CN", "Asia/Shanghai",
							null, PreferredChannel.EMAIL, false, true, null, null)),
			organisation("wayne-hardware", "Wayne Hardware", "Hardware", SizeBand.SMALL, "US", "New Jersey",
					List.of(), "manager.wang", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b5001", "Diana Prince", "Operations manager",
							"diana.prince@wayne-hardware.example", "+1 201 555 0123", "en", "America/New_York",
							null, PreferredChannel.EMAIL, false, false, null, null)),
			organisation("umbrella-supplies", "Umbrella Supplies", "Medical supplies", SizeBand.SMALL, "GB", "London",
					List.of("prospect"), "agent.li", null,
					new Contact("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b6001", "Oliver Hughes", "Buyer",
							"oliver.hughes@umbrella-supplies.example", "+44 20 5555 0160", "en", "Europe/London",
							null, PreferredChannel.EMAIL, true, true, null, null)));

	/** Alice Chen, Bo Zhang and Oliver Hughes. */
	static final Set<String> BIRTHDAY_ON_LOAD = Set.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001",
			"3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002", "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b6001");

	/** Spring Festival, Dragon Boat and Mid-Autumn follow the lunar calendar; their dates for the next years. */
	static final Map<Integer, List<LocalDate>> LUNAR = Map.of(
			2026, List.of(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 25)),
			2027, List.of(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 6, 9), LocalDate.of(2027, 9, 15)),
			2028, List.of(LocalDate.of(2028, 1, 26), LocalDate.of(2028, 5, 28), LocalDate.of(2028, 10, 3)),
			2029, List.of(LocalDate.of(2029, 2, 13), LocalDate.of(2029, 6, 16), LocalDate.of(2029, 9, 22)));

	/** Where Christmas is a public holiday, of the countries the demo and its likely additions have. */
	static final List<String> CHRISTMAS_COUNTRIES = List.of("AT", "AU", "BE", "CA", "CH", "DE", "DK", "ES", "FI",
			"FR", "GB", "IE", "IT", "NL", "NO", "NZ", "PL", "SE", "SG", "US");

	private final OrganisationRepository organisations;

	private final HolidayRepository holidays;

	private final Clock clock;

	DemoData(OrganisationRepository organisations, HolidayRepository holidays, Clock clock) {
		this.organisations = organisations;
		this.holidays = holidays;
		this.clock = clock;
	}

	private static Organisation organisation(String id, String name, String industry, SizeBand size, String country,
			String region, List<String> tags, String accountManager, String externalId, Contact... contacts) {
		return new Organisation(id, name, industry, size, country, region, tags, accountManager,
				OrganisationStatus.ACTIVE, externalId, Tier.NORMAL, LifecycleStage.PROSPECT, null, null,
				List.of(contacts), null, null, null, null, null);
	}

	@Override
	public void run(ApplicationArguments args) {
		Instant now = clock.instant();
		if (organisations.count() == 0) {
			organisations.saveAll(ORGANISATIONS.stream().map(o -> withBirthdaysOn(o, now)).toList());
			log.info("Loaded {} demo organisations with their contacts into the empty store",
					ORGANISATIONS.size());
		}
		if (holidays.count() == 0) {
			List<Holiday> calendar = calendar(now.atZone(ZoneId.of("UTC")).toLocalDate(),
					now.truncatedTo(ChronoUnit.MILLIS));
			holidays.saveAll(calendar);
			log.info("Loaded a holiday calendar of {} days into the empty store", calendar.size());
		}
	}

	/** The organisation with the birthdays of {@link #BIRTHDAY_ON_LOAD} moved to their local day at {@code now}. */
	static Organisation withBirthdaysOn(Organisation organisation, Instant now) {
		return organisation.withContacts(organisation.contacts().stream()
			.map(c -> BIRTHDAY_ON_LOAD.contains(c.id()) ? withBirthdayOn(c, now) : c)
			.toList());
	}

	/** The year is kept (1988 when there was no birthday); a 29 February falls on the 28th in other years. */
	private static Contact withBirthdayOn(Contact c, Instant now) {
		int year = c.birthday() == null ? 1988 : c.birthday().getYear();
		LocalDate birthday = MonthDay.from(now.atZone(ZoneId.of(c.timeZone()))).atYear(year);
		return new Contact(c.id(), c.name(), c.jobTitle(), c.email(), c.phone(), c.language(), c.timeZone(), birthday,
				c.preferredChannel(), c.marketingConsent(), c.surveyConsent(), c.externalId(), c.username(),
				c.invitation(), c.reorderReminderConsent());
	}

	/** The demo's holidays from {@code from} for 12 months, by date; ids name the holiday and its year. */
	static List<Holiday> calendar(LocalDate from, Instant createdAt) {
		LocalDate until = from.plusMonths(12);
		List<Holiday> days = new ArrayList<>();
		for (int year = from.getYear(); year <= until.getYear(); year++) {
			days.add(holiday("new-year", LocalDate.of(year, 1, 1), List.of(), "New Year", "元旦",
					"Dear {name}, happy New Year! Thank you for a year of working together; "
							+ "we look forward to the next one.",
					"{name}，您好！新年快乐！感谢您过去一年的信任与合作，期待新的一年继续携手同行。", createdAt));
			days.add(holiday("national-day-cn", LocalDate.of(year, 10, 1), List.of("CN"), "National Day", "国庆节",
					"Dear {name}, best wishes for the National Day holiday. Enjoy the Golden Week!",
					"{name}，您好！国庆佳节，祝您节日愉快，假期安康！", createdAt));
			days.add(holiday("national-day-sg", LocalDate.of(year, 8, 9), List.of("SG"), "National Day", "国庆日",
					"Dear {name}, happy National Day! Best wishes to you and your team.",
					"{name}，您好！国庆日快乐！祝您和您的团队一切顺利！", createdAt));
			days.add(holiday("german-unity-day", LocalDate.of(year, 10, 3), List.of("DE"), "Day of German Unity",
					"德国统一日", "Dear {name}, best wishes on the Day of German Unity!",
					"{name}，您好！值此德国统一日，向您致以节日的问候！", createdAt));
			days.add(holiday("thanksgiving",
					LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)),
					List.of("US"), "Thanksgiving", "感恩节",
					"Dear {name}, happy Thanksgiving! We are grateful for working with you.",
					"{name}，您好！感恩节快乐！感谢您一直以来的支持与合作！", createdAt));
			days.add(holiday("christmas", LocalDate.of(year, 12, 25), CHRISTMAS_COUNTRIES, "Christmas", "圣诞节",
					"Dear {name}, merry Christmas! Thank you for your trust this year; "
							+ "we wish you a peaceful holiday season.",
					"{name}，您好！圣诞快乐！感谢您一年来的信任，祝您节日愉快、平安喜乐！", createdAt));
			List<LocalDate> lunar = LUNAR.get(year);
			if (lunar != null) {
				days.add(holiday("spring-festival", lunar.get(0), List.of("CN", "SG"), "Spring Festival", "春节",
						"Dear {name}, happy Spring Festival! We wish you and your family health, happiness "
								+ "and prosperity in the new year.",
						"{name}，您好！值此新春佳节，祝您和家人身体健康、阖家幸福、万事如意！", createdAt));
				days.add(holiday("dragon-boat-festival", lunar.get(1), List.of("CN"), "Dragon Boat Festival", "端午节",
						"Dear {name}, happy Dragon Boat Festival! We wish you good health and every success.",
						"{name}，您好！端午安康！祝您身体健康，事业顺利！", createdAt));
				days.add(holiday("mid-autumn-festival", lunar.get(2), List.of("CN"), "Mid-Autumn Festival", "中秋节",
						"Dear {name}, happy Mid-Autumn Festival! May the full moon bring you and your family "
								+ "joy and togetherness.",
						"{name}，您好！中秋佳节，月圆人团圆，祝您和家人中秋快乐、幸福安康！", createdAt));
			}
		}
		return days.stream().filter(h -> !h.date().isBefore(from) && h.date().isBefore(until))
			.sorted(Comparator.comparing(Holiday::date).thenComparing(Holiday::id)).toList();
	}

	private static Holiday holiday(String name, LocalDate date, List<String> countries, String en, String zh,
			String greetingEn, String greetingZh, Instant createdAt) {
		return new Holiday(name + "-" + date.getYear(), date, countries, Map.of("en", en, "zh-CN", zh),
				Map.of("en", greetingEn, "zh-CN", greetingZh), createdAt, createdAt);
	}
}
