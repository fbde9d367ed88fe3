package com.rapport.customer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.customer.care.CareTask;
import com.rapport.customer.care.CareTaskKind;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayRepository;
import com.rapport.customer.figures.LifecycleMonths;
import com.rapport.customer.figures.Segment;
import com.rapport.customer.figures.SegmentStages;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.organisation.PreferredChannel;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.support.test.QueryPlans;
import com.rapport.support.test.QueryPlans.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads behind the console's customer search and list, the partner API, the timeline of the 360, the
 * tiering inputs, the care tasks and the greeting run are answered from an index: each test runs the query as
 * the service sends it and has the store explain every read. Thirty organisations, a timeline of twenty entries
 * for three of them, care tasks for all, so that a scan of the collection or of the wrong index would show.
 */
public abstract class CustomerQueryPlanContract {

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	CareTaskRepository tasks;

	@Autowired
	HolidayRepository holidays;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QueryPlans plans;

	@BeforeEach
	void thirtyOrganisations() {
		organisations.deleteAll();
		interactions.deleteAll();
		tasks.deleteAll();
		holidays.deleteAll();
		List<CareTask> open = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String id = "org-" + i;
			Organisation organisation = Organisation.create(id, "Company " + i, "retail", "CN",
					Contact.of("Contact " + i, null, "contact" + i + "@org" + i + ".example", null, "en", "Asia/Shanghai",
							null));
			organisations.insert(organisation.withProfile(new Organisation.Profile("Company " + i, "retail", null, "CN",
					null, List.of(), "manager-" + i % 3, OrganisationStatus.ACTIVE, "erp-" + i)));
			open.add(new CareTask("wake-up-call:" + id, id, "manager-" + i % 3, CareTaskKind.WAKE_UP_CALL,
					"Wake-up call", T0.minus(Duration.ofDays(i)), i % 5 != 0));
		}
		tasks.insert(open);
		organisations.insert(Organisation.create("acme-retail", "Acme Retail", "retail", "CN",
				Contact.of("Alice Chen", null, "alice@acme.example", "+86 21 5555 0101", "en", "Asia/Shanghai", null)));
		List<Interaction> timeline = new ArrayList<>();
		for (String organisation : List.of("org-1", "org-2", "acme-retail")) {
			for (int i = 0; i < 20; i++) {
				InteractionKind kind = i % 2 == 0 ? InteractionKind.ORDER_PLACED : InteractionKind.TICKET_OPENED;
				Instant at = T0.minus(Duration.ofDays(5L * i));
				timeline.add(new Interaction(null, "order-tracking-service", organisation + "-" + i, organisation, kind,
						at, "entry " + i, "order:" + i, Map.of(), at));
			}
		}
		interactions.insert(timeline);
		for (int day = 0; day < 30; day++) {
			LocalDate date = LocalDate.parse("2026-01-01").plusDays(7L * day);
			holidays.insert(new Holiday("holiday-" + day, date, List.of("CN"), Map.of("en", "Day " + day),
					Map.of("en", "Happy day, {name}"), T0, T0));
		}
	}

	@Test
	void aSegmentsStagesAreCountedFromTheSegmentIndexesAloneWhateverTheFilter() {
		SegmentStages.index(mongo);
		SegmentStages stages = new SegmentStages(mongo);
		List<Plan> sent = plans.explain(mongo, "organisations", () -> {
			for (String tier : new String[] { "", "NORMAL" }) {
				for (String industry : new String[] { "", "retail" }) {
					for (String region : new String[] { "", "East" }) {
						stages.count("", new Segment(tier, industry, region));
					}
				}
			}
		});

		// Eight filters, six stages each: every count one range of one index, no document read.
		assertThat(sent).hasSize(48).allSatisfy(Plan::assertCountsFromIndexAlone);
	}

	@Test
	void theIndustriesFoundAreWalkedOnTheIndexLedByIndustryOneEntryAValue() {
		SegmentStages.index(mongo);
		List<Plan> sent = plans.explain(mongo, "organisations",
				() -> assertThat(new SegmentStages(mongo).distinct("industry")).containsExactly("retail"));

		assertThat(sent).hasSize(2).allSatisfy(plan -> plan.assertScansOnly(SegmentStages.INDUSTRY_STAGE)
			.assertSortsByIndex());
	}

	@Test
	void aPeriodsLifecycleRollupsAreReadByMonth() {
		LifecycleMonths.index(mongo);
		for (int month = 1; month <= 12; month++) {
			mongo.save(new org.bson.Document("_id", String.format("2026-%02d|NORMAL|retail|", month))
				.append("month", String.format("2026-%02d", month)), LifecycleMonths.MONTHS);
		}
		List<Plan> sent = plans.explain(mongo, LifecycleMonths.MONTHS,
				() -> assertThat(mongo.find(LifecycleMonths.since("2026-10"), org.bson.Document.class,
						LifecycleMonths.MONTHS)).hasSize(3));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("month"));
	}

	@Test
	void theConsoleSearchAndItsCountReadTheSearchKeys() {
		List<Plan> sent = plans.explain(mongo, "organisations",
				() -> assertThat(organisations.search(List.of("company", "1"), null, PageRequest.of(0, 2))
					.getTotalElements()).isEqualTo(11));

		assertThat(sent).hasSize(2).allSatisfy(plan -> plan.assertScansOnly("searchKeys"));
	}

	@Test
	void theConsoleListReadsOrganisationsByName() {
		List<Plan> sent = plans.explain(mongo, "organisations",
				() -> organisations.findAllByOrderByNameAsc(PageRequest.of(1, 10)));

		// The page's total is a count of the whole collection, which no index narrows.
		assertThat(sent).filteredOn(plan -> plan.is("find")).singleElement()
			.satisfies(plan -> plan.assertScansOnly("name").assertSortsByIndex());
	}

	@Test
	void aPartnerFindsAnOrganisationByItsOwnKey() {
		List<Plan> sent = plans.explain(mongo, "organisations",
				() -> assertThat(organisations.findByExternalId("erp-17")).isPresent());

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("externalId"));
	}

	@Test
	void aTimelinePageAndItsCountAreReadFromTheOrganisationsIndexNewestFirst() {
		List<Plan> sent = plans.explain(mongo, "interactions",
				() -> interactions.findByOrganisationIdOrderByOccurredAtDescIdDesc("org-2", PageRequest.of(1, 5)));

		assertThat(sent).hasSize(2);
		sent.get(0).assertScansOnly("organisation_newest").assertSortsByIndex();
		sent.get(1).assertScansIndexLedBy("organisationId");
	}

	/**
	 * Either of the organisation's indexes will do: the kinds' ranges of {@code organisation_kind_newest}, or
	 * {@code organisation_newest} read in order when the kinds are most of the timeline and only a page is asked for.
	 */
	@Test
	void aTimelinePageOfSomeKindsIsReadFromAnIndexOfTheOrganisation() {
		List<Plan> sent = plans.explain(mongo, "interactions",
				() -> interactions.findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc("org-2",
						Set.of(InteractionKind.ORDER_PLACED, InteractionKind.ORDER_DELAYED), PageRequest.of(1, 5)));

		assertThat(sent).hasSize(2).allSatisfy(plan -> plan.assertScansIndexLedBy("organisationId"));
	}

	@Test
	void theTieringInputsAreReadFromTheKindIndex() {
		List<Plan> sent = plans.explain(mongo, "interactions", () -> {
			interactions.findByOrganisationIdAndKindAndOccurredAtGreaterThanEqual("acme-retail",
					InteractionKind.ORDER_PLACED, T0.minus(Duration.ofDays(30)));
			interactions.findFirstByOrganisationIdAndKindOrderByOccurredAtDescIdDesc("acme-retail",
					InteractionKind.ORDER_PLACED);
			interactions.countByOrganisationIdAndKind("acme-retail", InteractionKind.ORDER_PLACED);
		});

		assertThat(sent).hasSize(3).allSatisfy(plan -> plan.assertScansOnly("organisation_kind_newest"));
		sent.get(1).assertSortsByIndex();
	}

	@Test
	void aReportedEventIsLookedUpByItsSourceAndId() {
		List<Plan> sent = plans.explain(mongo, "interactions",
				() -> assertThat(interactions.existsBySourceAndEventId("order-tracking-service", "org-1-3")).isTrue());

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("source_event"));
	}

	@Test
	void theOpenCareTasksAreReadNewestFirstFromTheirIndexes() {
		List<Plan> everyones = plans.explain(mongo, "care_tasks",
				() -> assertThat(tasks.findByOpenTrueOrderByCreatedAtDesc(PageRequest.of(0, 200))).hasSize(24));
		List<Plan> ones = plans.explain(mongo, "care_tasks",
				() -> tasks.findByOpenTrueAndAssigneeOrderByCreatedAtDesc("manager-1", PageRequest.of(0, 200)));

		assertThat(everyones).singleElement().satisfies(plan -> plan.assertScansOnly("open_newest").assertSortsByIndex());
		assertThat(ones).singleElement()
			.satisfies(plan -> plan.assertScansOnly("open_by_assignee").assertSortsByIndex());
	}

	@Test
	void theRecomputeFindsAnOrganisationsOpenWakeUpCallsByIndex() {
		List<Plan> sent = plans.explain(mongo, "care_tasks", () -> {
			assertThat(tasks.existsByOrganisationIdAndKindAndOpenTrue("org-7", CareTaskKind.WAKE_UP_CALL)).isTrue();
			assertThat(tasks.findByOrganisationIdAndKindAndOpenTrue("org-7", CareTaskKind.WAKE_UP_CALL)).hasSize(1);
		});

		assertThat(sent).hasSize(2).allSatisfy(plan -> plan.assertScansOnly("organisation_kind_open"));
	}

	/** Every 15 minutes, for the day in each time zone: the day's birthdays, then a holiday's countries. */
	@Test
	void theGreetingRunReadsTheDaysBirthdaysAndAHolidaysCountriesByIndex() {
		organisations.insert(Organisation.create("born-today", "Born Today", null, "DE",
				new Contact(null, "Bea", null, null, null, "en", "UTC", LocalDate.parse("1990-11-20"),
						PreferredChannel.EMAIL, true, false, null, null)));
		List<Plan> sent = plans.explain(mongo, "organisations",
				() -> assertThat(organisations.celebrating(Set.of(MonthDay.of(11, 20)), Set.of("DE"), false, null, 50))
					.extracting(Organisation::id).containsExactly("born-today"));

		assertThat(sent).hasSize(2);
		sent.get(0).assertScansOnly("birthdayKeys");
		sent.get(1).assertScansOnly("country_id").assertSortsByIndex();
	}

	@Test
	void theGreetingRunReadsTheDaysHolidaysByDate() {
		List<Plan> sent = plans.explain(mongo, "holidays", () -> assertThat(holidays
			.findByDateIn(Set.of(LocalDate.parse("2026-01-08"), LocalDate.parse("2026-01-09")))).hasSize(1));

		assertThat(sent).singleElement().satisfies(plan -> plan.assertScansOnly("date"));
	}
}
